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

// Grain is the span of a row of the maintained counts: a day, a half-month (the 1st to
// the 14th, the 15th to the month's end) or a statutory year (15 December to 14
// December). Every dossier's marks are counted at the three grains, so that the sum of a
// measure over all days before any day (a prefix) reads at most one row per statutory
// year, 24 half-months and 15 days per unit and procedure.
type Grain string

// The grains, as stored.
const (
	GrainDay  Grain = "d"
	GrainHalf Grain = "h"
	GrainYear Grain = "y"
)

// HalfMonth returns the first day (the 1st or the 15th) of the half-month holding the day.
func HalfMonth(d calendar.Date) calendar.Date {
	if d.Day < 15 {
		return calendar.NewDate(d.Year, d.Month, 1)
	}
	return calendar.NewDate(d.Year, d.Month, 15)
}

// StatutoryYearStart returns the first day (15 December) of the statutory year (Decree
// 09/2019 art. 12) holding the day.
func StatutoryYearStart(d calendar.Date) calendar.Date {
	if d.Month == 12 && d.Day >= 15 {
		return calendar.NewDate(d.Year, 12, 15)
	}
	return calendar.NewDate(d.Year-1, 12, 15)
}

// GrainKey names a row of the counts at any grain: Start is the first day of its span.
type GrainKey struct {
	UnitCode, ProcedureCode string
	Grain                   Grain
	Start                   calendar.Date
}

// AtGrains returns the tallies counted at the three grains: each day's row added into
// its day's, its half-month's and its statutory year's.
func (t Tallies) AtGrains() map[GrainKey]Tally {
	out := map[GrainKey]Tally{}
	for k, row := range t {
		for _, g := range []GrainKey{
			{k.UnitCode, k.ProcedureCode, GrainDay, k.Day},
			{k.UnitCode, k.ProcedureCode, GrainHalf, HalfMonth(k.Day)},
			{k.UnitCode, k.ProcedureCode, GrainYear, StatutoryYearStart(k.Day)},
		} {
			sum := out[g]
			for i, n := range row {
				sum[i] += n
			}
			out[g] = sum
		}
	}
	return out
}

// Prefix is how the sum of the counts over every day before a day E is read from the
// three grains, from whichever side reads fewer rows. First the half-month boundary B
// nearest to E (E itself when E starts a half-month): the days between them are added
// (from B to E, when B is before E) or taken away (from E to B, when B is after E).
// Then the sum before B: either forwards, the statutory years before B's year and the
// half-months of B's year before B, or backwards, the years up to and including B's
// year less its half-months from B on. A prefix thus reads at most one or two rows per
// statutory year, twelve half-months and eight days per unit and procedure, where
// reading forwards only would read up to 23 half-months and 14 days.
type Prefix struct {
	// Years: the year rows starting before it count once.
	Years calendar.Date
	// Halves and Days: the half-month and day rows starting in the span count with the
	// span's sign.
	Halves, Days Span
}

// Span is a signed range of first days: the rows starting on or after From and before
// To count Sign times (1 or -1). An empty span (From = To) reads nothing.
type Span struct {
	From, To calendar.Date
	Sign     int
}

func (s Span) weight(start calendar.Date) int {
	if start.Before(s.From) || !start.Before(s.To) {
		return 0
	}
	return s.Sign
}

// PrefixBefore returns how to read the sum of the counts over the days before end.
func PrefixBefore(end calendar.Date) Prefix {
	var p Prefix
	b := HalfMonth(end)
	if next := nextHalf(b); !end.Equal(b) && days(end, next) < days(b, end) {
		p.Days = Span{From: end, To: next, Sign: -1}
		b = next
	} else {
		p.Days = Span{From: b, To: end, Sign: 1}
	}
	year := StatutoryYearStart(b)
	after := calendar.NewDate(year.Year+1, 12, 15)
	before := 0 // half-months of the year before b
	for h := year; h.Before(b); h = nextHalf(h) {
		before++
	}
	if 24-before+1 < before { // backwards: the year's row and the half-months from b on
		p.Years = after
		p.Halves = Span{From: b, To: after, Sign: -1}
	} else {
		p.Years = year
		p.Halves = Span{From: year, To: b, Sign: 1}
	}
	return p
}

// nextHalf returns the first day of the half-month after the one starting on h.
func nextHalf(h calendar.Date) calendar.Date {
	if h.Day < 15 {
		return calendar.NewDate(h.Year, h.Month, 15)
	}
	return calendar.NewDate(h.Year, h.Month+1, 1) // NewDate carries December into January
}

