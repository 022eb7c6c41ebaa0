package public

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/fault"
	"motcua/internal/web/kit"
)

// monthCell is one day of the month grid (lịch tháng).
type monthCell struct {
	Date    calendar.Date
	ISO     string // YYYY-MM-DD
	InMonth bool
	Lunar   string // "1/1", "15/6 (nhuận)"
	LunarM  string // the lunar month's name on its first day: "tháng Giêng năm Bính Ngọ"
	Off     bool   // a day off that is not a weekly day off (holiday, nghỉ bù, decision)
	Weekend bool   // a weekly day off
	Swap    bool   // a working day by decision (ngày làm bù)
	Reason  string
	Today   bool
	Label   string // the full date for screen readers: "thứ Ba, ngày 17/02/2026"
}

// monthView is the data of the month page.
type monthView struct {
	Year, Month   int
	Caption       string
	Weekdays      []string
	Weeks         [][]monthCell
	Special       []monthCell // the month's days off and swapped working days, listed
	PrevURL       string
	NextURL       string
	UnitName      string
	MonthValue    string // "2026-02", for the month input
	SaturdayRecep bool
}

// monthURL links to the month page of the unit.
func monthURL(year int, month time.Month, unit string) string {
	d := calendar.NewDate(year, month, 1)
	v := url.Values{"thang": {fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))}}
	if unit != "" {
		v.Set("don-vi", unit)
	}
	return "/lich?" + v.Encode()
}

// parseMonth parses "YYYY-MM" with a year in the calendar's range (1900–2199).
func parseMonth(s string) (int, time.Month, error) {
	bad := fault.New(fault.Invalid, fmt.Sprintf("Tháng %q không hợp lệ: cần dạng năm-tháng, ví dụ 2026-02.", s))
	y, m, ok := strings.Cut(strings.TrimSpace(s), "-")
	if !ok || len(y) != 4 || len(m) != 2 {
		return 0, 0, bad
	}
	year, err := calendar.ParseYear(y)
	if err != nil {
		return 0, 0, fault.New(fault.Invalid, err.Error())
	}
	d, err := calendar.ParseDate(y + "-" + m + "-01")
	if err != nil {
		return 0, 0, bad
	}
	return year, d.Month, nil
}

// buildMonth lays out the month as weeks from Monday to Sunday.
func buildMonth(cal *calendar.Calendar, year int, month time.Month, today calendar.Date) ([][]monthCell, []monthCell) {
	first := calendar.NewDate(year, month, 1)
	start := first.AddDays(-((int(first.Weekday()) + 6) % 7))
	last := calendar.NewDate(year, month+1, 0)
	end := last.AddDays((7 - int(last.Weekday())) % 7)
	var weeks [][]monthCell
	var special []monthCell
	for d := start; !d.After(end); d = d.AddDays(1) {
		if d.Weekday() == time.Monday {
			weeks = append(weeks, nil)
		}
		c := monthCell{Date: d, ISO: d.String(), InMonth: d.Month == month, Today: d.Equal(today), Label: kit.ViDate(d)}
		if l, err := calendar.ToLunar(d); err == nil {
			c.Lunar = fmt.Sprintf("%d/%d", l.Day, l.Month)
			if l.Leap {
				c.Lunar += " (nhuận)"
			}
			if l.Day == 1 {
				c.LunarM = kit.LunarMonthName(l.Month, l.Leap)
				if l.Month == 1 && !l.Leap {
					c.LunarM += " năm " + kit.CanChi(l.Year)
				}
			}
		}
		off, reason := cal.DayOff(d)
		switch {
		case off && reason == kit.ViWeekdayTitle(d.Weekday()):
			c.Weekend = true
		case off:
			c.Off, c.Reason = true, reason
		case reason != "Ngày làm việc":
			c.Swap, c.Reason = true, reason
		}
		if c.InMonth && (c.Off || c.Swap) {
			special = append(special, c)
		}
		weeks[len(weeks)-1] = append(weeks[len(weeks)-1], c)
	}
	return weeks, special
}

// loadUnitCalendar returns the calendar of the unit code ("" for country-wide) and the
// unit's name; an unknown code is a field error on the "don-vi" field.
func (s *Server) loadUnitCalendar(ctx context.Context, code string, errs map[string]string) (*calendar.Calendar, string, error) {
	name := "lịch chung toàn quốc"
	if code != "" {
		u, err := s.Store.Unit(ctx, code)
		if fault.CodeOf(err) == fault.NotFound {
			errs["don-vi"] = fmt.Sprintf("Không tìm thấy đơn vị có mã %q. Vui lòng chọn đơn vị trong danh sách.", code)
			code = ""
		} else if err != nil {
			return nil, "", err
		} else {
			name = u.Name
		}
	}
	cal, err := s.Store.UnitCalendar(ctx, code)
	return cal, name, err
}

