package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
	"motcua/internal/report"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// randomStoredHistory creates a dossier through CreateDossier and walks it through
// random actions that the rules allow through ActOnDossier, at random instants from at
// (crossing days, months and statutory periods), and returns its code.
func randomStoredHistory(t *testing.T, s *store.Store, r *rand.Rand, at time.Time) string {
	t.Helper()
	ctx := context.Background()
	unit := []string{"H26.01", "H26.02"}[r.IntN(2)]
	n := newDossier(unit, at)
	n.ProcedureCode = []string{"1.001193", "2.000986"}[r.IntN(2)]
	n.Channel = dossier.Channels()[r.IntN(3)]
	n.Deadline = calendar.Deadline{Days: float64(1 + r.IntN(8))}
	if r.IntN(4) == 0 {
		n.SupplementRule = dossier.SupplementReset
	}
	if n.Channel == dossier.ChannelOnline {
		n.Role, n.Actor = dossier.RoleApplicant, "citizen"
	}
	cur, err := s.CreateDossier(ctx, n, store.Write{})
	if err != nil {
		t.Fatal(err)
	}
	roles := []dossier.Role{dossier.RoleOneStop, dossier.RoleSpecialist, dossier.RoleLeader, dossier.RoleApplicant}
	now := at
	for k := r.IntN(16); k > 0 && !cur.State.Status.Final(); k-- {
		now = now.Add(time.Duration(1+r.IntN(120)) * time.Hour)
		type move struct {
			role dossier.Role
			a    dossier.Action
		}
		var moves []move
		for _, role := range roles {
			for _, a := range dossier.Available(cur.Dossier, cur.State, role, unit) {
				moves = append(moves, move{role, a})
			}
		}
		if len(moves) == 0 {
			break
		}
		m := moves[r.IntN(len(moves))]
		role, a := m.role, m.a
		if a == dossier.ActionTransfer || a == dossier.ActionAssign {
			continue
		}
		if (a == dossier.ActionWithdraw || a == dossier.ActionRefuse) && r.IntN(4) > 0 {
			continue // keep most histories going
		}
		c := dossier.Command{Action: a, Actor: "u", Role: role, Unit: unit, Reason: "Lý do."}
		if a == dossier.ActionExtend {
			c.NewDue = cur.State.DueAt.Add(time.Duration(1+r.IntN(10)) * 24 * time.Hour)
		}
		next, err := s.ActOnDossier(ctx, cur.Record.Code, c, now, store.Write{})
		if err != nil {
			continue // e.g. an extension too close to the deadline
		}
		cur = next
	}
	return cur.Record.Code
}

// indexParts are the parts of the QĐ 766 index that come from the counts, for
// comparison and messages.
func indexParts(s report.PeriodSums) string {
	resolved, late := s.ResolvedLate()
	return fmt.Sprintf("%v resolved %d late %d started %d results %d", s.DossierMeasures(), resolved, late, s.Started(), s.Results)
}

// referenceParts are the same parts counted one dossier at a time, as the QĐ 766
// index's reference computation does (report.DossierMeasures, report.ClassifyII06a).
func referenceParts(p report.Period, ds []report.Dossier) string {
	var resolved, late, started, results int
	for _, d := range ds {
		c := report.ClassifyII06a(d, p)
		if c.Counts() && c.In != report.ReceivedCarried {
			started++
		}
		if !c.Has(report.Resolved) {
			continue
		}
		resolved++
		if c.Out == report.ResolvedLate || d.Supplements >= 2 {
			late++
		}
		if d.Status == dossier.StatusResultReady || d.Status == dossier.StatusReturned {
			results++
		}
	}
	return fmt.Sprintf("%v resolved %d late %d started %d results %d", report.DossierMeasures(p, ds), resolved, late, started, results)
}

// checkIndexSums checks that the QĐ 766 parts read from the counts per root
// (IndexCountSums) equal the per-dossier reference, for the communes below the province
// (a ranking) and the province alone.
func checkIndexSums(t *testing.T, s *store.Store, p report.Period) {
	t.Helper()
	ctx := context.Background()
	for _, roots := range []store.IndexRoots{{Parent: "H26"}, {Unit: "H26"}} {
		sums, err := s.IndexCountSums(ctx, roots, p)
		if err != nil {
			t.Fatal(err)
		}
		units := []string{"H26.01", "H26.02"}
		if roots.Unit != "" {
			units = []string{roots.Unit}
		}
		for _, u := range units {
			ds, err := s.ReportDossiers(ctx, u, true, p)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := indexParts(sums[u]), referenceParts(p, ds); got != want {
				t.Errorf("%s, %s (roots %+v): index parts from counts %s, want %s", u, p.Name, roots, got, want)
			}
		}
	}
}

