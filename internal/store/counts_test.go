package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/report"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// randomStoredHistory creates a dossier through CreateDossier and walks it through
// random actions that the rules allow through ActOnDossier, at random instants from at
// (crossing days, months and statutory periods), and returns its code. Most dossiers
// have a fee; random payments go between the actions and after the last one
// (randomPayment), at the same instants, which the store's clock (*clock) follows.
func randomStoredHistory(t *testing.T, s *store.Store, r *rand.Rand, at time.Time, clock *time.Time) string {
	t.Helper()
	ctx := context.Background()
	unit := []string{"H26.01", "H26.02"}[r.IntN(2)]
	n := newDossier(unit, at)
	n.ProcedureCode = []string{"1.001193", "2.000986", "1.003583"}[r.IntN(3)]
	n.FeeVND = []int64{0, 20000, 50000, 100000}[r.IntN(4)]
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
		if n.FeeVND > 0 && r.IntN(3) == 0 {
			*clock = now
			randomPayment(t, s, r, cur.Record.Code, n.FeeVND)
			if cur, err = s.Dossier(ctx, cur.Record.Code); err != nil {
				t.Fatal(err)
			}
			if cur.State.Status.Final() {
				break
			}
		}
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
	for k := r.IntN(4); n.FeeVND > 0 && k > 0; k-- {
		now = now.Add(time.Duration(1+r.IntN(48)) * time.Hour)
		*clock = now
		randomPayment(t, s, r, cur.Record.Code, n.FeeVND)
	}
	return cur.Record.Code
}

// randomPayment records one random payment of the dossier's fee, as the desk and the
// gateway do: an online payment opened, a cash or transfer payment, a waiver, a
// gateway's notice settling a pending online payment (paid or failed, also after the
// dossier finished, which records no event) or a refund of a paid payment. A payment
// the rules refuse (the fee already settled, a dossier that takes no payment now) is
// skipped.
func randomPayment(t *testing.T, s *store.Store, r *rand.Rand, code string, fee int64) {
	t.Helper()
	ctx := context.Background()
	ps, err := s.DossierPayments(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	pick := func(status string) (store.Payment, bool) {
		for _, i := range r.Perm(len(ps)) {
			if ps[i].Status == status {
				return ps[i], true
			}
		}
		return store.Payment{}, false
	}
	switch k := r.IntN(12); {
	case k < 3:
		_, err = s.CreatePayment(ctx, store.NewPayment{DossierCode: code, Method: store.MethodOnline, Provider: "sandbox",
			AmountVND: fee, Actor: "citizen", Role: dossier.RoleApplicant})
	case k < 5:
		method := []string{store.MethodCash, store.MethodTransfer}[r.IntN(2)]
		_, err = s.CreatePayment(ctx, store.NewPayment{DossierCode: code, Method: method, AmountVND: fee,
			Actor: "u", Role: dossier.RoleOneStop})
	case k < 6:
		_, err = s.CreatePayment(ctx, store.NewPayment{DossierCode: code, Method: store.MethodWaiver, Reason: "Hộ nghèo.",
			Actor: "u", Role: dossier.RoleOneStop})
	case k < 9:
		p, ok := pick(store.PaymentPending)
		if !ok {
			return
		}
		_, _, err = s.SettlePayment(ctx, store.GatewayNotice{Provider: p.Provider, TxnRef: p.TxnRef, AmountVND: p.AmountVND,
			Success: r.IntN(4) > 0, TransactionNo: fmt.Sprintf("GD%d", r.Uint32())})
	default:
		p, ok := pick(store.PaymentPaid)
		if !ok {
			return
		}
		_, err = s.RefundPayment(ctx, p.ID, "Nộp thừa.", store.AuditEntry{})
	}
	if err != nil && !fault.Is(err, fault.Conflict) && !fault.Is(err, fault.Invalid) {
		t.Fatalf("%s: payment: %v", code, err)
	}
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
			if got, want := indexParts(sums[u].PeriodSums), referenceParts(p, ds); got != want {
				t.Errorf("%s, %s (roots %+v): index parts from counts %s, want %s", u, p.Name, roots, got, want)
			}
			want, err := s.PaymentMeasures(ctx, u, p.Start(), p.End())
			if err != nil {
				t.Fatal(err)
			}
			if got := sums[u].Payments; got != want {
				t.Errorf("%s, %s (roots %+v): 3.4 and 3.6 from counts %+v, want %+v", u, p.Name, roots, got, want)
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
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			var clock time.Time
			s := storetest.Open(t, d, func() time.Time { return clock })
			dossierCountsProperty(t, s, &clock)
		})
	}
}

