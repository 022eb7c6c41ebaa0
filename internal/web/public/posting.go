package public

import (
	"bytes"
	"net/http"

	"motcua/internal/catalog"
	"motcua/internal/fault"
	"motcua/internal/pdf"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// handlePostingSheet prints the A4 posting sheet (danh mục niêm yết) of a field, with a
// QR code to each procedure's page.
func (s *Server) handlePostingSheet(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	code := r.PathValue("field")
	fields, err := s.Store.Fields(ctx)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	var field catalog.Field
	for _, f := range fields {
		if f.Code == code {
			field = f.Field
		}
	}
	if field.Code == "" {
		s.PageError(w, r, fault.Newf(fault.NotFound, "Không có lĩnh vực %q.", code))
		return
	}
	items, _, err := s.Store.SearchProcedures(ctx, store.ProcedureQuery{Field: code, Limit: store.MaxLimit})
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	site := s.SiteUnit(r)
	unit := pdf.Unit{Name: site.Name, Address: site.Address, Hotline: site.Hotline, Email: site.Email}
	if site.ParentCode != "" {
		if parent, err := s.Store.Unit(ctx, site.ParentCode); err == nil {
			unit.Parent = parent.Name
		}
	}
	sheet := pdf.PostingSheet{Unit: unit, FieldName: field.Name, Date: s.Now()}
	base := s.BaseURL(r)
	for _, it := range items {
		sheet.Items = append(sheet.Items, pdf.PostedProcedure{
			Code: it.Code, Name: it.Name, DeadlineText: kit.DeadlineText(it.DeadlineDays, it.DeadlineMode),
			FeeText: kit.FeeText(it.FeeVND), Online: kit.OnlineLabel(it.Online), URL: base + "/thu-tuc/" + it.Code,
		})
	}
	var buf bytes.Buffer
	if err := pdf.WritePostingSheet(&buf, sheet); err != nil {
		s.PageError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `inline; filename="niem-yet-`+field.Code+`.pdf"`)
	buf.WriteTo(w)
}
