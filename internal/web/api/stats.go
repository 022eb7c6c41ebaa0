package api

import (
	"bytes"
	"net/http"

	"motcua/internal/app"
	"motcua/internal/sheet"
	"motcua/internal/web/kit"
)

// ii07b reads the report's unit and date from the query string.
func (s *Server) ii07b(r *http.Request) (app.II07b, error) {
	u, _ := kit.CurrentUser(r)
	q := r.URL.Query()
	return s.App.ReportII07b(r.Context(), u, q.Get("unit"), q.Get("date"))
}

// apiReportII07b answers GET /api/v1/reports/ii07b?unit=&date= with Biểu II.07b:
// {"unit","unit_name","date","districts","rows":[{"unit_code","unit_name","tier",
// "competence","one_stop","processes"}],"total":{…}}, each group {"total","province",
// "commune"} (and "district" before 1 July 2025).
func (s *Server) apiReportII07b(w http.ResponseWriter, r *http.Request) {
	rep, err := s.ii07b(r)
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{
		"unit": rep.Unit.Code, "unit_name": rep.Unit.Name, "date": rep.Date.String(), "districts": rep.Districts,
		"rows": rep.Rows, "total": map[string]any{"competence": rep.Total.Competence, "one_stop": rep.Total.OneStop, "processes": rep.Total.Processes},
	})
}

// apiReportII07bXLSX answers GET /api/v1/reports/ii07b.xlsx with the same query: the
// report laid out like the official form.
func (s *Server) apiReportII07bXLSX(w http.ResponseWriter, r *http.Request) {
	rep, err := s.ii07b(r)
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := sheet.WriteII07b(&buf, rep.Unit.Name, rep.Parent.Name, rep.II07b); err != nil {
		s.APIError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="bieu-II07b-`+rep.Unit.Code+"-"+rep.Date.String()+`.xlsx"`)
	w.Header().Set("Cache-Control", "private, no-store")
	buf.WriteTo(w)
}
