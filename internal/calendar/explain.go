package calendar

import (
	"fmt"
	"time"
)

// Kinds of ExplainDay.
const (
	ExplainCounted = "counted" // a full working day counted
	ExplainPartial = "partial" // part of a working day counted
	ExplainSkipped = "skipped" // a day not counted (day off, or received after hours)
	ExplainPaused  = "paused"  // a working day on which the clock was paused
)

// ExplainDay is one day of an Explanation (diễn giải cách tính hạn): the kind, the
// working minutes counted that day and the reason in Vietnamese.
type ExplainDay struct {
	Date    Date   `json:"date"`
	Kind    string `json:"kind"`
	Minutes int    `json:"minutes"`
	Reason  string `json:"reason"`
}

// Explanation lists every day from the day counting starts to the due day.
type Explanation []ExplainDay

// interval is a span of time during which the clock was paused.
type interval struct{ from, to time.Time }

// explain lists the days from start's day to due's day in working-day mode; pauses are
// the spans during which the clock did not run.
func (c *Calendar) explain(start, due time.Time, pauses []interval) Explanation {
	z0, t0 := splitInstant(start)
	z1, t1 := splitInstant(due)
	out := make(Explanation, 0, z1-z0+1)
	full := int(c.dayLen / time.Minute)
	for z := z0; z <= z1; z++ {
		day := ExplainDay{Date: dateFromDays(z)}
		if off, reason := c.DayOff(day.Date); off || z < minDay || z > maxDay {
			day.Kind, day.Reason = ExplainSkipped, reason
			out = append(out, day)
			continue
		}
		lo, hi := time.Duration(0), 24*time.Hour
		if z == z0 {
			lo = t0
		}
		if z == z1 {
			hi = t1
		}
		worked := c.sessionOverlap(lo, hi)
		var paused time.Duration
		dayStart := c.at(z, 0)
		for _, p := range pauses {
			pz0 := max(lo, p.from.Sub(dayStart))
			pz1 := min(hi, p.to.Sub(dayStart))
			if pz1 > pz0 {
				paused += c.sessionOverlap(pz0, pz1)
			}
		}
		counted := worked - paused
		day.Minutes = int(counted / time.Minute)
		_, base := c.DayOff(day.Date)
		switch {
		case counted <= 0 && paused > 0:
			day.Kind, day.Reason = ExplainPaused, "Tạm dừng tính thời hạn (chờ bổ sung hồ sơ)"
		case counted <= 0:
			day.Kind, day.Reason = ExplainSkipped, "Tiếp nhận ngoài giờ làm việc, bắt đầu tính từ buổi làm việc tiếp theo"
		case day.Minutes >= full:
			day.Kind, day.Reason = ExplainCounted, base
		default:
			day.Kind = ExplainPartial
			day.Reason = partialReason(base, z == z0, z == z1, lo, hi, paused)
		}
		out = append(out, day)
	}
	return out
}

// partialReason explains a partly counted day.
func partialReason(base string, first, last bool, lo, hi, paused time.Duration) string {
	r := base
	if first && lo > 0 {
		r += "; tính từ " + clockText(lo)
	}
	if last && hi < 24*time.Hour {
		r += "; đến hạn lúc " + clockText(hi)
	}
	if paused > 0 {
		r += fmt.Sprintf("; tạm dừng %d phút chờ bổ sung hồ sơ", int(paused/time.Minute))
	}
	return r
}

// clockText formats a time of day as "HH:MM".
func clockText(d time.Duration) string {
	m := int(d / time.Minute)
	return fmt.Sprintf("%02d:%02d", m/60, m%60)
}

// explainCalendarDays lists the days of a calendar-day deadline: the day of receipt (not
// counted), the n counted days, then any days off before the working day it moved to.
func (c *Calendar) explainCalendarDays(from, due time.Time, n int) Explanation {
	z0, _ := splitInstant(from)
	z1, _ := splitInstant(due)
	out := make(Explanation, 0, z1-z0+1)
	out = append(out, ExplainDay{Date: dateFromDays(z0), Kind: ExplainSkipped,
		Reason: "Ngày tiếp nhận không tính vào thời hạn (Điều 147 Bộ luật Dân sự)"})
	for z := z0 + 1; z <= z1; z++ {
		day := ExplainDay{Date: dateFromDays(z), Kind: ExplainCounted}
		off, reason := c.DayOff(day.Date)
		switch {
		case z-z0 <= n:
			day.Reason = fmt.Sprintf("Ngày thứ %d của thời hạn (ngày lịch)", z-z0)
			if z == z1 {
				day.Reason += "; hết hạn vào cuối giờ làm việc"
			}
		case z < z1:
			day.Kind, day.Reason = ExplainSkipped, reason+": ngày cuối thời hạn là ngày nghỉ, lùi sang ngày làm việc tiếp theo"
		default:
			day.Reason = "Ngày làm việc tiếp theo ngày nghỉ; hết hạn vào cuối giờ làm việc"
		}
		if !off && z-z0 <= n {
			day.Minutes = int(c.dayLen / time.Minute)
		}
		out = append(out, day)
	}
	return out
}

// explainSameDay lists the days of a same-day deadline: the day of receipt (counted when
// received by the cut-off on a working day), any days off after it, and the due day.
func (c *Calendar) explainSameDay(from, due time.Time) Explanation {
	z0, t0 := splitInstant(from)
	z1, t1 := splitInstant(due)
	cut := clockText(c.sched.TransferCutoff)
	out := make(Explanation, 0, z1-z0+1)
	for z := z0; z <= z1; z++ {
		day := ExplainDay{Date: dateFromDays(z)}
		off, reason := c.DayOff(day.Date)
		lo := time.Duration(0)
		if z == z0 {
			lo = t0
		}
		switch {
		case z == z1:
			day.Kind = ExplainPartial
			day.Minutes = int(c.sessionOverlap(lo, t1) / time.Minute)
			if z == z0 {
				day.Reason = fmt.Sprintf("Thủ tục giải quyết trong ngày: tiếp nhận đến %s của ngày làm việc, hẹn trả cuối ngày (%s)", cut, clockText(t1))
			} else {
				day.Reason = fmt.Sprintf("Thủ tục giải quyết trong ngày: hẹn trả cuối ngày làm việc tiếp theo (%s)", clockText(t1))
			}
		case off:
			day.Kind, day.Reason = ExplainSkipped, reason
		default:
			day.Kind = ExplainSkipped
			day.Reason = fmt.Sprintf("Tiếp nhận sau %s, hẹn trả vào ngày làm việc tiếp theo", cut)
		}
		out = append(out, day)
	}
	return out
}