// TestDossierCountsProperty writes random histories through the store's write paths on
// each database and checks, after each batch, that the maintained daily counts equal a
// recomputation from the event log, that a rebuild gives them again, and that Biểu
// II.06a and the QĐ 766 parts from the counts (2.1, 3.3, 5.4's resolved and late, the
// denominators of 4.1–4.3) equal those that classify every dossier, for random periods,
// each commune and the province.
func TestDossierCountsProperty(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dossierUnits(t, s)
		ctx := context.Background()
		origin := time.Date(2025, 1, 1, 7, 0, 0, 0, calendar.Zone())
		var codes []string
		for seed := range uint64(3) {
			r := rand.New(rand.NewPCG(seed, 17))
			for range 50 {
				at := origin.Add(time.Duration(r.IntN(450*24)) * time.Hour)
				codes = append(codes, randomStoredHistory(t, s, r, at))
			}
			want := map[string]report.Tallies{"H26.01": {}, "H26.02": {}}
			seen := map[string]bool{}
			for _, code := range codes {
				d, err := s.Dossier(ctx, code)
				if err != nil {
					t.Fatal(err)
				}
				sum := report.FromState(d.Dossier, d.State, "")
				want[d.Dossier.UnitCode].Add(sum, 1)
				seen[string(sum.Status)] = true
				seen["extended"] = seen["extended"] || sum.Extended
				seen["supplemented"] = seen["supplemented"] || sum.Supplements > 0
				seen["supplemented twice"] = seen["supplemented twice"] || (sum.Supplements >= 2 && !sum.FinishedAt.IsZero())
				seen["online accepted"] = seen["online accepted"] || (sum.Channel == dossier.ChannelOnline && !sum.ReceivedAt.IsZero())
				seen["late"] = seen["late"] || (!sum.FinishedAt.IsZero() && sum.FinishedAt.After(sum.OriginalDueAt))
			}
			if seed == 2 {
				for _, k := range []string{"withdrawn", "refused", "returned", "processing", "extended", "supplemented",
					"supplemented twice", "online accepted", "late"} {
					if !seen[k] {
						t.Errorf("no history is %s", k)
					}
				}
			}
			for _, rebuilt := range []bool{false, true} {
				if rebuilt {
					if err := s.RebuildDossierCounts(ctx); err != nil {
						t.Fatal(err)
					}
				}
				for unit, w := range want {
					got, err := s.DossierCounts(ctx, unit)
					if err != nil {
						t.Fatal(err)
					}
					for k, row := range w {
						if row.Zero() {
							delete(w, k)
						}
					}
					if fmt.Sprint(got) != fmt.Sprint(w) {
						t.Fatalf("seed %d, %s (rebuilt %v): counts\n%v\nwant from the events\n%v", seed, unit, rebuilt, got, w)
					}
				}
			}
			for i := range 6 {
				from := calendar.DateOf(origin).AddDays(r.IntN(480) - 20)
				p, err := report.NewPeriod(from, from.AddDays(r.IntN(150)))
				if i < 3 { // statutory periods: years and half-months only
					p, err = report.Named([]report.Kind{report.Year, report.Quarter, report.Month}[i], 2025, 1+r.IntN(4))
				}
				if err != nil {
					t.Fatal(err)
				}
				for _, u := range []struct {
					code    string
					subtree bool
				}{{"H26", true}, {"H26.01", false}, {"H26.02", false}} {
					sums, err := s.II06aSums(ctx, u.code, u.subtree, p)
					if err != nil {
						t.Fatal(err)
					}
					got := report.BuildII06aFromSums(p, nil, sums)
					ds, err := s.ReportDossiers(ctx, u.code, u.subtree, p)
					if err != nil {
						t.Fatal(err)
					}
					want := report.BuildII06a(p, nil, ds)
					if err := got.Check(); err != nil {
						t.Fatalf("seed %d, %s, %s: %v", seed, u.code, p.Name, err)
					}
					if fmt.Sprint(got) != fmt.Sprint(want) {
						t.Fatalf("seed %d, %s, %s: from counts %+v, want %+v", seed, u.code, p.Name, got, want)
					}
				}
				checkIndexSums(t, s, p)
			}
		}
	})
}
