package admin

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/fault"
	"motcua/internal/web/kit"
)

// sessionRow is one working session (buổi làm việc) on the form, as "HH:MM" texts.
type sessionRow struct{ Start, End string }

// weekdayBox is one weekday checkbox of the working-time form.
type weekdayBox struct {
	Value   int
	Label   string
	Checked bool
}

// scheduleForm is the working-time form (thời gian làm việc) of a unit.
type scheduleForm struct {
	Weekdays          []weekdayBox
	Sessions          []sessionRow
	SaturdayReception bool
}

// minSessionRows is how many session rows the form offers at least.
const minSessionRows = 3

// newScheduleForm fills the form from a schedule.
func newScheduleForm(sc calendar.Schedule) scheduleForm {
	f := scheduleForm{SaturdayReception: sc.SaturdayReception}
	for _, w := range []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday} {
		f.Weekdays = append(f.Weekdays, weekdayBox{Value: int(w), Label: kit.ViWeekdayTitle(w), Checked: slices.Contains(sc.Weekdays, w)})
	}
	for _, se := range sc.Sessions {
		f.Sessions = append(f.Sessions, sessionRow{clockText(se.Start), clockText(se.End)})
	}
	for len(f.Sessions) < minSessionRows {
		f.Sessions = append(f.Sessions, sessionRow{})
	}
	return f
}

// clockText formats a time of day as "HH:MM".
func clockText(d time.Duration) string {
	m := int(d / time.Minute)
	return fmt.Sprintf("%02d:%02d", m/60, m%60)
}

// scheduleFromForm reads and checks the posted form; messages go into errs under
// "weekdays" and "sessions".
func scheduleFromForm(r *http.Request, errs map[string]string) (calendar.Schedule, scheduleForm) {
	var sc calendar.Schedule
	for _, v := range r.PostForm["weekday"] {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 6 {
			errs["weekdays"] = "Ngày trong tuần không hợp lệ."
			continue
		}
		if !slices.Contains(sc.Weekdays, time.Weekday(n)) {
			sc.Weekdays = append(sc.Weekdays, time.Weekday(n))
		}
	}
	slices.SortFunc(sc.Weekdays, func(a, b time.Weekday) int { return (int(a)+6)%7 - (int(b)+6)%7 })
	if len(sc.Weekdays) == 0 && errs["weekdays"] == "" {
		errs["weekdays"] = "Vui lòng chọn ít nhất một ngày làm việc trong tuần."
	}
	sc.SaturdayReception = r.PostFormValue("saturday_reception") != ""
	starts, ends := r.PostForm["session_start"], r.PostForm["session_end"]
	var rows []sessionRow
	for i := range max(len(starts), len(ends)) {
		var row sessionRow
		if i < len(starts) {
			row.Start = strings.TrimSpace(starts[i])
		}
		if i < len(ends) {
			row.End = strings.TrimSpace(ends[i])
		}
		rows = append(rows, row)
		if row.Start == "" && row.End == "" {
			continue
		}
		a, okA := kit.ParseHHMM(row.Start)
		b, okB := kit.ParseHHMM(row.End)
		switch {
		case !okA || !okB:
			errs["sessions"] = fmt.Sprintf("Buổi %d: giờ bắt đầu và giờ kết thúc cần dạng giờ:phút, ví dụ 07:00 và 11:30.", i+1)
		case b <= a:
			errs["sessions"] = fmt.Sprintf("Buổi %d: giờ kết thúc phải sau giờ bắt đầu.", i+1)
		default:
			sc.Sessions = append(sc.Sessions, calendar.Session{Start: a, End: b})
		}
	}
	slices.SortFunc(sc.Sessions, func(x, y calendar.Session) int { return int(x.Start - y.Start) })
	for i := 1; i < len(sc.Sessions) && errs["sessions"] == ""; i++ {
		if sc.Sessions[i].Start < sc.Sessions[i-1].End {
			errs["sessions"] = "Các buổi làm việc không được chồng lên nhau."
		}
	}
	if len(sc.Sessions) == 0 && errs["sessions"] == "" {
		errs["sessions"] = "Vui lòng nhập ít nhất một buổi làm việc."
	}
	f := newScheduleForm(sc)
	f.Sessions = rows
	for len(f.Sessions) < minSessionRows {
		f.Sessions = append(f.Sessions, sessionRow{})
	}
	return sc, f
}

// handleScheduleEdit shows the working-time form of a unit.
func (s *Server) handleScheduleEdit(w http.ResponseWriter, r *http.Request) {
	code := r.PathValue("code")
	sc, err := s.Store.UnitSchedule(r.Context(), code)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	msg := ""
	if r.URL.Query().Get("da-luu") != "" {
		msg = "Đã lưu thời gian làm việc."
	}
	s.schedulePage(w, r, http.StatusOK, code, newScheduleForm(sc), nil, msg)
}

// schedulePage renders the working-time form.
func (s *Server) schedulePage(w http.ResponseWriter, r *http.Request, st int, code string, f scheduleForm, errs map[string]string, saved string) {
	u, err := s.Store.Unit(r.Context(), code)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	s.Render(w, r, st, "calendar_schedule.html", map[string]any{
		"Title": "Thời gian làm việc – " + u.Name, "Unit": u, "Form": f, "Errors": errs, "Saved": saved,
	})
}

// handleScheduleSave stores the working time of a unit.
func (s *Server) handleScheduleSave(w http.ResponseWriter, r *http.Request) {
	code := r.PathValue("code")
	ctx := r.Context()
	old, err := s.Store.UnitSchedule(ctx, code)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	errs := map[string]string{}
	sc, f := scheduleFromForm(r, errs)
	if len(errs) > 0 {
		s.schedulePage(w, r, http.StatusBadRequest, code, f, errs, "")
		return
	}
	sc.TransferCutoff = old.TransferCutoff
	u, _ := kit.CurrentUser(r)
	if err := s.App.SetUnitSchedule(ctx, u, code, sc, scheduleSummary(sc), s.Origin(r)); err != nil {
		if e := fault.As(err); e != nil && e.Code == fault.Invalid {
			s.schedulePage(w, r, http.StatusBadRequest, code, f, map[string]string{"sessions": e.Message}, "")
			return
		}
		s.PageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/quan-tri/don-vi/"+code+"/gio-lam-viec?da-luu=1", http.StatusSeeOther)
}

// scheduleSummary describes a schedule in one line for the audit log.
func scheduleSummary(sc calendar.Schedule) string {
	var days, sessions []string
	for _, w := range sc.Weekdays {
		days = append(days, kit.ViWeekdayTitle(w))
	}
	for _, se := range sc.Sessions {
		sessions = append(sessions, clockText(se.Start)+"–"+clockText(se.End))
	}
	out := strings.Join(days, ", ") + "; " + strings.Join(sessions, ", ")
	if sc.SaturdayReception {
		out += "; tiếp nhận sáng thứ Bảy"
	}
	return out
}
