package api

import (
	"net/http"
	"strconv"
	"strings"

	"motcua/internal/app"
	"motcua/internal/calendar"
	"motcua/internal/fault"
	"motcua/internal/web/kit"
)

// apiDossierForm prints a form of a dossier (GET /api/v1/dossiers/{code}/forms/{form}.pdf).
func (s *Server) apiDossierForm(w http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutSuffix(r.PathValue("file"), ".pdf")
	kind, known := app.FormKind(name)
	if !ok || !known {
		s.APIError(w, r, fault.New(fault.NotFound, "Không có biểu mẫu này. Các biểu mẫu: receipt, supplement, refusal, apology, stop, control."))
		return
	}
	f, err := s.App.DossierForm(r.Context(), s.Viewer(r), r.PathValue("code"), kind, s.Origin(r))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	kit.WritePDF(w, f.Name, f.PDF)
}

// apiUnitBook prints the dossier book of a unit (GET /api/v1/units/{code}/book.pdf?from=&to=,
// dates YYYY-MM-DD in UTC+7, both included; the current month by default).
func (s *Server) apiUnitBook(w http.ResponseWriter, r *http.Request) {
	today := calendar.DateOf(s.Now())
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
		s.APIError(w, r, fault.WithFields("Kỳ theo dõi không hợp lệ.", bad))
		return
	}
	volume := 1
	if v := r.URL.Query().Get("volume"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			s.APIError(w, r, fault.WithFields("Số quyển không hợp lệ.", map[string]string{"volume": "Số quyển là số nguyên từ 1."}))
			return
		}
		volume = n
	}
	u, _ := kit.CurrentUser(r)
	f, err := s.App.UnitBookVolume(r.Context(), u, r.PathValue("code"), from, to, volume, s.Origin(r))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	// A period with more dossiers than a volume holds is printed in several files: the
	// headers say which one this is and how many there are (?volume=N for the others).
	w.Header().Set("X-Motcua-Book-Volume", strconv.Itoa(f.Volume))
	w.Header().Set("X-Motcua-Book-Volumes", strconv.Itoa(f.Volumes))
	kit.WritePDF(w, f.Name, f.PDF)
}
