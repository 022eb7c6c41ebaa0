package calendar

import (
	"math"
	"time"
)

// MaxDeadlineDays is the longest deadline the clock accepts, in days.
const MaxDeadlineDays = 3650

// Deadline is a time limit (thời hạn giải quyết): Days working days (fractions allowed:
// 0.25 day = 2 hours with the default schedule), or, when CalendarDays is set, Days whole
// calendar days (ngày lịch, Civil Code art. 147–148), or, when SameDay is set or Days is
// 0, the same-day rule (giải quyết trong ngày, see DueSameDay).
type Deadline struct {
	Days         float64 `json:"days"`
	CalendarDays bool    `json:"calendar_days,omitempty"`
	SameDay      bool    `json:"same_day,omitempty"`
}

// IsSameDay reports whether the deadline is the same-day rule: SameDay set, or Days 0 in
// working-day mode.
func (d Deadline) IsSameDay() bool {
	return d.SameDay || (d.Days == 0 && !d.CalendarDays)
}

// validate checks 0 < Days ≤ MaxDeadlineDays, and whole days in calendar-day mode; a
// same-day deadline is always valid.
func (d Deadline) validate() error {
	if d.IsSameDay() {
		return nil
	}
	if math.IsNaN(d.Days) || d.Days <= 0 || d.Days > MaxDeadlineDays {
		return invalidf("Thời hạn %v ngày không hợp lệ: phải lớn hơn 0 và không quá %d ngày.", d.Days, MaxDeadlineDays)
	}
	if d.CalendarDays && d.Days != math.Trunc(d.Days) {
		return invalidf("Thời hạn tính theo ngày lịch phải là số ngày nguyên, không phải %v.", d.Days)
	}
	return nil
}

// need returns the working time of the deadline, rounded to the second.
func (c *Calendar) need(days float64) time.Duration {
	secs := math.Round(days * c.dayLen.Seconds())
	return time.Duration(secs) * time.Second
}

// Due returns the due instant (hạn giải quyết) of a deadline counted from the instant of
// receipt, with its day-by-day explanation.
//
// Working-day mode: counting starts at from, or at the start of the next working session
// when from is outside working time; the due instant is the first instant at which Days ×
// one full working day (the sum of a working day's sessions) of working time has
// elapsed. When that is exactly the end of a session, the due instant is that end (a
// dossier received on Saturday with 1 day is due on Monday at 17:00).
//
// Calendar-day mode: the day of receipt is not counted; the due instant is the end of the
// last session of the Days-th calendar day after it, moved to the next working day when
// that day is off.
//
// Same-day mode: see DueSameDay.
func (c *Calendar) Due(from time.Time, d Deadline) (time.Time, Explanation, error) {
	due, err := c.DueOnly(from, d)
	if err != nil {
		return time.Time{}, nil, err
	}
	if d.IsSameDay() {
		return due, c.explainSameDay(from, due), nil
	}
	if d.CalendarDays {
		return due, c.explainCalendarDays(from, due, int(d.Days)), nil
	}
	return due, c.explain(from, due, nil), nil
}

// DueOnly returns the same due instant as Due without building the explanation; it does
// not allocate once the years involved have been computed.
func (c *Calendar) DueOnly(from time.Time, d Deadline) (time.Time, error) {
	if err := d.validate(); err != nil {
		return time.Time{}, err
	}
	if d.IsSameDay() {
		return c.DueSameDay(from)
	}
	if d.CalendarDays {
		return c.dueCalendarDays(from, int(d.Days))
	}
	return c.advance(from, c.need(d.Days))
}

// dueCalendarDays implements calendar-day mode.
func (c *Calendar) dueCalendarDays(from time.Time, n int) (time.Time, error) {
	z0, _ := splitInstant(from)
	if z0 < minDay || z0 > maxDay {
		return time.Time{}, errOutOfRange("Thời điểm tiếp nhận")
	}
	z, ok := c.nextWorking(z0 + n)
	if !ok {
		return time.Time{}, errOutOfRange("Hạn giải quyết")
	}
	return c.at(z, c.sched.Sessions[len(c.sched.Sessions)-1].End), nil
}

