// Package esign signs PDF documents with a unit's certificate (ký số kết quả giải quyết
// bằng chứng thư số của cơ quan): a PAdES baseline signature (SubFilter
// ETSI.CAdES.detached, CMS SignedData with the ESS signing-certificate-v2 attribute)
// added to the document as an incremental update, with a visible signature block. It
// also reads PKCS#12 files, makes the demo's test certificates and seals private keys
// for storage.
//
// It reads only as much of a PDF as signing needs (the trailer, the catalogue, the page
// tree and the page that carries the block), written for this package because no
// maintained Go PDF signing library could be used (docs/ARCHITECTURE.md). It imports
// the standard library, internal/fault and software.sslmate.com/src/go-pkcs12; never
// store, web or SQL.
package esign
