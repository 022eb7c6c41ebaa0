package report

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/catalog"
	"motcua/internal/dossier"
)

// sumsByProcedure adds the daily counts into period sums per procedure code.
func sumsByProcedure(t Tallies, p Period) map[string]PeriodSums {
	out := map[string]PeriodSums{}
	for k, row := range t {
		s := out[k.ProcedureCode]
		s.AddDay(p, k.Day, row)
		out[k.ProcedureCode] = s
	}
	return out
}

// sumsByPrefixes reads the counts at the three grains the way the store does: the
// prefix before the period's first day and the one before the day after its last.
func sumsByPrefixes(t Tallies, p Period) map[string]PeriodSums {
	out := map[string]PeriodSums{}
	start, end := PrefixBefore(p.From), PrefixBefore(p.To.AddDays(1))
	for k, row := range t.AtGrains() {
		atEnd, atStart := end.Weight(k.Grain, k.Start), start.Weight(k.Grain, k.Start)
		if atEnd != 0 || atStart != 0 {
			s := out[k.ProcedureCode]
			s.AddPrefixes(row, atEnd, atStart)
			out[k.ProcedureCode] = s
		}
	}
	return out
}

// total adds sums by procedure.
func total(by map[string]PeriodSums) PeriodSums {
	var s PeriodSums
	for _, n := range by {
		s.Plus(n)
	}
	return s
}

// indexParts are the QĐ 766 parts that the sums give, for messages and comparison.
func indexParts(s PeriodSums) string {
	resolved, late := s.ResolvedLate()
	return fmt.Sprintf("measures %v resolved %d late %d started %d results %d", s.DossierMeasures(), resolved, late, s.Started(), s.Results)
}

// referenceParts are the same parts counted one dossier at a time (DossierMeasures and
// ClassifyII06a, as the QĐ 766 index's reference computation does).
func referenceParts(p Period, ds []Dossier) string {
	var resolved, late, started, results int
	for _, d := range ds {
		c := ClassifyII06a(d, p)
		if c.Counts() && c.In != ReceivedCarried {
			started++
		}
		if !c.Has(Resolved) {
			continue
		}
		resolved++
		if c.Out == ResolvedLate || d.Supplements >= 2 {
			late++
		}
		if d.Status == dossier.StatusResultReady || d.Status == dossier.StatusReturned {
			results++
		}
	}
	return fmt.Sprintf("measures %v resolved %d late %d started %d results %d", DossierMeasures(p, ds), resolved, late, started, results)
}

