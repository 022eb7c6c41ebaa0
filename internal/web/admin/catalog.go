package admin

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"motcua/internal/catalog"
	"motcua/internal/fault"
	"motcua/internal/sheet"
	"motcua/internal/web/kit"
)

// maxImportBody bounds a catalogue upload (the file plus the form around it).
const maxImportBody = 20<<20 + 64<<10

// handleCatalogImport loads an uploaded catalogue (JSON, or an Excel workbook when the
// file is .xlsx) all or nothing: any problem shows every problem with its row and
// column, and nothing is saved.
func (s *Server) handleCatalogImport(w http.ResponseWriter, r *http.Request) {
	file, head, err := r.FormFile("file")
	if err != nil {
		s.importPage(w, r, http.StatusBadRequest, nil, "Hãy chọn tệp danh mục (.json hoặc .xlsx) để nhập.", nil)
		return
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, catalog.MaxFileSize+1))
	if err != nil {
		s.PageError(w, r, fault.New(fault.Invalid, "Không đọc được tệp tải lên."))
		return
	}
	if len(data) > catalog.MaxFileSize {
		s.PageError(w, r, fault.New(fault.TooLarge, "Tệp danh mục vượt quá giới hạn 20 MiB."))
		return
	}
	var c catalog.Catalog
	var probs []catalog.Problem
	excel := strings.HasSuffix(strings.ToLower(head.Filename), ".xlsx") || bytes.HasPrefix(data, []byte("PK"))
	if excel {
		c, probs, err = sheet.ReadCatalog(bytes.NewReader(data))
	} else {
		c, probs, err = catalog.Decode(bytes.NewReader(data))
		if errors.Is(err, catalog.ErrInvalid) {
			err = nil
		}
	}
	if err != nil && len(probs) == 0 {
		s.PageError(w, r, err)
		return
	}
	if len(probs) == 0 {
		u, _ := kit.CurrentUser(r)
		res, ierr := s.App.ImportCatalog(r.Context(), u, c, head.Filename, s.Origin(r))
		if ierr != nil && len(res.Problems) == 0 {
			s.PageError(w, r, ierr)
			return
		}
		probs = res.Problems
		if len(probs) == 0 {
			s.importPage(w, r, http.StatusOK, nil, "", &res)
			return
		}
	}
	lines := make([]string, len(probs))
	for i, p := range probs {
		lines[i] = describeProblem(p, excel)
	}
	s.importPage(w, r, http.StatusBadRequest, lines, "Tệp có lỗi nên chưa có thay đổi nào được lưu. Hãy sửa các lỗi sau rồi nhập lại.", nil)
}

// describeProblem words an import problem with its row and column.
func describeProblem(p catalog.Problem, excel bool) string {
	if excel {
		return sheet.Describe(p)
	}
	var b strings.Builder
	if p.Row > 0 {
		b.WriteString("Dòng " + strconv.Itoa(p.Row))
		if p.Column != "" {
			b.WriteString(", cột " + p.Column)
		}
		b.WriteString(": ")
	} else if p.Column != "" {
		b.WriteString(p.Column + ": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

func (s *Server) importPage(w http.ResponseWriter, r *http.Request, st int, problems []string, msg string, res any) {
	s.Render(w, r, st, "admin_catalog_import.html", map[string]any{
		"Title": "Nhập danh mục thủ tục", "Problems": problems, "Message": msg, "Result": res,
	})
}

// handleCatalogExportJSON downloads the whole catalogue as JSON.
func (s *Server) handleCatalogExportJSON(w http.ResponseWriter, r *http.Request) {
	c, err := s.Store.ExportCatalog(r.Context())
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := catalog.Encode(&buf, c); err != nil {
		s.PageError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="danh-muc-thu-tuc.json"`)
	buf.WriteTo(w)
}

// handleCatalogExportXLSX downloads the whole catalogue as an Excel workbook.
func (s *Server) handleCatalogExportXLSX(w http.ResponseWriter, r *http.Request) {
	c, err := s.Store.ExportCatalog(r.Context())
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := sheet.WriteCatalog(&buf, c); err != nil {
		s.PageError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="danh-muc-thu-tuc.xlsx"`)
	buf.WriteTo(w)
}
