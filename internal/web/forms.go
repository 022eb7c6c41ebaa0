package web

import (
	"bytes"
	"net/http"
	"strings"

	"motcua/internal/app"
	"motcua/internal/calendar"
	"motcua/internal/fault"
)

// writePDF sends a finished PDF.
func writePDF(w http.ResponseWriter, name string, buf *bytes.Buffer) {
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", `inline; filename="`+name+`"`)
	h.Set("Cache-Control", "private, no-store")
	w.WriteHeader(http.StatusOK)
	buf.WriteTo(w)
}

// apiDossierForm prints a form of a dossier (GET /api/v1/dossiers/{code}/forms/{form}.pdf).
func (s *Server) apiDossierForm(w http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutSuffix(r.PathValue("file"), ".pdf")
	kind, known := app.FormKind(name)
	if !ok || !known {
		s.apiError(w, r, fault.New(fault.NotFound, "Không có biểu mẫu này. Các biểu mẫu: receipt, supplement, refusal, apology, stop, control."))
		return
	}
	f, err := s.app.DossierForm(r.Context(), s.viewer(r), r.PathValue("code"), kind, s.origin(r))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writePDF(w, f.Name, f.PDF)
}

// apiUnitBook prints the dossier book of a unit (GET /api/v1/units/{code}/book.pdf?from=&to=,
// dates YYYY-MM-DD in UTC+7, both included; the current month by default).
func (s *Server) apiUnitBook(w http.ResponseWriter, r *http.Request) {
	today := calendar.DateOf(s.now())
	from, to := calendar.NewDate(today.Year, today.Month, 1), today
	bad := map[string]string{}
	for name, dst := range map[string]*calendar.Date{"from": &from, "to": &to} {
		if v := r.URL.Query().Get(name); v != "" {
			d, err := calendar.ParseDate(v)
			if err != nil {
				bad[name] = "Ngày phải có dạng YYYY-MM-DD."
				continue
			}
			*dst = d
		}
	}
	if len(bad) > 0 {
		s.apiError(w, r, fault.WithFields("Kỳ theo dõi không hợp lệ.", bad))
		return
	}
	u, _ := currentUser(r)
	f, err := s.app.UnitBook(r.Context(), u, r.PathValue("code"), from, to, s.origin(r))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writePDF(w, f.Name, f.PDF)
}
