package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/fault"
)

// CalendarDay is a stored decision about one day (ngày nghỉ, ngày làm bù), country-wide
// when Override.Unit is empty.
type CalendarDay struct {
	ID int64 `json:"id"`
	calendar.Override
}

func (s *Store) scanDays(rows *sql.Rows) ([]CalendarDay, error) {
	defer rows.Close()
	var out []CalendarDay
	for rows.Next() {
		var d CalendarDay
		var day string
		if err := rows.Scan(&d.ID, &day, &d.Unit, &d.Off, &d.Name, &d.Reference); err != nil {
			return nil, fmt.Errorf("store: calendar days: %w", err)
		}
		date, err := calendar.ParseDate(day)
		if err != nil {
			return nil, fmt.Errorf("store: calendar day %q: %w", day, err)
		}
		d.Date = date
		out = append(out, d)
	}
	return out, rows.Err()
}

// CalendarDays lists the decisions between from and to (inclusive) that apply to the unit
// ("" for country-wide only).
func (s *Store) CalendarDays(ctx context.Context, unit string, from, to calendar.Date) ([]CalendarDay, error) {
	rows, err := s.query(ctx, s.read, "CalendarDayList", unit, from.String(), to.String())
	if err != nil {
		return nil, err
	}
	return s.scanDays(rows)
}

// SaveCalendarDay records (or replaces) the decision for a day and unit.
func (s *Store) SaveCalendarDay(ctx context.Context, o calendar.Override, by string) error {
	errs := map[string]string{}
	if strings.TrimSpace(o.Name) == "" {
		errs["name"] = "Vui lòng nhập nội dung (ví dụ: Nghỉ Tết Nguyên đán, Làm việc bù)."
	}
	if len([]rune(o.Name)) > 200 || len([]rune(o.Reference)) > 200 {
		errs["reference"] = "Nội dung và căn cứ tối đa 200 ký tự."
	}
	if o.Date.Year < 1900 || o.Date.Year > 2199 {
		errs["date"] = "Ngày không hợp lệ."
	}
	if len(errs) > 0 {
		return fault.WithFields("Thông tin ngày chưa hợp lệ.", errs)
	}
	if o.Unit != "" {
		if _, err := s.Unit(ctx, o.Unit); err != nil {
			return err
		}
	}
	_, err := s.exec(ctx, s.write, "CalendarDayUpsert", o.Date.String(), o.Unit, o.Off, o.Name, o.Reference, by, s.Now())
	s.ForgetCalendars()
	return err
}

// DeleteCalendarDay removes a decision.
func (s *Store) DeleteCalendarDay(ctx context.Context, id int64) error {
	_, err := s.exec(ctx, s.write, "CalendarDayDelete", id)
	s.ForgetCalendars()
	return err
}

// SeedCalendarDays stores the published schedules, each document's decisions once (the
// setting "calendar_seeded:<reference>" records it, so a release that adds a document
// seeds just that one; the older setting "calendar_seeded" stands for the first document
// of the seed); days already present (perhaps edited by an administrator) are left alone.
func (s *Store) SeedCalendarDays(ctx context.Context, seed []calendar.Override) error {
	legacy, err := s.Setting(ctx, "calendar_seeded", "")
	if err != nil {
		return err
	}
	var refs []string
	done := map[string]bool{}
	for _, o := range seed {
		if _, seen := done[o.Reference]; !seen {
			done[o.Reference] = legacy != "" && len(refs) == 0
			refs = append(refs, o.Reference)
		}
	}
	for _, ref := range refs {
		v, err := s.Setting(ctx, "calendar_seeded:"+ref, "")
		if err != nil {
			return err
		}
		done[ref] = done[ref] || v != ""
	}
	now := s.Now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		added := map[string]bool{}
		for _, o := range seed {
			if done[o.Reference] {
				continue
			}
			added[o.Reference] = true
			if _, err := s.exec(ctx, tx, "CalendarDaySeed", o.Date.String(), o.Unit, o.Off, o.Name, o.Reference, "", now); err != nil {
				return err
			}
		}
		for ref := range added {
			if _, err := s.exec(ctx, tx, "SettingPut", "calendar_seeded:"+ref, now.Format(time.RFC3339)); err != nil {
				return err
			}
		}
		_, err := s.exec(ctx, tx, "SettingPut", "calendar_seeded", now.Format(time.RFC3339))
		s.ForgetCalendars()
		return err
	})
}

