package report

import (
	"motcua/internal/calendar"
	"motcua/internal/dossier"
)

// CountsRule numbers the rule by which a dossier contributes to the maintained daily
// counts (Contribution). Stores keep the number their counts were built with and
// rebuild them from the dossiers when it differs, so changing the rule means raising it.
const CountsRule = 3

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
//     by T (overdue at T) are the sums of DayDue minus DayDueFinished up to T;
//   - once finished with a result (result ready or returned, not refused), DayResult on
//     its finish day (the dossiers of QĐ 766 indicator 4.1);
//   - with two or more supplement requests (which make it late for QĐ 766 indicators
//     2.1 and 5.4), the same marks again in the Twice measures: DayTwiceReceived on its
//     receipt day, DayTwiceFinished on its finish day with DayTwiceLate or
//     DayTwiceWithdrawn by its outcome, DayTwiceDue and DayTwiceDueFinished as DayDue and
//     DayDueFinished;
//   - with a fee due (FeeDue: phí, lệ phí above zero and not waived), DayFeeDue on its
//     receipt day, and if paid online besides (PaidOnline), DayPaidOnline on that day:
//     the dossiers of QĐ 766 indicators 3.4 and 3.6.
const (
	DayReceivedOnline DayMeasure = iota
	DayReceivedDirect
	DayEarly
	DayOnTime
	DayLate
	DayWithdrawn
	DayDue
	DayDueFinished
	DayResult
	DayTwiceReceived
	DayTwiceFinished
	DayTwiceLate
	DayTwiceWithdrawn
	DayTwiceDue
	DayTwiceDueFinished
	DayFeeDue
	DayPaidOnline
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
	twice := d.Supplements >= 2
	out := []Mark{{received, in}}
	if d.FeeDue {
		out = append(out, Mark{received, DayFeeDue})
		if d.PaidOnline {
			out = append(out, Mark{received, DayPaidOnline})
		}
	}
	if twice {
		out = append(out, Mark{received, DayTwiceReceived})
	}
	finished := !d.FinishedAt.IsZero()
	var end calendar.Date
	if finished {
		end = calendar.DateOf(d.FinishedAt)
		o := outcome(d, end)
		out = append(out, Mark{end, o})
		if d.Status == dossier.StatusResultReady || d.Status == dossier.StatusReturned {
			out = append(out, Mark{end, DayResult})
		}
		if twice {
			out = append(out, Mark{end, DayTwiceFinished})
			switch o {
			case DayLate:
				out = append(out, Mark{end, DayTwiceLate})
			case DayWithdrawn:
				out = append(out, Mark{end, DayTwiceWithdrawn})
			}
		}
	}
	if !d.OriginalDueAt.IsZero() {
		due := later(received, calendar.DateOf(d.OriginalDueAt))
		out = append(out, Mark{due, DayDue})
		if twice {
			out = append(out, Mark{due, DayTwiceDue})
		}
		if finished {
			out = append(out, Mark{later(due, end), DayDueFinished})
			if twice {
				out = append(out, Mark{later(due, end), DayTwiceDueFinished})
			}
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

// Merge adds every row of u to t.
func (t Tallies) Merge(u Tallies) {
	for k, row := range u {
		sum := t[k]
		for i, n := range row {
			sum[i] += n
		}
		t[k] = sum
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
// DayDue minus DayDueFinished up to its last day. The QĐ 766 index needs besides the
// dossiers finished with a result within the period (Results) and the same sums for the
// dossiers with two or more supplement requests (Twice).
type PeriodSums struct {
	ReceivedOnline, ReceivedDirect, OpenBefore int
	Early, OnTime, Late, Withdrawn             int
	Overdue                                    int
	Results                                    int
	Twice                                      TwiceSums
}

// TwiceSums are the sums of the Twice measures for one period, as PeriodSums's: received
// within it, carried over, finished (any outcome), late and withdrawn within it, and
// overdue at its end.
type TwiceSums struct {
	Received, OpenBefore, Finished, Late, Withdrawn, Overdue int
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
		s.Twice.OpenBefore += t[DayTwiceReceived] - t[DayTwiceFinished]
	default:
		s.ReceivedOnline += t[DayReceivedOnline]
		s.ReceivedDirect += t[DayReceivedDirect]
		s.Early += t[DayEarly]
		s.OnTime += t[DayOnTime]
		s.Late += t[DayLate]
		s.Withdrawn += t[DayWithdrawn]
		s.Results += t[DayResult]
		s.Twice.Received += t[DayTwiceReceived]
		s.Twice.Finished += t[DayTwiceFinished]
		s.Twice.Late += t[DayTwiceLate]
		s.Twice.Withdrawn += t[DayTwiceWithdrawn]
	}
	s.Overdue += t[DayDue] - t[DayDueFinished]
	s.Twice.Overdue += t[DayTwiceDue] - t[DayTwiceDueFinished]
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
	s.Results += o.Results
	s.Twice.Received += o.Twice.Received
	s.Twice.OpenBefore += o.Twice.OpenBefore
	s.Twice.Finished += o.Twice.Finished
	s.Twice.Late += o.Twice.Late
	s.Twice.Withdrawn += o.Twice.Withdrawn
	s.Twice.Overdue += o.Twice.Overdue
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