// days returns the number of days from a to b.
func days(a, b calendar.Date) int {
	n := 0
	for d := a; d.Before(b); d = d.AddDays(1) {
		n++
	}
	return n
}

// Weight returns how many times the row at grain g starting on start counts in the
// prefix: 1, -1 or 0 (not read).
func (p Prefix) Weight(g Grain, start calendar.Date) int {
	switch g {
	case GrainYear:
		if start.Before(p.Years) {
			return 1
		}
		return 0
	case GrainHalf:
		return p.Halves.weight(start)
	}
	return p.Days.weight(start)
}

// Args returns the prefix as the counts' queries take it: the years' bound, then for the
// half-months and for the days the weight (the sign, 0 for an empty span), first and end
// day, and the weight again (the condition that skips an empty span's rows unread).
func (p Prefix) Args() []any {
	out := []any{p.Years.String()}
	for _, s := range []Span{p.Halves, p.Days} {
		w := s.Sign
		if s.From == s.To {
			w = 0
		}
		out = append(out, w, s.From.String(), s.To.String(), w)
	}
	return out
}

// GrainSpan is a range of first days at one grain: the rows of that grain starting on
// or after From and before To.
type GrainSpan struct {
	Grain    Grain
	From, To calendar.Date
}

// CoverSpans is the most spans Cover returns: days, half-months, years, half-months, days.
const CoverSpans = 5

// Cover returns the rows that hold exactly the days of the period, at the coarsest grains
// that fit: the days up to the first half-month boundary, the half-months up to the first
// statutory year boundary, the whole years, then half-months and days again. The sums of
// flows within the period (the dossiers received, the fees) read these few rows, where
// the stocks at its ends (carried over, overdue) need the prefixes.
func Cover(p Period) []GrainSpan {
	var out []GrainSpan
	end := p.To.AddDays(1)
	for a := p.From; a.Before(end); {
		g, next := GrainDay, a.AddDays(1)
		if year := calendar.NewDate(a.Year+1, 12, 15); a == StatutoryYearStart(a) && !end.Before(year) {
			g, next = GrainYear, year
		} else if h := nextHalf(a); a == HalfMonth(a) && !end.Before(h) {
			g, next = GrainHalf, h
		}
		if n := len(out); n > 0 && out[n-1].Grain == g && out[n-1].To == a {
			out[n-1].To = next
		} else {
			out = append(out, GrainSpan{Grain: g, From: a, To: next})
		}
		a = next
	}
	return out
}

// CoverArgs returns the cover of the period as the counts' queries take it: CoverSpans
// times the grain, first and end day and 1, the spans beyond the cover empty with 0 (the
// condition that skips them unread).
func CoverArgs(p Period) []any {
	spans := Cover(p)
	out := make([]any, 0, 4*CoverSpans)
	for i := range CoverSpans {
		if i < len(spans) {
			out = append(out, string(spans[i].Grain), spans[i].From.String(), spans[i].To.String(), 1)
		} else {
			out = append(out, string(GrainDay), p.From.String(), p.From.String(), 0)
		}
	}
	return out
}

// AddPrefixes adds a row to the sums with its weights in the two prefix sums the store
// reads (Prefix.Weight): atEnd in the prefix before the day after the period, atStart in
// the prefix before its first day. The period's sums are the first prefix minus the
// second; the carried-over dossiers come from the second alone and the overdue ones from
// the first alone.
func (s *PeriodSums) AddPrefixes(t Tally, atEnd, atStart int) {
	s.Overdue += atEnd * (t[DayDue] - t[DayDueFinished])
	s.Twice.Overdue += atEnd * (t[DayTwiceDue] - t[DayTwiceDueFinished])
	s.OpenBefore += atStart * (t[DayReceivedOnline] + t[DayReceivedDirect] -
		t[DayEarly] - t[DayOnTime] - t[DayLate] - t[DayWithdrawn])
	s.Twice.OpenBefore += atStart * (t[DayTwiceReceived] - t[DayTwiceFinished])
	sign := atEnd - atStart
	s.ReceivedOnline += sign * t[DayReceivedOnline]
	s.ReceivedDirect += sign * t[DayReceivedDirect]
	s.Early += sign * t[DayEarly]
	s.OnTime += sign * t[DayOnTime]
	s.Late += sign * t[DayLate]
	s.Withdrawn += sign * t[DayWithdrawn]
	s.Results += sign * t[DayResult]
	s.Twice.Received += sign * t[DayTwiceReceived]
	s.Twice.Finished += sign * t[DayTwiceFinished]
	s.Twice.Late += sign * t[DayTwiceLate]
	s.Twice.Withdrawn += sign * t[DayTwiceWithdrawn]
}