// dossierCountsProperty is TestDossierCountsProperty on one database, whose clock is
// *clock.
func dossierCountsProperty(t *testing.T, s *store.Store, clock *time.Time) {
	{
		dossierUnits(t, s)
		ctx := context.Background()
		origin := time.Date(2025, 1, 1, 7, 0, 0, 0, calendar.Zone())
		*clock = origin
		var codes []string
		for seed := range uint64(3) {
			r := rand.New(rand.NewPCG(seed, 17))
			for range 50 {
				at := origin.Add(time.Duration(r.IntN(450*24)) * time.Hour)
				codes = append(codes, randomStoredHistory(t, s, r, at, clock))
			}
			want := map[string]report.Tallies{"H26.01": {}, "H26.02": {}}
			seen := map[string]bool{}
			for _, code := range codes {
				d, err := s.Dossier(ctx, code)
				if err != nil {
					t.Fatal(err)
				}
				ps, err := s.DossierPayments(ctx, code)
				if err != nil {
					t.Fatal(err)
				}
				sum := report.FromState(d.Dossier, d.State, "")
				sum.FeeDue, sum.PaidOnline = store.PaymentMarks(d.Record.FeeVND, ps)
				want[d.Dossier.UnitCode].Add(sum, 1)
				for _, p := range ps {
					seen["payment "+p.Method+" "+p.Status] = true
				}
				seen["fee due"] = seen["fee due"] || (sum.FeeDue && !sum.ReceivedAt.IsZero())
				seen["paid online"] = seen["paid online"] || (sum.PaidOnline && !sum.ReceivedAt.IsZero())
				seen["waived with a fee"] = seen["waived with a fee"] || (d.Record.FeeVND > 0 && !sum.FeeDue && !sum.ReceivedAt.IsZero())
				seen[string(sum.Status)] = true
				seen["extended"] = seen["extended"] || sum.Extended
				seen["supplemented"] = seen["supplemented"] || sum.Supplements > 0
				seen["supplemented twice"] = seen["supplemented twice"] || (sum.Supplements >= 2 && !sum.FinishedAt.IsZero())
				seen["online accepted"] = seen["online accepted"] || (sum.Channel == dossier.ChannelOnline && !sum.ReceivedAt.IsZero())
				seen["late"] = seen["late"] || (!sum.FinishedAt.IsZero() && sum.FinishedAt.After(sum.OriginalDueAt))
			}
			if seed == 2 {
				for _, k := range []string{"withdrawn", "refused", "returned", "processing", "extended", "supplemented",
					"supplemented twice", "online accepted", "late", "fee due", "paid online", "waived with a fee",
					"payment online pending", "payment online paid", "payment online failed", "payment online refunded",
					"payment cash paid", "payment transfer paid", "payment waiver waived"} {
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
				if n, err := s.UnitCountsDiffer(ctx); err != nil || n != 0 {
					t.Fatalf("seed %d (rebuilt %v): %d rows of the counts by unit differ from the counts summed over the procedures (%v)", seed, rebuilt, n, err)
				}
			}
			for i := range 6 {
				from := calendar.DateOf(origin).AddDays(r.IntN(480) - 20)
				p, err := report.NewPeriod(from, from.AddDays(r.IntN(150)))
				if i < 3 { // statutory periods: years and half-months only
					n := 1 + r.IntN(4)
					if i == 2 {
						n = 8 + r.IntN(5) // a late month, whose prefixes are read backwards
					}
					p, err = report.Named([]report.Kind{report.Year, report.Quarter, report.Month}[i], 2025, n)
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
	}
}