// TestII06aFromCounts checks, over random histories and random periods, that Biểu
// II.06a made from the daily counts equals the one made by classifying every dossier,
// for the whole and for each unit, and so do the parts of the QĐ 766 index that come
// from the counts (2.1, 3.3, 5.4's resolved and late, 4.1–4.3's denominators).
func TestII06aFromCounts(t *testing.T) {
	t.Parallel()
	cal := calendar.New(calendar.DefaultSchedule(), calendar.Seed())
	units := []string{"A", "B"}
	fields := []catalog.Field{{Code: "HT", Name: "Hộ tịch"}, {Code: "CT", Name: "Chứng thực"}}
	origin := time.Date(2025, 1, 1, 7, 0, 0, 0, calendar.Zone())
	for seed := range uint64(8) {
		r := rand.New(rand.NewPCG(seed, 17))
		var all []Dossier
		counts := Tallies{}
		byUnit := map[string]Tallies{}
		for i := range 200 {
			u := units[r.IntN(len(units))]
			start := origin.Add(time.Duration(r.IntN(400*24)) * time.Hour)
			d := randomHistory(t, r, cal, fmt.Sprintf("%d-%d", seed, i), u, start)
			d.ProcedureCode = d.FieldCode // one procedure per field, so sums by procedure are by field
			all = append(all, d)
			counts.Add(d, 1)
			if byUnit[u] == nil {
				byUnit[u] = Tallies{}
			}
			byUnit[u].Add(d, 1)
		}
		twice := 0
		for _, d := range all {
			if d.Supplements >= 2 && !d.FinishedAt.IsZero() {
				twice++
			}
		}
		if twice == 0 {
			t.Errorf("seed %d: no finished dossier with two supplement requests, the history does not test them", seed)
		}
		for i := range 16 {
			from := calendar.DateOf(origin).AddDays(r.IntN(420) - 10)
			p, err := NewPeriod(from, from.AddDays(r.IntN(200)))
			if i%4 == 0 { // a statutory period: whole half-months
				p, err = Named(Quarter, 2025, 1+r.IntN(4))
				if pre := PrefixBefore(p.From); pre.Days.From != pre.Days.To {
					t.Errorf("%s: prefix %+v reads days", p.Name, pre)
				}
			}
			if err != nil {
				t.Fatal(err)
			}
			want := BuildII06a(p, fields, all)
			got := BuildII06aFromSums(p, fields, sumsByProcedure(counts, p))
			if err := got.Check(); err != nil {
				t.Fatalf("seed %d, %s: %v", seed, p.Name, err)
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("seed %d, %s: from counts\n%+v\nwant\n%+v", seed, p.Name, got, want)
			}
			if grains := BuildII06aFromSums(p, fields, sumsByPrefixes(counts, p)); fmt.Sprint(grains) != fmt.Sprint(want) {
				t.Fatalf("seed %d, %s: from prefix sums %+v, want %+v", seed, p.Name, grains.Total, want.Total)
			}
			for name, sums := range map[string]map[string]PeriodSums{"days": sumsByProcedure(counts, p), "grains": sumsByPrefixes(counts, p)} {
				if got, want := indexParts(total(sums)), referenceParts(p, all); got != want {
					t.Fatalf("seed %d, %s: index measures from %s %s, want %s", seed, p.Name, name, got, want)
				}
			}
			for _, u := range units {
				var ds []Dossier
				for _, d := range all {
					if d.UnitCode == u {
						ds = append(ds, d)
					}
				}
				want := BuildII06a(p, fields, ds)
				got := BuildII06aFromSums(p, fields, sumsByProcedure(byUnit[u], p))
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("seed %d, %s, unit %s: from counts %+v, want %+v", seed, p.Name, u, got.Total, want.Total)
				}
			}
		}
	}
}

