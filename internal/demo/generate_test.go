package demo

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/catalog"
	"motcua/internal/report"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// TestGenerate writes a small synthetic history twice at two units on each database:
// the exact number asked for, gapless codes per unit and day continuing the first run's
// and left in the sequence table for live intake, desk receipts numbered without a gap,
// every stored state the projection of its events, a realistic mix, and II.06a
// invariants on every row.
func TestGenerate(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 27, 10, 30, 0, 0, calendar.Zone())
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		historyBase(t, st)
		units, err := ScaleUnits(ctx, st, 6)
		if err != nil {
			t.Fatal(err)
		}
		if len(units) != 6 || !strings.HasPrefix(units[5], "H40.60.") {
			t.Fatalf("units %v: want the 4 demo communes and 2 synthetic ones", units)
		}
		mine := []string{units[0], units[5]}
		events := 0
		for run, n := range []int{301, 250} {
			stats, err := Generate(ctx, st, GenerateOptions{Dossiers: n, Units: mine, Days: 60, Now: now, Seed: uint64(run)})
			if err != nil {
				t.Fatal(err)
			}
			if stats.Dossiers != n || stats.Events < 2*n {
				t.Fatalf("run %d: wrote %+v, want %d dossiers with their events", run, stats, n)
			}
			events += stats.Events
		}
		stored := 0
		for _, u := range mine {
			stored += checkGenerated(t, st, u)
		}
		if stored != events {
			t.Fatalf("%d events stored, want the %d written", stored, events)
		}
		channels, statuses := map[string]int{}, map[string]int{}
		total := 0
		for _, u := range mine {
			items := storedDossiers(t, st, u)
			total += len(items)
			seqs := map[calendar.Date][]int{}
			for _, it := range items {
				day := codeDay(t, it.Code)
				if !day.Before(calendar.DateOf(now)) || day.Before(calendar.DateOf(now).AddDays(-61)) {
					t.Fatalf("%s received outside the last 60 days", it.Code)
				}
				seqs[day] = append(seqs[day], seqOf(t, it.Code))
				channels[string(it.Channel)]++
				statuses[string(it.Status)]++
			}
			checkSequences(t, u, seqs)
		}
		if total != 551 {
			t.Fatalf("%d dossiers stored, want 551", total)
		}
		if channels["online"] == 0 || channels["counter"] == 0 || statuses["returned"] == 0 {
			t.Fatalf("not a realistic mix: channels %v, statuses %v", channels, statuses)
		}
		p, err := report.NewPeriod(calendar.DateOf(now).AddDays(-40), calendar.DateOf(now).AddDays(-1))
		if err != nil {
			t.Fatal(err)
		}
		counts, err := st.Fields(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var fields []catalog.Field
		for _, f := range counts {
			fields = append(fields, f.Field)
		}
		var sum report.Counts
		for _, u := range mine {
			ds, err := st.ReportDossiers(ctx, u, false, p)
			if err != nil {
				t.Fatal(err)
			}
			r := report.BuildII06a(p, fields, ds)
			if err := r.Check(); err != nil {
				t.Fatalf("%s: %v", u, err)
			}
			if r.Total.Received.CarriedOver == 0 || r.Total.Resolved.Total == 0 {
				t.Fatalf("%s: want carried-over and resolved dossiers, got %+v", u, r.Total)
			}
			sum.Plus(r.Total)
		}
		prov, err := st.ReportDossiers(ctx, Province, true, p)
		if err != nil {
			t.Fatal(err)
		}
		whole := report.BuildII06a(p, fields, prov)
		if whole.Total != sum {
			t.Fatalf("province %+v, want the sum of its communes %+v", whole.Total, sum)
		}
		// The daily counts written with the generated dossiers give the same report.
		sums, err := st.II06aSums(ctx, Province, true, p)
		if err != nil {
			t.Fatal(err)
		}
		if got := report.BuildII06aFromSums(p, fields, sums); fmt.Sprint(got) != fmt.Sprint(whole) {
			t.Fatalf("province from the daily counts %+v, from the dossiers %+v", got.Total, whole.Total)
		}
		checkLiveIntake(t, st, units[5])
	})
}