// handleCalendarMonth shows the month page /lich?thang=YYYY-MM&don-vi=CODE: solar and
// lunar dates, days off with their reasons, swapped working days.
func (s *Server) handleCalendarMonth(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	today := calendar.DateOf(s.Now())
	year, month := today.Year, today.Month
	errs := map[string]string{}
	if v := q.Get("thang"); v != "" {
		y, m, err := parseMonth(v)
		if err != nil {
			errs["thang"] = fault.As(err).Message
		} else {
			year, month = y, m
		}
	}
	unit := strings.TrimSpace(q.Get("don-vi"))
	cal, unitName, err := s.loadUnitCalendar(ctx, unit, errs)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	units, err := s.Store.Units(ctx)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	if errs["don-vi"] != "" {
		unit = ""
	}
	weeks, special := buildMonth(cal, year, month, today)
	v := monthView{
		Year: year, Month: int(month), Weeks: weeks, Special: special,
		Caption:  fmt.Sprintf("Tháng %d năm %d – %s", int(month), year, unitName),
		PrevURL:  monthURL(year, month-1, unit),
		NextURL:  monthURL(year, month+1, unit),
		UnitName: unitName, MonthValue: fmt.Sprintf("%04d-%02d", year, int(month)),
		SaturdayRecep: cal.Schedule().SaturdayReception,
	}
	if year == 1900 && month == time.January {
		v.PrevURL = ""
	}
	if year == 2199 && month == time.December {
		v.NextURL = ""
	}
	for _, wd := range []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday} {
		v.Weekdays = append(v.Weekdays, kit.ViWeekdayTitle(wd))
	}
	st := http.StatusOK
	if len(errs) > 0 {
		st = http.StatusBadRequest
	}
	s.Render(w, r, st, "calendar_month.html", map[string]any{
		"Title": fmt.Sprintf("Lịch làm việc tháng %d/%d", int(month), year),
		"View":  v, "Units": units, "Unit": unit, "Errors": errs,
	})
}

// dueForm is the "when is my dossier due?" form (khi nào hồ sơ đến hạn).
type dueForm struct {
	Date, Time, Days, Unit string
	CalendarDays           bool
}

// dueRow is one line of the explanation table.
type dueRow struct {
	Date, Kind, Time, Reason string
	Counted                  bool
}

// handleCalendarDue shows /lich/han-giai-quyet: the form, and once submitted the due
// date with its explanation, or the form again with messages next to the fields.
func (s *Server) handleCalendarDue(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	now := s.Now().In(calendar.Zone())
	f := dueForm{Date: now.Format("2006-01-02"), Time: now.Format("15:04"), Days: "3"}
	submitted := q.Has("so-ngay")
	if submitted {
		f = dueForm{Date: strings.TrimSpace(q.Get("ngay")), Time: strings.TrimSpace(q.Get("gio")),
			Days: strings.TrimSpace(q.Get("so-ngay")), Unit: strings.TrimSpace(q.Get("don-vi")),
			CalendarDays: q.Get("ngay-lich") != ""}
	}
	units, err := s.Store.Units(ctx)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	data := map[string]any{"Title": "Khi nào hồ sơ của tôi đến hạn?", "Form": f, "Units": units}
	if !submitted {
		s.Render(w, r, http.StatusOK, "calendar_due.html", data)
		return
	}
	errs := map[string]string{}
	from, days := f.validate(errs)
	cal, unitName, err := s.loadUnitCalendar(ctx, f.Unit, errs)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	data["Errors"] = errs
	if len(errs) > 0 {
		s.Render(w, r, http.StatusBadRequest, "calendar_due.html", data)
		return
	}
	due, explain, err := cal.Due(from, calendar.Deadline{Days: days, CalendarDays: f.CalendarDays})
	if err != nil {
		errs["ngay"] = kit.CalendarMessage(err)
		s.Render(w, r, http.StatusBadRequest, "calendar_due.html", data)
		return
	}
	rows := make([]dueRow, 0, len(explain))
	for _, d := range explain {
		rows = append(rows, dueRow{Date: kit.ViDate(d.Date), Kind: kit.ExplainKind(d.Kind), Time: kit.ViDuration(d.Minutes),
			Reason: d.Reason, Counted: d.Kind == calendar.ExplainCounted || d.Kind == calendar.ExplainPartial})
	}
	dueText := kit.ViNumber(days) + " ngày làm việc"
	switch {
	case f.CalendarDays:
		dueText = kit.ViNumber(days) + " ngày"
	case days == 0:
		dueText = "giải quyết trong ngày (nhận sau 15 giờ: trả cuối ngày làm việc tiếp theo)"
	}
	data["Result"] = map[string]any{
		"From": kit.ViInstant(from), "Due": kit.ViInstant(due), "DueISO": due.In(calendar.Zone()).Format(time.RFC3339),
		"Days": dueText, "Unit": unitName, "Rows": rows,
	}
	s.Render(w, r, http.StatusOK, "calendar_due.html", data)
}

// validate checks the form and returns the instant of receipt and the number of days;
// messages go into errs by field name.
func (f dueForm) validate(errs map[string]string) (time.Time, float64) {
	var from time.Time
	d, err := calendar.ParseDate(f.Date)
	if err != nil {
		errs["ngay"] = kit.CalendarMessage(err)
	}
	tod, ok := kit.ParseHHMM(f.Time)
	if !ok {
		errs["gio"] = fmt.Sprintf("Giờ %q không hợp lệ: cần dạng giờ:phút, ví dụ 10:00.", f.Time)
	}
	if err == nil && ok {
		from = d.Start().Add(tod)
	}
	days, err := calendar.ParseDays(f.Days)
	if err != nil {
		errs["so-ngay"] = kit.CalendarMessage(err)
	} else if f.CalendarDays && days != float64(int(days)) {
		errs["so-ngay"] = "Thời hạn tính theo ngày lịch phải là số ngày nguyên."
	}
	return from, days
}
