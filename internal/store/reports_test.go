package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/demo"
	"motcua/internal/dossier"
	"motcua/internal/report"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// demoStore opens a store of the dialect with the demo and its two years of history,
// the clock fixed on 4 March 2026, copied from a template loaded once per test binary;
// a volume test, skipped with -short.
func demoStore(tb testing.TB, d store.Dialect) *store.Store {
	tb.Helper()
	storetest.SkipVolume(tb)
	now := time.Date(2026, 3, 4, 9, 0, 0, 0, calendar.Zone())
	return storetest.Clone(tb, d, "demo-history", func() time.Time { return now }, func(s *store.Store) error {
		ctx := context.Background()
		if err := demo.LoadBase(ctx, s, "mật-khẩu"); err != nil {
			return err
		}
		_, _, err := demo.LoadHistory(ctx, s, now)
		return err
	})
}

// allDossiers pages through the list with the filter and checks that the pages do not
// overlap.
func allDossiers(t *testing.T, s *store.Store, f store.DossierFilter) []report.Dossier {
	t.Helper()
	var out []report.Dossier
	seen := map[string]bool{}
	for page := 0; ; page++ {
		items, next, err := s.DossierList(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range items {
			if seen[d.Code] {
				t.Fatalf("page %d repeats %s", page, d.Code)
			}
			seen[d.Code] = true
		}
		out = append(out, items...)
		if next == 0 {
			if len(items) > f.Limit {
				t.Fatalf("last page has %d items, limit %d", len(items), f.Limit)
			}
			return out
		}
		if len(items) != f.Limit {
			t.Fatalf("page %d has %d items before the last page, want %d", page, len(items), f.Limit)
		}
		f.After = next
	}
}

func TestReportDossiers(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			s := demoStore(t, d)
			ctx := context.Background()
			year, _ := report.Named(report.Year, 2025, 0)

			// The summaries the store keeps equal those projected from the events
			// (every extended dossier, and a sample of the others).
			all := allDossiers(t, s, store.DossierFilter{Unit: demo.Province, Subtree: true, Limit: 997})
			if len(all) < 4000 {
				t.Fatalf("got %d demo dossiers, want the two-year history", len(all))
			}
			extended := 0
			for i, sum := range all {
				if !sum.Extended && i%25 != 0 {
					continue
				}
				if sum.Extended {
					extended++
				}
				full, err := s.Dossier(ctx, sum.Code)
				if err != nil {
					t.Fatal(err)
				}
				want := report.FromState(full.Dossier, full.State, sum.FieldCode)
				if !sameSummary(sum, want) {
					t.Errorf("%s: store summary %+v, projected %+v", sum.Code, sum, want)
				}
			}
			if extended == 0 {
				t.Errorf("no extended dossier in the demo history")
			}

			// The report over the store's summaries equals the one over every dossier,
			// and the communes add up to the province.
			units, err := s.Units(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range []report.Period{year, mustNamed(t, report.Month, 2026, 3), mustNamed(t, report.CalendarMonth, 2025, 12)} {
				province, err := s.ReportDossiers(ctx, demo.Province, true, p)
				if err != nil {
					t.Fatal(err)
				}
				whole := report.BuildII06a(p, nil, province)
				if err := whole.Check(); err != nil {
					t.Fatalf("%s: %v", p.Name, err)
				}
				// The maintained daily counts, written with the imported history, give
				// the same report.
				sums, err := s.II06aSums(ctx, demo.Province, true, p)
				if err != nil {
					t.Fatal(err)
				}
				if got := report.BuildII06aFromSums(p, nil, sums); fmt.Sprint(got) != fmt.Sprint(whole) {
					t.Errorf("%s: report from the daily counts %+v, from the dossiers %+v", p.Name, got.Total, whole.Total)
				}
				if want := report.BuildII06a(p, nil, all); want.Total != whole.Total {
					t.Errorf("%s: report over the period's dossiers %+v, over all %+v", p.Name, whole.Total, want.Total)
				}
				var sum report.Counts
				for _, u := range units {
					if u.ParentCode != demo.Province {
						continue
					}
					ds, err := s.ReportDossiers(ctx, u.Code, false, p)
					if err != nil {
						t.Fatal(err)
					}
					r := report.BuildII06a(p, nil, ds)
					if err := r.Check(); err != nil {
						t.Fatalf("%s %s: %v", u.Code, p.Name, err)
					}
					sum.Plus(r.Total)
				}
				if sum != whole.Total {
					t.Errorf("%s: communes sum to %+v, province %+v", p.Name, sum, whole.Total)
				}
				if whole.Total.Received.Total == 0 {
					t.Errorf("%s: empty report", p.Name)
				}
			}
		})
	}
}

