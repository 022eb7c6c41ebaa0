package desk

import (
	"net/http"
	"strings"

	"motcua/internal/calendar"
	"motcua/internal/fault"
	"motcua/internal/web/kit"
)

// handleRatings shows the ratings of the service of a unit and the units below it over
// a period, per officer and per procedure (GET /bao-cao/danh-gia?unit=&from=&to=), to
// leaders, inspectors and administrators within their scope. Without dates it shows
// the last twelve months.
func (s *Server) handleRatings(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	q := r.URL.Query()
	unit, from, to := strings.TrimSpace(q.Get("unit")), strings.TrimSpace(q.Get("from")), strings.TrimSpace(q.Get("to"))
	if unit == "" {
		unit = u.UnitCode
	}
	if from == "" && to == "" {
		today := calendar.DateOf(s.Now())
		from, to = today.AddDays(-364).String(), today.String()
	}
	data := map[string]any{"Title": "Đánh giá mức độ hài lòng", "Unit": unit, "From": from, "To": to}
	rep, err := s.App.Ratings(r.Context(), u, unit, from, to)
	if err != nil {
		e := s.Public(r, err)
		if e.Code != fault.Invalid && e.Code != fault.NotFound {
			s.PageError(w, r, err)
			return
		}
		data["Message"], data["Errors"] = e.Message, e.Fields
		s.Render(w, r, kit.Status(e.Code), "ratings.html", data)
		return
	}
	data["R"] = rep
	s.Render(w, r, http.StatusOK, "ratings.html", data)
}
