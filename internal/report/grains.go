package report

// The grains of the maintained counts and how a period's sums are read from them: two
// prefix sums for the stocks at the period's ends, and the rows that cover the period for
// its flows.

import "motcua/internal/calendar"

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
