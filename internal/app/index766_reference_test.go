package app_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"motcua/internal/app"
	"motcua/internal/calendar"
	"motcua/internal/demo"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/feedback"
	"motcua/internal/org"
	"motcua/internal/report"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// referenceIndex is the QĐ 766 index computed one dossier at a time, as it was before
// the store counted it in SQL: the unit's dossier summaries classified in Go
// (report.ComputeIndex) and each measure source queried for the unit alone.
func referenceIndex(t testing.TB, a *app.App, st *store.Store, unit string, p report.Period) report.Index {
	t.Helper()
	ctx := context.Background()
	ds, err := st.ReportDossiers(ctx, unit, true, p)
	if err != nil {
		t.Fatal(err)
	}
	m := report.Measures{}
	fs, err := st.FeedbackForPeriod(ctx, unit, p)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.FeedbackMeasures(ctx, fs, p, m); err != nil {
		t.Fatal(err)
	}
	// 5.4
	levels, err := st.RatingLevels(ctx, unit, p.Start(), p.End())
	if err != nil {
		t.Fatal(err)
	}
	withFeedback, err := st.DossierCodesWithFeedback(ctx, unit, p)
	if err != nil {
		t.Fatal(err)
	}
	var s feedback.ServiceSatisfaction
	for _, d := range ds {
		c := report.ClassifyII06a(d, p)
		if !c.Has(report.Resolved) {
			continue
		}
		s.Resolved++
		if c.Out == report.ResolvedLate || d.Supplements >= 2 {
			s.Late++
		}
		switch {
		case levels[d.Code] == feedback.Dissatisfied:
			s.Disliked++
		case withFeedback[d.Code]:
			s.WithFeedback++
		}
	}
	num, den := s.Fraction()
	m[report.MeasureServiceSatisfaction] = report.Fraction{Num: num, Den: den}
	// 3.4, 3.6
	pc, err := st.PaymentMeasures(ctx, unit, p.Start(), p.End())
	if err != nil {
		t.Fatal(err)
	}
	m[report.MeasurePaidOnline] = report.Fraction{Num: pc.PaidOnline, Den: pc.FeeDossiers}
	m[report.MeasurePaidOnlineProcedures] = report.Fraction{Num: pc.PaidProcedures, Den: pc.FeeProcedures}
	// 4.1–4.3
	resolved, electronic, err := st.ResultCounts(ctx, unit, p)
	if err != nil {
		t.Fatal(err)
	}
	received, digitised, reused, err := st.DigitisedCounts(ctx, unit, p)
	if err != nil {
		t.Fatal(err)
	}
	m[report.MeasureEResult] = report.Fraction{Num: electronic, Den: resolved}
	m[report.MeasureDigitised] = report.Fraction{Num: digitised, Den: received}
	m[report.MeasureReused] = report.Fraction{Num: reused, Den: received}
	return report.ComputeIndex(report.SchemeAt(p.To), p, ds, m)
}