// TestContributionDiff checks that a dossier's contribution follows its state: nothing
// before its clock starts, the receipt and appointment once received, and a change of
// outcome taken out and put back when it finishes.
func TestContributionDiff(t *testing.T) {
	t.Parallel()
	at := func(day int) time.Time { return time.Date(2026, 5, day, 9, 0, 0, 0, calendar.Zone()) }
	date := func(day int) calendar.Date { return calendar.DateOf(at(day)) }
	submitted := Dossier{UnitCode: "U", ProcedureCode: "P", Channel: dossier.ChannelOnline, Status: dossier.StatusSubmitted}
	received := submitted
	received.Status, received.ReceivedAt, received.DueAt, received.OriginalDueAt = dossier.StatusProcessing, at(4), at(8), at(8)
	late := received
	late.Status, late.FinishedAt = dossier.StatusResultReady, at(11)
	withdrawn := received
	withdrawn.Status, withdrawn.FinishedAt = dossier.StatusWithdrawn, at(6)
	twice := received
	twice.Supplements = 2
	twiceLate := late
	twiceLate.Supplements = 2
	key := func(day int) DayKey { return DayKey{UnitCode: "U", ProcedureCode: "P", Day: date(day)} }
	tally := func(pairs ...int) Tally {
		var t Tally
		for i := 0; i < len(pairs); i += 2 {
			t[pairs[i]] += pairs[i+1]
		}
		return t
	}
	tests := []struct {
		name     string
		old, new Dossier
		want     Tallies
	}{
		{"submitted online", Dossier{}, submitted, Tallies{}},
		{"nothing changes", received, received, Tallies{}},
		{"accepted", submitted, received, Tallies{
			key(4): tally(int(DayReceivedOnline), 1), key(8): tally(int(DayDue), 1)}},
		{"resolved late", received, late, Tallies{
			key(11): tally(int(DayLate), 1, int(DayResult), 1, int(DayDueFinished), 1)}},
		{"second supplement request", received, twice, Tallies{
			key(4): tally(int(DayTwiceReceived), 1), key(8): tally(int(DayTwiceDue), 1)}},
		{"resolved late after two supplement requests", twice, twiceLate, Tallies{
			key(11): tally(int(DayLate), 1, int(DayResult), 1, int(DayDueFinished), 1,
				int(DayTwiceFinished), 1, int(DayTwiceLate), 1, int(DayTwiceDueFinished), 1)}},
		{"withdrawn early", received, withdrawn, Tallies{
			key(6): tally(int(DayWithdrawn), 1), key(8): tally(int(DayDueFinished), 1)}},
		{"outcome changed", late, withdrawn, Tallies{
			key(6): tally(int(DayWithdrawn), 1), key(8): tally(int(DayDueFinished), 1),
			key(11): tally(int(DayLate), -1, int(DayResult), -1, int(DayDueFinished), -1)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ContributionDiff(tc.old, tc.new)
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// TestPrefixBefore checks the prefix on every pair of days over three statutory years:
// each day's marks, counted at the three grains, are read exactly once (with their
// weights summed) when the day is before the prefix's end and not at all otherwise, and
// a prefix reads at most twelve half-months and eight days.
func TestPrefixBefore(t *testing.T) {
	t.Parallel()
	first, last := calendar.NewDate(2024, 12, 1), calendar.NewDate(2027, 1, 31)
	for end := first; !end.After(last); end = end.AddDays(1) {
		p := PrefixBefore(end)
		halves, days := 0, 0
		for d := first; !d.After(last); d = d.AddDays(1) {
			got := p.Weight(GrainDay, d) + p.Weight(GrainHalf, HalfMonth(d)) + p.Weight(GrainYear, StatutoryYearStart(d))
			want := 0
			if d.Before(end) {
				want = 1
			}
			if got != want {
				t.Fatalf("prefix before %s (%+v): the marks of %s count %d times, want %d", end, p, d, got, want)
			}
			if p.Weight(GrainDay, d) != 0 {
				days++
			}
			if d == HalfMonth(d) && p.Weight(GrainHalf, d) != 0 {
				halves++
			}
		}
		if halves > 12 || days > 8 {
			t.Fatalf("prefix before %s (%+v) reads %d half-months and %d days", end, p, halves, days)
		}
	}
}

// TestCover checks the cover of random periods over three statutory years: each day's
// marks, counted at the three grains, are read exactly once when the day is within the
// period and not at all otherwise, in at most CoverSpans spans.
func TestCover(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(3, 5))
	first := calendar.NewDate(2024, 12, 1)
	in := func(spans []GrainSpan, g Grain, start calendar.Date) int {
		n := 0
		for _, s := range spans {
			if s.Grain == g && !start.Before(s.From) && start.Before(s.To) {
				n++
			}
		}
		return n
	}
	for range 400 {
		from := first.AddDays(r.IntN(800))
		p, err := NewPeriod(from, from.AddDays(r.IntN(500)))
		if err != nil {
			t.Fatal(err)
		}
		if r.IntN(4) == 0 {
			p, err = Named([]Kind{Year, Quarter, Month}[r.IntN(3)], 2025+r.IntN(2), 1+r.IntN(4))
			if err != nil {
				t.Fatal(err)
			}
		}
		spans := Cover(p)
		if len(spans) > CoverSpans {
			t.Fatalf("%s: %d spans %+v", p.Name, len(spans), spans)
		}
		for d := first.AddDays(-20); d.Before(first.AddDays(1400)); d = d.AddDays(1) {
			got := in(spans, GrainDay, d) + in(spans, GrainHalf, HalfMonth(d)) + in(spans, GrainYear, StatutoryYearStart(d))
			want := 0
			if !d.Before(p.From) && !d.After(p.To) {
				want = 1
			}
			if got != want {
				t.Fatalf("%s (%s – %s), cover %+v: the marks of %s count %d times, want %d", p.Name, p.From, p.To, spans, d, got, want)
			}
		}
	}
}
