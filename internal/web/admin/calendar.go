package admin

import (
	"net/http"
	"strconv"
	"strings"

	"motcua/internal/calendar"
	"motcua/internal/fault"
	"motcua/internal/web/kit"
)

// calendarDayForm is the administrator's form for one calendar day (ngày nghỉ, ngày làm bù).
type calendarDayForm struct {
	Date, Kind, Name, Reference, Unit string
}

// calendarDayRow is one stored calendar day as listed on the administration page.
type calendarDayRow struct {
	ID                    int64
	Date, Name, Reference string
	Off                   bool
	UnitCode, UnitName    string
}

// handleCalendarDays lists the calendar days of a year (/quan-tri/lich?nam=YYYY),
// country-wide and per unit, with the form to add one.
func (s *Server) handleCalendarDays(w http.ResponseWriter, r *http.Request) {
	year := calendar.DateOf(s.Now()).Year
	if v := r.URL.Query().Get("nam"); v != "" {
		y, err := calendar.ParseYear(v)
		if err != nil {
			s.PageError(w, r, kit.CalendarInvalid(err, "nam"))
			return
		}
		year = y
	}
	f := calendarDayForm{Kind: "off", Date: strconv.Itoa(year) + "-01-01"}
	s.calendarDaysPage(w, r, http.StatusOK, year, f, nil, "", decisionForm{}, nil)
}

// calendarDaysPage renders the administration page of calendar days.
func (s *Server) calendarDaysPage(w http.ResponseWriter, r *http.Request, st, year int, f calendarDayForm, errs map[string]string, msg string,
	dec decisionForm, decErrs map[string]string) {
	ctx := r.Context()
	units, err := s.Store.Units(ctx)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	names := map[string]string{"": "Toàn quốc"}
	for _, u := range units {
		names[u.Code] = u.Name
	}
	days, err := s.Store.AllCalendarDays(ctx, calendar.NewDate(year, 1, 1), calendar.NewDate(year, 12, 31))
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	rows := make([]calendarDayRow, 0, len(days))
	for _, d := range days {
		rows = append(rows, calendarDayRow{ID: d.ID, Date: kit.ViDate(d.Date), Name: d.Name, Reference: d.Reference,
			Off: d.Off, UnitCode: d.Unit, UnitName: names[d.Unit]})
	}
	country, err := s.Store.UnitCalendar(ctx, "")
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	type holidayRow struct{ Date, Name string }
	var holidays []holidayRow
	for _, h := range country.Holidays(year) {
		holidays = append(holidays, holidayRow{kit.ViDate(h.Date), h.Name})
	}
	s.Render(w, r, st, "calendar_admin.html", map[string]any{
		"Title": "Ngày nghỉ, ngày làm bù năm " + strconv.Itoa(year), "Year": year,
		"PrevYear": year - 1, "NextYear": year + 1, "Days": rows, "Holidays": holidays,
		"Units": units, "Form": f, "Errors": errs, "Message": msg,
		"Decision": dec, "DecisionErrors": decErrs,
	})
}

// handleCalendarDaySave adds or replaces the decision for one day and unit.
func (s *Server) handleCalendarDaySave(w http.ResponseWriter, r *http.Request) {
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	f := calendarDayForm{Date: v("date"), Kind: v("kind"), Name: v("name"), Reference: v("reference"), Unit: v("unit")}
	year := calendar.DateOf(s.Now()).Year
	errs := map[string]string{}
	d, err := calendar.ParseDate(f.Date)
	if err != nil {
		errs["date"] = kit.CalendarMessage(err)
	} else if d.Year < 1900 || d.Year > 2199 {
		errs["date"] = "Ngày phải trong khoảng năm 1900–2199."
	} else {
		year = d.Year
	}
	if f.Kind != "off" && f.Kind != "working" {
		errs["kind"] = "Vui lòng chọn ngày nghỉ hoặc ngày làm việc."
	}
	if len(errs) == 0 {
		o := calendar.Override{Date: d, Off: f.Kind == "off", Name: f.Name, Reference: f.Reference, Unit: f.Unit}
		u, _ := kit.CurrentUser(r)
		err = s.App.SaveCalendarDay(r.Context(), u, o, s.Origin(r))
		switch e := fault.As(err); {
		case err == nil:
		case e != nil && e.Code == fault.Invalid:
			for k, m := range e.Fields {
				errs[k] = m
			}
			if len(errs) == 0 {
				errs["date"] = e.Message
			}
		case e != nil && e.Code == fault.NotFound:
			errs["unit"] = e.Message
		default:
			s.PageError(w, r, err)
			return
		}
	}
	if len(errs) > 0 {
		s.calendarDaysPage(w, r, http.StatusBadRequest, year, f, errs, "Ngày nghỉ, ngày làm bù chưa được lưu.", decisionForm{}, nil)
		return
	}
	http.Redirect(w, r, "/quan-tri/lich?nam="+strconv.Itoa(year), http.StatusSeeOther)
}

// handleCalendarDayDelete removes a stored decision.
func (s *Server) handleCalendarDayDelete(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.PageError(w, r, fault.New(fault.NotFound, "Không tìm thấy ngày nghỉ, ngày làm bù."))
		return
	}
	u, _ := kit.CurrentUser(r)
	d, err := s.App.DeleteCalendarDay(r.Context(), u, id, s.Origin(r))
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/quan-tri/lich?nam="+strconv.Itoa(d.Date.Year), http.StatusSeeOther)
}