// TestIndexCountsMatchReference checks, on every database, that the indicators the store
// counts in SQL for all the units at once equal the per-dossier computation, over a
// random small history (generated dossiers, some supplemented twice, with random
// ratings, PAKN and files) and random periods, for a ranking's units and for one unit
// alone; and that the dashboard and the public results, which read the counts, give the
// dossiers' totals.
func TestIndexCountsMatchReference(t *testing.T) {
	t.Parallel()
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	now := time.Date(2026, 3, 4, 9, 0, 0, 0, calendar.Zone())
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			st := storetest.Open(t, d, func() time.Time { return now })
			if err := demo.LoadBase(ctx, st, "mật-khẩu"); err != nil {
				t.Fatal(err)
			}
			var communes []string
			for _, u := range demo.Units() {
				if u.ParentCode == demo.Province {
					communes = append(communes, u.Code)
				}
			}
			if _, err := demo.Generate(ctx, st, demo.GenerateOptions{Dossiers: 360, Units: communes, Days: 200, Now: now, Seed: seed}); err != nil {
				t.Fatal(err)
			}
			r := rand.New(rand.NewPCG(seed, 1))
			whole, _ := report.NewPeriod(calendar.DateOf(now).AddDays(-400), calendar.DateOf(now))
			all, err := st.ReportDossiers(ctx, demo.Province, true, whole)
			if err != nil {
				t.Fatal(err)
			}
			if n := supplementTwice(t, st, r, all, now); n == 0 {
				t.Error("no dossier has two supplement requests, the history does not test them")
			}
			sprinkle(t, st, r, all, now)
			if n := payRandomly(t, st, r, all); n == 0 {
				t.Error("no payment was recorded, the history does not test them")
			}
			a := app.New(app.Config{DataDir: t.TempDir()}, st, slog.New(slog.NewTextHandler(io.Discard, nil)))

			today := calendar.DateOf(now)
			periods := []report.Period{whole}
			for range 4 {
				from := today.AddDays(-r.IntN(220))
				to := from.AddDays(r.IntN(120))
				p, err := report.NewPeriod(from, to)
				if err != nil {
					t.Fatal(err)
				}
				periods = append(periods, p)
			}
			// Every measure the store counts has something to count over the whole history.
			seen := map[string]bool{}
			for _, unit := range communes {
				for _, g := range referenceIndex(t, a, st, unit, whole).Groups {
					for _, in := range g.Indicators {
						if in.HasData && in.Numerator > 0 && in.Numerator < in.Denominator {
							seen[in.Code] = true
						}
					}
				}
			}
			for _, code := range []string{"2.1", "3.3", "3.4", "3.6", "4.1", "4.2", "4.3", "5.2", "5.4"} {
				if !seen[code] {
					t.Errorf("indicator %s: no unit has a rate strictly between 0 and 1, the history does not test it", code)
				}
			}
			for _, p := range periods {
				set, err := a.IndexesBelow(ctx, demo.Province, communes, p)
				if err != nil {
					t.Fatal(err)
				}
				for _, unit := range append(communes, demo.Province) {
					want := referenceIndex(t, a, st, unit, p)
					one, err := a.UnitIndex(ctx, unit, p)
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(one, want) {
						t.Errorf("%s %s alone:\n got %s\nwant %s", unit, p.Name, brief(one), brief(want))
					}
					if unit == demo.Province {
						continue
					}
					if got := set[unit]; !reflect.DeepEqual(got, want) {
						t.Errorf("%s %s in the ranking:\n got %s\nwant %s", unit, p.Name, brief(got), brief(want))
					}
				}
			}
			checkDashboardAndResults(t, a, st, []string{demo.Province, communes[0]}, periods[:2])
		})
	}
}