// DueSameDay returns the due instant of a same-day procedure (thủ tục giải quyết trong
// ngày): a dossier received on a working day up to the schedule's cut-off (15:00 by
// default; before opening included) is due at the end of that day's last session; one
// received after the cut-off, or on a day off, at the end of the next working day.
func (c *Calendar) DueSameDay(from time.Time) (time.Time, error) {
	z, tod := splitInstant(from)
	if z < minDay || z > maxDay {
		return time.Time{}, errOutOfRange("Thời điểm tiếp nhận")
	}
	if !c.isWorking(z) || tod > c.sched.TransferCutoff {
		var ok bool
		if z, ok = c.nextWorking(z + 1); !ok {
			return time.Time{}, errOutOfRange("Hạn giải quyết")
		}
	}
	return c.at(z, c.sched.Sessions[len(c.sched.Sessions)-1].End), nil
}

// splitInstant returns the day number of t in UTC+7 and the time elapsed since midnight.
func splitInstant(t time.Time) (int, time.Duration) {
	sec := t.Unix() + 7*3600
	z := floorDiv64(sec, 86400)
	tod := time.Duration(sec-z*86400)*time.Second + time.Duration(t.Nanosecond())
	return int(z), tod
}

// floorDiv64 is integer division rounding toward minus infinity.
func floorDiv64(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// at returns the instant at time of day tod of day number z, in UTC+7.
func (c *Calendar) at(z int, tod time.Duration) time.Time {
	return time.Unix(int64(z)*86400-7*3600, 0).Add(tod).In(ict)
}

// startOfCount returns where counting starts for an instant: the instant itself inside a
// session, else the start of the next working session.
func (c *Calendar) startOfCount(t time.Time) (z, session int, tod time.Duration, ok bool) {
	z, tod = splitInstant(t)
	if z < minDay || z > maxDay {
		return 0, 0, 0, false
	}
	ss := c.sched.Sessions
	if c.isWorking(z) {
		for i, s := range ss {
			if tod < s.End {
				return z, i, max(tod, s.Start), true
			}
		}
	}
	z, ok = c.nextWorking(z + 1)
	return z, 0, ss[0].Start, ok
}

// advance returns the first instant at which need of working time has elapsed, counting
// from t (or from the next working session). need must be positive.
func (c *Calendar) advance(t time.Time, need time.Duration) (time.Time, error) {
	z, i, tod, ok := c.startOfCount(t)
	if !ok {
		return time.Time{}, errOutOfRange("Thời hạn")
	}
	ss := c.sched.Sessions
	for {
		if i == 0 && tod == ss[0].Start {
			for need > c.dayLen {
				need -= c.dayLen
				if z, ok = c.nextWorking(z + 1); !ok {
					return time.Time{}, errOutOfRange("Hạn giải quyết")
				}
			}
		}
		rem := ss[i].End - tod
		if need <= rem {
			return c.at(z, tod+need), nil
		}
		need -= rem
		i++
		if i == len(ss) {
			i = 0
			if z, ok = c.nextWorking(z + 1); !ok {
				return time.Time{}, errOutOfRange("Hạn giải quyết")
			}
		}
		tod = ss[i].Start
	}
}

// workingBetween returns the working time inside [a, b].
func (c *Calendar) workingBetween(a, b time.Time) time.Duration {
	if !b.After(a) {
		return 0
	}
	za, ta := splitInstant(a)
	zb, tb := splitInstant(b)
	var total time.Duration
	for z := max(za, minDay); z <= zb && z <= maxDay; z++ {
		if !c.isWorking(z) {
			continue
		}
		lo, hi := time.Duration(0), 24*time.Hour
		if z == za {
			lo = ta
		}
		if z == zb {
			hi = tb
		}
		total += c.sessionOverlap(lo, hi)
	}
	return total
}

// sessionOverlap returns the working time of a working day inside [lo, hi] (times of day).
func (c *Calendar) sessionOverlap(lo, hi time.Duration) time.Duration {
	var n time.Duration
	for _, s := range c.sched.Sessions {
		if a, b := max(lo, s.Start), min(hi, s.End); b > a {
			n += b - a
		}
	}
	return n
}
