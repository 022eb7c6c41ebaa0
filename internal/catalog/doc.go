// Package catalog holds the procedure catalogue (danh mục thủ tục hành chính):
// fields (lĩnh vực), procedures (thủ tục hành chính) with their documents, fees,
// deadlines and e-form fields, the internal process (quy trình nội bộ) that
// drives dossiers, the JSON import/export format, the embedded demo catalogue
// and the search ranking shared by both databases.
//
// Everything here is types and pure rules. The package imports only the
// standard library; it must not import database, HTTP or any other motcua
// package.
package catalog
