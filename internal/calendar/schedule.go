package calendar

import (
	"sort"
	"time"
)

// Session is a working session (buổi làm việc), as offsets from midnight UTC+7:
// Start inclusive, End exclusive for receiving, inclusive as a due instant.
type Session struct {
	Start, End time.Duration
}

// Schedule is a unit's working time (thời gian làm việc).
//
// Sessions are the sessions of every working day (a swap working Saturday uses them too),
// Weekdays the working days of the week (default Monday–Friday). SaturdayReception means
// the desk also receives dossiers on Saturday mornings (first session); it does not make
// Saturday count: a dossier received then starts counting at the next working session.
// TransferCutoff is the time of day after which a received dossier goes to the processing
// office at the next working day (default 15:00).
type Schedule struct {
	Sessions          []Session
	Weekdays          []time.Weekday
	SaturdayReception bool
	TransferCutoff    time.Duration
}

// DefaultSchedule returns Monday–Friday 07:00–11:30 and 13:30–17:00: one full working day
// is 8 hours.
func DefaultSchedule() Schedule {
	return Schedule{
		Sessions: []Session{
			{Start: 7 * time.Hour, End: 11*time.Hour + 30*time.Minute},
			{Start: 13*time.Hour + 30*time.Minute, End: 17 * time.Hour},
		},
		Weekdays:       []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday},
		TransferCutoff: 15 * time.Hour,
	}
}

// normalized returns a copy of s that the clock can rely on: sessions sorted, clipped to
// the day, empty or overlapping ones dropped (falling back to the default sessions when
// none remain), weekdays de-duplicated (Monday–Friday when none), cutoff 15:00 when unset.
func (s Schedule) normalized() Schedule {
	def := DefaultSchedule()
	out := Schedule{SaturdayReception: s.SaturdayReception, TransferCutoff: s.TransferCutoff}
	ss := append([]Session(nil), s.Sessions...)
	sort.Slice(ss, func(i, j int) bool { return ss[i].Start < ss[j].Start })
	for _, x := range ss {
		x.Start = max(x.Start, 0)
		x.End = min(x.End, 24*time.Hour)
		if x.End <= x.Start {
			continue
		}
		if n := len(out.Sessions); n > 0 && x.Start < out.Sessions[n-1].End {
			continue
		}
		out.Sessions = append(out.Sessions, x)
	}
	if len(out.Sessions) == 0 {
		out.Sessions = def.Sessions
	}
	seen := [7]bool{}
	for _, w := range s.Weekdays {
		if w >= time.Sunday && w <= time.Saturday && !seen[w] {
			seen[w] = true
			out.Weekdays = append(out.Weekdays, w)
		}
	}
	if len(out.Weekdays) == 0 {
		out.Weekdays = def.Weekdays
	}
	if out.TransferCutoff <= 0 || out.TransferCutoff > 24*time.Hour {
		out.TransferCutoff = def.TransferCutoff
	}
	return out
}

// dayLength returns the working time of one full working day.
func (s Schedule) dayLength() time.Duration {
	var n time.Duration
	for _, x := range s.Sessions {
		n += x.End - x.Start
	}
	return n
}