// scheduleJSON is how a unit's working time is stored.
type scheduleJSON struct {
	Sessions          [][2]string    `json:"sessions"`
	Weekdays          []time.Weekday `json:"weekdays"`
	SaturdayReception bool           `json:"saturday_reception"`
}

// UnitSchedule returns the unit's working time, the default when none is set.
func (s *Store) UnitSchedule(ctx context.Context, unit string) (calendar.Schedule, error) {
	var raw string
	if err := s.row(ctx, s.read, fmt.Sprintf("Không tìm thấy đơn vị có mã %q.", unit), "UnitScheduleGet", []any{unit}, &raw); err != nil {
		return calendar.Schedule{}, err
	}
	def := calendar.DefaultSchedule()
	if raw == "" {
		return def, nil
	}
	var sj scheduleJSON
	if err := json.Unmarshal([]byte(raw), &sj); err != nil {
		return def, fmt.Errorf("store: unit %s schedule: %w", unit, err)
	}
	out := def
	out.Weekdays = sj.Weekdays
	out.SaturdayReception = sj.SaturdayReception
	out.Sessions = nil
	for _, p := range sj.Sessions {
		a, err1 := parseClock(p[0])
		b, err2 := parseClock(p[1])
		if err1 != nil || err2 != nil {
			return def, fmt.Errorf("store: unit %s schedule: bad session %v", unit, p)
		}
		out.Sessions = append(out.Sessions, calendar.Session{Start: a, End: b})
	}
	return out, nil
}

// SetUnitSchedule stores the unit's working time.
func (s *Store) SetUnitSchedule(ctx context.Context, unit string, sc calendar.Schedule) error {
	defer s.forgetReference()
	sj := scheduleJSON{Weekdays: sc.Weekdays, SaturdayReception: sc.SaturdayReception}
	for _, se := range sc.Sessions {
		sj.Sessions = append(sj.Sessions, [2]string{formatClock(se.Start), formatClock(se.End)})
	}
	b, err := json.Marshal(sj)
	if err != nil {
		return err
	}
	res, err := s.exec(ctx, s.write, "UnitScheduleSet", string(b), s.Now(), unit)
	s.ForgetCalendars()
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fault.Newf(fault.NotFound, "Không tìm thấy đơn vị có mã %q.", unit)
	}
	return nil
}

func parseClock(s string) (time.Duration, error) {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, err
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, nil
}

func formatClock(d time.Duration) string {
	return fmt.Sprintf("%02d:%02d", int(d.Hours()), int(d.Minutes())%60)
}

// Calendar builds the legal clock of a unit ("" for the country-wide calendar): its
// working time and every decision that applies to it.
func (s *Store) Calendar(ctx context.Context, unit string) (*calendar.Calendar, error) {
	sched := calendar.DefaultSchedule()
	if unit != "" {
		var err error
		if sched, err = s.UnitSchedule(ctx, unit); err != nil {
			return nil, err
		}
	}
	rows, err := s.query(ctx, s.read, "CalendarDaysForUnit", unit)
	if err != nil {
		return nil, err
	}
	days, err := s.scanDays(rows)
	if err != nil {
		return nil, err
	}
	overrides := make([]calendar.Override, len(days))
	for i, d := range days {
		overrides[i] = d.Override
	}
	return calendar.New(sched, overrides), nil
}
