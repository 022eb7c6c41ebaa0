package public

import (
	"net/http"
	"strconv"
	"strings"

	"motcua/internal/app"
	"motcua/internal/calendar"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/report"
)

// Headline is what the results_headline partial shows: the unit and its figures of the
// current statutory month.
type Headline struct {
	Unit org.Unit
	app.ResultFigures
}

// handleResults shows a unit's public results (GET /ket-qua/{unit}?nam=): received,
// resolved, on-time rate, the QĐ 766 index and the rank among its siblings for the
// month and the year. Figures only, nothing about a dossier or a person.
func (s *Server) handleResults(w http.ResponseWriter, r *http.Request) {
	year := 0
	if y := strings.TrimSpace(r.URL.Query().Get("nam")); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil {
			s.PageError(w, r, fault.WithFields("Năm không hợp lệ.", map[string]string{"nam": "Nhập năm, ví dụ 2025."}))
			return
		}
		year = n
	}
	res, err := s.App.UnitResults(r.Context(), r.PathValue("unit"), year)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "results.html", map[string]any{
		"Title": "Kết quả giải quyết TTHC – " + res.Unit.Name, "R": res,
		"MonthHeadline": Headline{Unit: res.Unit, ResultFigures: res.Month},
	})
}

// handleRankings shows the public QĐ 766 ranking of the units below a parent for a
// statutory year (GET /xep-hang?cap-tren=&nam=): the site unit's parent by default.
func (s *Server) handleRankings(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	today := calendar.DateOf(s.Now())
	year := report.StatutoryMonth(today).To.Year
	if y := strings.TrimSpace(q.Get("nam")); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil || n < 2000 || n > year {
			s.PageError(w, r, fault.WithFields("Năm không hợp lệ.", map[string]string{"nam": "Nhập năm, ví dụ 2025."}))
			return
		}
		year = n
	}
	parent := q.Get("cap-tren")
	if parent == "" {
		site := s.SiteUnit(r)
		parent = site.ParentCode
		if parent == "" {
			parent = site.Code
		}
	}
	p, _ := report.Named(report.Year, year, 0)
	rk, err := s.App.Rankings(r.Context(), parent, p.From.String(), p.To.String())
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "rankings.html", map[string]any{
		"Title": "Xếp hạng Chỉ số phục vụ (QĐ 766) năm " + strconv.Itoa(year), "R": rk, "Year": year,
		"Years": []int{year, year - 1, year - 2},
	})
}