// checkDashboardAndResults checks that the leaders' dashboard and the public results,
// which read Biểu II.06a's totals from the maintained counts, equal the totals of the
// dossiers classified one at a time.
func checkDashboardAndResults(t *testing.T, a *app.App, st *store.Store, units []string, periods []report.Period) {
	t.Helper()
	ctx := context.Background()
	totals := func(unit string, p report.Period) report.Counts {
		ds, err := st.ReportDossiers(ctx, unit, true, p)
		if err != nil {
			t.Fatal(err)
		}
		return report.Totals(p, ds)
	}
	admin := org.User{Username: "admin", Roles: []org.Role{org.Admin}}
	for _, unit := range units {
		for _, p := range periods {
			db, err := a.Dashboard(ctx, admin, unit, p.From.String(), p.To.String())
			if err != nil {
				t.Fatal(err)
			}
			if want := totals(unit, p); db.Current != want {
				t.Errorf("%s %s dashboard: got %+v, want %+v", unit, p.Name, db.Current, want)
			}
			if want := totals(unit, db.Previous); db.Before != want {
				t.Errorf("%s %s dashboard, previous period: got %+v, want %+v", unit, p.Name, db.Before, want)
			}
			for _, m := range db.Trend {
				want := totals(unit, m.Period)
				if m.Resolved != want.Resolved.Total || m.OnTime != want.Resolved.Early+want.Resolved.OnTime {
					t.Errorf("%s %s dashboard trend: got %d of %d, want %+v", unit, m.Period.Name, m.OnTime, m.Resolved, want.Resolved)
				}
			}
		}
		r, err := a.UnitResults(ctx, unit, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []app.ResultFigures{r.Month, r.Year} {
			want := totals(unit, f.Period)
			if f.Received != want.Received.Total || f.Resolved != want.Resolved.Total {
				t.Errorf("%s %s results: got %d received, %d resolved, want %+v", unit, f.Period.Name, f.Received, f.Resolved, want)
			}
		}
	}
}

// supplementTwice walks a third of the open dossiers through two supplement requests
// (which make a dossier late for indicators 2.1 and 5.4), a second after now, and
// finishes half of those, so that the counts of the dossiers supplemented twice are
// compared too (the generated history has none). It returns how many it supplemented
// twice.
func supplementTwice(t testing.TB, st *store.Store, r *rand.Rand, ds []report.Dossier, now time.Time) int {
	t.Helper()
	ctx := context.Background()
	roles := []dossier.Role{dossier.RoleOneStop, dossier.RoleSpecialist, dossier.RoleLeader, dossier.RoleApplicant}
	n := 0
	for i, d := range ds {
		if d.ReceivedAt.IsZero() || !d.FinishedAt.IsZero() || i%3 != 0 {
			continue
		}
		finish := r.IntN(2) == 0
		at := now.Add(time.Second)
		for range 40 {
			cur, err := st.Dossier(ctx, d.Code)
			if err != nil {
				t.Fatal(err)
			}
			if !cur.State.Open() || (cur.State.Supplements >= 2 && !finish) {
				break
			}
			want := []dossier.Action{dossier.ActionSupplementReceived, dossier.ActionRequestSupplement}
			if cur.State.Supplements >= 2 {
				want = []dossier.Action{dossier.ActionSupplementReceived, dossier.ActionForward}
			}
			cmd, ok := firstAvailable(cur, roles, want)
			if !ok {
				break
			}
			cmd.Actor, cmd.Reason = "test", "Thiếu giấy tờ."
			if _, err := st.ActOnDossier(ctx, d.Code, cmd, at, store.Write{}); err != nil {
				t.Fatalf("%s %s: %v", d.Code, cmd.Action, err)
			}
			at = at.Add(time.Second)
		}
		if cur, err := st.Dossier(ctx, d.Code); err != nil {
			t.Fatal(err)
		} else if cur.State.Supplements >= 2 {
			n++
		}
	}
	return n
}

// firstAvailable is the command of the first of the actions that one of the roles may
// take on the dossier now.
func firstAvailable(d store.StoredDossier, roles []dossier.Role, actions []dossier.Action) (dossier.Command, bool) {
	for _, a := range actions {
		for _, role := range roles {
			if slices.Contains(dossier.Available(d.Dossier, d.State, role, d.Dossier.UnitCode), a) {
				return dossier.Command{Action: a, Role: role, Unit: d.Dossier.UnitCode}, true
			}
		}
	}
	return dossier.Command{}, false
}

// sprinkle adds random ratings, PAKN about dossiers and files (scans, results, reused
// components) to the dossiers, so that every measure has something to count.
func sprinkle(t testing.TB, st *store.Store, r *rand.Rand, ds []report.Dossier, now time.Time) {
	t.Helper()
	ctx := context.Background()
	levels := []feedback.Satisfaction{feedback.Satisfied, feedback.Neutral, feedback.Dissatisfied}
	var ratings []feedback.Rating
	var files []store.Attachment
	for i, d := range ds {
		if !d.FinishedAt.IsZero() && r.IntN(3) == 0 {
			ratings = append(ratings, feedback.Rating{DossierCode: d.Code, RatingInput: feedback.RatingInput{Level: levels[r.IntN(3)]},
				Channel: feedback.RatedAtLookup, At: d.FinishedAt.Add(time.Hour)})
		}
		for _, purpose := range []string{"", "scan", "result", "result_scan"} {
			if r.IntN(4) == 0 {
				f := store.Attachment{DossierCode: d.Code, DocName: "Tệp", SHA256: fmt.Sprintf("%064x", i), Size: 10,
					ContentType: "application/pdf", FileName: "a.pdf", UploadedKind: "officer", UploadedBy: "test",
					CreatedAt: now, Purpose: purpose}
				if purpose == "" && r.IntN(3) == 0 {
					f.ReusedFrom = ds[r.IntN(len(ds))].Code
				}
				files = append(files, f)
			}
		}
		if r.IntN(12) == 0 {
			sub := feedback.Submission{UnitCode: d.UnitCode, Channel: feedback.ChannelWeb, Kind: feedback.KindDossier,
				DossierCode: d.Code, Title: "Hồ sơ chậm", Content: "Hồ sơ của tôi chưa có kết quả.",
				Sender: feedback.Sender{Name: "Người gửi", Phone: "0900000000"}}
			at := d.ReceivedAt.Add(time.Duration(r.IntN(200)) * time.Hour)
			if at.IsZero() || at.After(now) {
				at = now.Add(-time.Hour)
			}
			if _, err := st.CreateFeedback(ctx, store.NewFeedback{Submission: sub, Actor: "public", Role: feedback.RoleSender, At: at},
				store.FeedbackWrite{}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := st.ImportRatings(ctx, ratings); err != nil {
		t.Fatal(err)
	}
	if err := st.ImportAttachments(ctx, files); err != nil {
		t.Fatal(err)
	}
}

// payRandomly records, through the store's write paths, random payments of the fees of
// a quarter of the dossiers besides the generated ones (imported with the dossiers):
// online payments opened, then paid or failed by the gateway's notice, cash and transfer
// payments, waivers and refunds, so that the counts of indicators 3.4 and 3.6 are
// maintained by every kind of payment. It returns how many payments changed something.
func payRandomly(t testing.TB, st *store.Store, r *rand.Rand, ds []report.Dossier) int {
	t.Helper()
	ctx := context.Background()
	n := 0
	for i, d := range ds {
		if i%4 != 0 {
			continue
		}
		cur, err := st.Dossier(ctx, d.Code)
		if err != nil {
			t.Fatal(err)
		}
		fee := cur.Record.FeeVND
		if fee <= 0 {
			continue
		}
		for range 1 + r.IntN(3) {
			ps, err := st.DossierPayments(ctx, d.Code)
			if err != nil {
				t.Fatal(err)
			}
			var pending, paid []store.Payment
			for _, p := range ps {
				switch p.Status {
				case store.PaymentPending:
					pending = append(pending, p)
				case store.PaymentPaid:
					paid = append(paid, p)
				}
			}
			switch k := r.IntN(8); {
			case k < 2:
				_, err = st.CreatePayment(ctx, store.NewPayment{DossierCode: d.Code, Method: store.MethodOnline, Provider: "sandbox",
					AmountVND: fee, Actor: "citizen", Role: dossier.RoleApplicant})
			case k < 3:
				_, err = st.CreatePayment(ctx, store.NewPayment{DossierCode: d.Code, Method: store.MethodCash, AmountVND: fee,
					Actor: "test", Role: dossier.RoleOneStop})
			case k < 4:
				_, err = st.CreatePayment(ctx, store.NewPayment{DossierCode: d.Code, Method: store.MethodWaiver, Reason: "Hộ nghèo.",
					Actor: "test", Role: dossier.RoleOneStop})
			case k < 7 && len(pending) > 0:
				p := pending[r.IntN(len(pending))]
				_, _, err = st.SettlePayment(ctx, store.GatewayNotice{Provider: p.Provider, TxnRef: p.TxnRef, AmountVND: p.AmountVND,
					Success: r.IntN(4) > 0, TransactionNo: fmt.Sprintf("GD%d", r.Uint32())})
			case len(paid) > 0:
				_, err = st.RefundPayment(ctx, paid[r.IntN(len(paid))].ID, "Nộp thừa.", store.AuditEntry{})
			default:
				continue
			}
			if err == nil {
				n++
			} else if !fault.Is(err, fault.Conflict) && !fault.Is(err, fault.Invalid) {
				t.Fatalf("%s: payment: %v", d.Code, err)
			}
		}
	}
	return n
}

// brief is an index's indicators as numerator/denominator and points, for messages.
func brief(x report.Index) string {
	s := fmt.Sprintf("%v/%v:", x.Points, x.MaxPoints)
	for _, g := range x.Groups {
		for _, in := range g.Indicators {
			if in.HasData {
				s += fmt.Sprintf(" %s=%d/%d", in.Code, in.Numerator, in.Denominator)
			}
		}
	}
	return s
}