func TestDossierListFilters(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			s := demoStore(t, d)
			all := allDossiers(t, s, store.DossierFilter{Unit: demo.TanHoa, Limit: 1000})
			from := time.Date(2025, 6, 1, 0, 0, 0, 0, calendar.Zone())
			to := time.Date(2025, 7, 1, 0, 0, 0, 0, calendar.Zone())
			count := func(keep func(report.Dossier) bool) int {
				n := 0
				for _, d := range all {
					if keep(d) {
						n++
					}
				}
				return n
			}
			tests := []struct {
				name string
				f    store.DossierFilter
				keep func(report.Dossier) bool
			}{
				{"received in June 2025", store.DossierFilter{ReceivedFrom: from, ReceivedTo: to}, func(d report.Dossier) bool {
					return !d.ReceivedAt.IsZero() && !d.ReceivedAt.Before(from) && d.ReceivedAt.Before(to)
				}},
				{"withdrawn", store.DossierFilter{Status: dossier.StatusWithdrawn}, func(d report.Dossier) bool {
					return d.Status == dossier.StatusWithdrawn
				}},
				{"one field", store.DossierFilter{FieldCode: all[0].FieldCode}, func(d report.Dossier) bool {
					return d.FieldCode == all[0].FieldCode
				}},
				{"part of a code", store.DossierFilter{Q: all[0].Code[len(all[0].Code)-11:]}, func(d report.Dossier) bool {
					return d.Code[len(d.Code)-11:] == all[0].Code[len(all[0].Code)-11:]
				}},
				{"a procedure code", store.DossierFilter{Q: all[0].ProcedureCode}, func(d report.Dossier) bool {
					return d.ProcedureCode == all[0].ProcedureCode
				}},
				{"a wildcard is a character", store.DossierFilter{Q: "%"}, func(report.Dossier) bool { return false }},
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					f := tt.f
					f.Unit, f.Limit = demo.TanHoa, 300
					got := allDossiers(t, s, f)
					if want := count(tt.keep); len(got) != want {
						t.Errorf("got %d dossiers, want %d", len(got), want)
					}
					for _, d := range got {
						if !tt.keep(d) {
							t.Errorf("%s does not match the filter", d.Code)
						}
					}
					for _, d := range all {
						if f.Keeps(d) != tt.keep(d) {
							t.Errorf("%s: Keeps says %v, want %v", d.Code, f.Keeps(d), tt.keep(d))
						}
					}
				})
			}
		})
	}
}

func mustNamed(t *testing.T, k report.Kind, year, n int) report.Period {
	t.Helper()
	p, err := report.Named(k, year, n)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func sameSummary(a, b report.Dossier) bool {
	return a.Code == b.Code && a.UnitCode == b.UnitCode && a.ProcedureCode == b.ProcedureCode &&
		a.FieldCode == b.FieldCode && a.Channel == b.Channel && a.Status == b.Status &&
		a.ReceivedAt.Equal(b.ReceivedAt) && a.DueAt.Equal(b.DueAt) && a.OriginalDueAt.Equal(b.OriginalDueAt) &&
		a.FinishedAt.Equal(b.FinishedAt) && a.Supplements == b.Supplements && a.Extended == b.Extended
}
