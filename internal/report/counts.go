package report

import (
	"motcua/internal/calendar"
	"motcua/internal/dossier"
)

// CountsRule numbers the rule by which a dossier contributes to the maintained daily
// counts (Contribution). Stores keep the number their counts were built with and
// rebuild them from the dossiers when it differs, so changing the rule means raising it.
const CountsRule = 1

// DayMeasure is one column of the maintained daily counts (số liệu thống kê theo ngày): how
// many dossiers of a unit and procedure did something on a civil day (UTC+7).
type DayMeasure int

// The measures. A dossier whose clock never started contributes to none; otherwise it
// contributes one to each of:
//   - DayReceivedOnline or DayReceivedDirect on the day its clock started;
//   - once finished, DayEarly, DayOnTime, DayLate (its finish date against
//     the original appointment's, as ClassifyII06a) or DayWithdrawn, on its finish day;
//   - with an appointment, DayDue on the later of its receipt and appointment days,
//     and, once finished, DayDueFinished on the latest of its receipt, appointment
//     and finish days — so that the dossiers received and due by a day T but not finished
//     by T (overdue at T) are the sums of DayDue minus DayDueFinished up to T.
const (
	DayReceivedOnline DayMeasure = iota
	DayReceivedDirect
	DayEarly
	DayOnTime
	DayLate
	DayWithdrawn
	DayDue
	DayDueFinished
	// DayMeasures is the number of measures.
	DayMeasures
)

// DayKey names a row of the daily counts: the receiving unit, the procedure and the
// civil day.
type DayKey struct {
	UnitCode, ProcedureCode string
	Day                     calendar.Date
}

// Tally is a row of the daily counts: a number per measure.
type Tally [DayMeasures]int

// Zero reports whether every measure is zero.
func (t Tally) Zero() bool { return t == Tally{} }

// Mark is one contribution of a dossier: one in the measure on the day.
type Mark struct {
	Day     calendar.Date
	Measure DayMeasure
}

// Contribution returns what the dossier adds to the daily counts in its current state
// (see the measures). It depends on the summary alone, so a change of state changes the
// counts by the new contribution minus the old one. A finish is assumed not to precede
// the clock's start, as the dossier's rules guarantee.
func Contribution(d Dossier) []Mark {
	if d.ReceivedAt.IsZero() {
		return nil
	}
	received := calendar.DateOf(d.ReceivedAt)
	in := DayReceivedDirect
	if d.Channel == dossier.ChannelOnline {
		in = DayReceivedOnline
	}
	out := []Mark{{received, in}}
	finished := !d.FinishedAt.IsZero()
	var end calendar.Date
	if finished {
		end = calendar.DateOf(d.FinishedAt)
		out = append(out, Mark{end, outcome(d, end)})
	}
	if !d.OriginalDueAt.IsZero() {
		due := later(received, calendar.DateOf(d.OriginalDueAt))
		out = append(out, Mark{due, DayDue})
		if finished {
			out = append(out, Mark{later(due, end), DayDueFinished})
		}
	}
	return out
}

// outcome is the finished dossier's measure: withdrawn, or early, on time or late by its
// finish date against the original appointment's (on time without one).
func outcome(d Dossier, end calendar.Date) DayMeasure {
	if d.Status == dossier.StatusWithdrawn {
		return DayWithdrawn
	}
	if d.OriginalDueAt.IsZero() {
		return DayOnTime
	}
	due := calendar.DateOf(d.OriginalDueAt)
	switch {
	case end.Before(due):
		return DayEarly
	case end.After(due):
		return DayLate
	}
	return DayOnTime
}

func later(a, b calendar.Date) calendar.Date {
	if a.Before(b) {
		return b
	}
	return a
}

// Tallies are daily counts by row, as a change to apply or as a whole table.
type Tallies map[DayKey]Tally

// Add adds the dossier's contribution times sign (1 to count it, -1 to take it out).
func (t Tallies) Add(d Dossier, sign int) {
	for _, m := range Contribution(d) {
		k := DayKey{UnitCode: d.UnitCode, ProcedureCode: d.ProcedureCode, Day: m.Day}
		row := t[k]
		row[m.Measure] += sign
		t[k] = row
	}
}

// ContributionDiff is the change to the daily counts when a dossier goes from the
// summary old to new: new's contribution minus old's, without the rows left unchanged.
// Nothing changes for most actions (a step forwarded, an assignment).
func ContributionDiff(old, new Dossier) Tallies {
	t := Tallies{}
	t.Add(old, -1)
	t.Add(new, 1)
	for k, row := range t {
		if row.Zero() {
			delete(t, k)
		}
	}
	return t
}

