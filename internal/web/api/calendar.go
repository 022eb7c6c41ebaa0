package api

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/fault"
	"motcua/internal/web/kit"
)

// missingParam is the invalid fault for a required query parameter left out.
func missingParam(param, example string) error {
	msg := "Thiếu tham số " + param + " (ví dụ " + example + ")."
	return fault.WithFields(msg, map[string]string{param: msg})
}

// parseFlag reads an optional boolean query parameter: "", "false", "0" are false,
// "true", "1" are true.
func parseFlag(v, param string) (bool, error) {
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		msg := "Tham số " + param + " chỉ nhận true hoặc false."
		return false, fault.WithFields(msg, map[string]string{param: msg})
	}
	return b, nil
}

// dueResult is the JSON of a computed due date, the same as the command line's.
type dueResult struct {
	Due     string               `json:"due"`
	Explain calendar.Explanation `json:"explain"`
}

// apiCalendarDue answers GET /api/v1/calendar/due?from=&days=&unit=&calendar_days=: the
// due instant of a deadline counted from from (now when left out), with its explanation.
func (s *Server) apiCalendarDue(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	from := s.Now()
	if v := q.Get("from"); v != "" {
		t, err := calendar.ParseInstant(v)
		if err != nil {
			s.APIError(w, r, kit.CalendarInvalid(err, "from"))
			return
		}
		from = t
	}
	if strings.TrimSpace(q.Get("days")) == "" {
		s.APIError(w, r, missingParam("days", "3 hoặc 0.5"))
		return
	}
	days, err := calendar.ParseDays(q.Get("days"))
	if err != nil {
		s.APIError(w, r, kit.CalendarInvalid(err, "days"))
		return
	}
	calDays, err := parseFlag(q.Get("calendar_days"), "calendar_days")
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	cal, err := s.Store.UnitCalendar(r.Context(), q.Get("unit"))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	due, explain, err := cal.Due(from, calendar.Deadline{Days: days, CalendarDays: calDays})
	if err != nil {
		field := "days"
		if !calDays || days == float64(int(days)) {
			field = "from"
		}
		s.APIError(w, r, kit.CalendarInvalid(err, field))
		return
	}
	kit.WriteJSON(w, http.StatusOK, dueResult{Due: due.In(calendar.Zone()).Format(time.RFC3339), Explain: explain})
}

// apiCalendarHolidays answers GET /api/v1/calendar/holidays?year=&unit=: the days off of
// the year that are not weekly days off, as {"items":[{"date","name","kind"},…]}.
func (s *Server) apiCalendarHolidays(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if strings.TrimSpace(q.Get("year")) == "" {
		s.APIError(w, r, missingParam("year", "2026"))
		return
	}
	year, err := calendar.ParseYear(q.Get("year"))
	if err != nil {
		s.APIError(w, r, kit.CalendarInvalid(err, "year"))
		return
	}
	cal, err := s.Store.UnitCalendar(r.Context(), q.Get("unit"))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{"items": cal.Holidays(year)})
}

// apiCalendarLunar answers GET /api/v1/calendar/lunar?date=YYYY-MM-DD with the lunar date
// {"day","month","year","leap"}.
func (s *Server) apiCalendarLunar(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query().Get("date")
	if strings.TrimSpace(v) == "" {
		s.APIError(w, r, missingParam("date", "2026-02-17"))
		return
	}
	d, err := calendar.ParseDate(v)
	if err != nil {
		s.APIError(w, r, kit.CalendarInvalid(err, "date"))
		return
	}
	l, err := calendar.ToLunar(d)
	if err != nil {
		s.APIError(w, r, kit.CalendarInvalid(err, "date"))
		return
	}
	kit.WriteJSON(w, http.StatusOK, l)
}

// apiCalendarSolar answers GET /api/v1/calendar/solar?date=D/M/YYYY&leap= (a lunar date)
// with its civil date {"date":"YYYY-MM-DD"}.
func (s *Server) apiCalendarSolar(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if strings.TrimSpace(q.Get("date")) == "" {
		s.APIError(w, r, missingParam("date", "1/1/2026"))
		return
	}
	leap, err := parseFlag(q.Get("leap"), "leap")
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	l, err := calendar.ParseLunarDMY(q.Get("date"), leap)
	if err != nil {
		s.APIError(w, r, kit.CalendarInvalid(err, "date"))
		return
	}
	d, err := calendar.FromLunar(l)
	if err != nil {
		s.APIError(w, r, kit.CalendarInvalid(err, "date"))
		return
	}
	kit.WriteJSON(w, http.StatusOK, map[string]calendar.Date{"date": d})
}
