package web

import (
	"bytes"
	"net/http"
	"strings"

	"motcua/internal/catalog"
	"motcua/internal/fault"
	"motcua/internal/pdf"
	"motcua/internal/store"
)

// baseURL is the public address of the site for QR codes: the configured one, else the
// scheme and host of the request.
func (s *Server) baseURL(r *http.Request) string {
	if s.cfg.BaseURL != "" {
		return strings.TrimRight(s.cfg.BaseURL, "/")
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// handlePostingSheet prints the A4 posting sheet (danh mục niêm yết) of a field, with a
// QR code to each procedure's page.
func (s *Server) handlePostingSheet(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	code := r.PathValue("field")
	fields, err := s.store.Fields(ctx)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	var field catalog.Field
	for _, f := range fields {
		if f.Code == code {
			field = f.Field
		}
	}
	if field.Code == "" {
		s.pageError(w, r, fault.Newf(fault.NotFound, "Không có lĩnh vực %q.", code))
		return
	}
	items, _, err := s.store.SearchProcedures(ctx, store.ProcedureQuery{Field: code, Limit: store.MaxLimit})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	site := s.siteUnit(r)
	unit := pdf.Unit{Name: site.Name, Address: site.Address, Hotline: site.Hotline, Email: site.Email}
	if site.ParentCode != "" {
		if parent, err := s.store.Unit(ctx, site.ParentCode); err == nil {
			unit.Parent = parent.Name
		}
	}
	sheet := pdf.PostingSheet{Unit: unit, FieldName: field.Name, Date: s.now()}
	base := s.baseURL(r)
	for _, it := range items {
		sheet.Items = append(sheet.Items, pdf.PostedProcedure{
			Code: it.Code, Name: it.Name, DeadlineText: deadlineText(it.DeadlineDays, it.DeadlineMode),
			FeeText: feeText(it.FeeVND), Online: onlineLabel(it.Online), URL: base + "/thu-tuc/" + it.Code,
		})
	}
	var buf bytes.Buffer
	if err := pdf.WritePostingSheet(&buf, sheet); err != nil {
		s.pageError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `inline; filename="niem-yet-`+field.Code+`.pdf"`)
	buf.WriteTo(w)
}