// PeriodSums are the sums of daily counts that Biểu II.06a needs for one period (of one
// procedure, field or unit): received online and direct/postal within the period;
// OpenBefore, received minus finished before its first day (the dossiers carried over);
// finished early, on time, late and withdrawn within the period; and Overdue, the sum of
// DayDue minus DayDueFinished up to its last day.
type PeriodSums struct {
	ReceivedOnline, ReceivedDirect, OpenBefore int
	Early, OnTime, Late, Withdrawn             int
	Overdue                                    int
}

// AddDay adds one row of daily counts for the day to the sums of the period. The store
// computes the same sums in SQL; AddDay is their definition.
func (s *PeriodSums) AddDay(p Period, day calendar.Date, t Tally) {
	switch {
	case day.After(p.To):
		return
	case day.Before(p.From):
		s.OpenBefore += t[DayReceivedOnline] + t[DayReceivedDirect] -
			t[DayEarly] - t[DayOnTime] - t[DayLate] - t[DayWithdrawn]
	default:
		s.ReceivedOnline += t[DayReceivedOnline]
		s.ReceivedDirect += t[DayReceivedDirect]
		s.Early += t[DayEarly]
		s.OnTime += t[DayOnTime]
		s.Late += t[DayLate]
		s.Withdrawn += t[DayWithdrawn]
	}
	s.Overdue += t[DayDue] - t[DayDueFinished]
}

// Plus adds other sums to these.
func (s *PeriodSums) Plus(o PeriodSums) {
	s.ReceivedOnline += o.ReceivedOnline
	s.ReceivedDirect += o.ReceivedDirect
	s.OpenBefore += o.OpenBefore
	s.Early += o.Early
	s.OnTime += o.OnTime
	s.Late += o.Late
	s.Withdrawn += o.Withdrawn
	s.Overdue += o.Overdue
}

// Counts turns the sums into a line of Biểu II.06a. A dossier counts in the period when
// it was received within it or carried over; those that finished within it are resolved
// or withdrawn, the rest in progress, overdue when received and due by the last day.
func (s PeriodSums) Counts() Counts {
	var n Counts
	n.Received = ReceivedCounts{Online: s.ReceivedOnline, DirectPostal: s.ReceivedDirect, CarriedOver: s.OpenBefore}
	n.Received.Total = s.ReceivedOnline + s.ReceivedDirect + s.OpenBefore
	n.Resolved = ResolvedCounts{Total: s.Early + s.OnTime + s.Late, Early: s.Early, OnTime: s.OnTime, Late: s.Late}
	n.Withdrawn = s.Withdrawn
	n.InProgress.Total = n.Received.Total - n.Resolved.Total - n.Withdrawn
	n.InProgress.Overdue = s.Overdue
	n.InProgress.InTime = n.InProgress.Total - s.Overdue
	return n
}

// HalfMonth returns the first day (the 1st or the 15th) of the half-month holding the
// day. The maintained counts are also kept per half-month, the grain at which both the
// statutory periods (15th to 14th) and calendar months are whole, so that a report reads
// day rows only for a half-month its period cuts.
func HalfMonth(d calendar.Date) calendar.Date {
	if d.Day < 15 {
		return calendar.NewDate(d.Year, d.Month, 1)
	}
	return calendar.NewDate(d.Year, d.Month, 15)
}

// NextHalfMonth returns the first day of the half-month after the one starting on h.
func NextHalfMonth(h calendar.Date) calendar.Date {
	if h.Day < 15 {
		return calendar.NewDate(h.Year, h.Month, 15)
	}
	return calendar.NewDate(h.Year, h.Month+1, 1)
}

// ByHalfMonth returns the tallies with each day's row added into its half-month's
// (HalfMonth), the half-month's first day as the key's day.
func (t Tallies) ByHalfMonth() Tallies {
	out := Tallies{}
	for k, row := range t {
		k.Day = HalfMonth(k.Day)
		sum := out[k]
		for i, n := range row {
			sum[i] += n
		}
		out[k] = sum
	}
	return out
}

// HalfMonthCut is how a period reads the half-month rows: every half-month that
// starts on or before its last day, except the (at most two) that the period cuts —
// the one holding its first day unless it starts on it, the one holding its last day
// unless it ends on it — whose days are read instead.
type HalfMonthCut struct {
	// From and To are the half-months cut at the period's start and end (zero when not
	// cut).
	From, To calendar.Date
}

// Cut returns the half-months the period cuts.
func (p Period) Cut() HalfMonthCut {
	var c HalfMonthCut
	if h := HalfMonth(p.From); !h.Equal(p.From) {
		c.From = h
	}
	if h := HalfMonth(p.To); !NextHalfMonth(h).Equal(p.To.AddDays(1)) {
		c.To = h
	}
	return c
}
