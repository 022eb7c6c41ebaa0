package app_test

import (
	"context"
	"io"
	"log/slog"
	"sync"
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

// ratingClock is a clock the test moves forward.
type ratingClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *ratingClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *ratingClock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// ratingEnv is the demo's units, accounts and catalogue with the use cases over them.
type ratingEnv struct {
	a     *app.App
	st    *store.Store
	clock *ratingClock
}

// ratingStart is Monday 2 March 2026, 09:00 in Vietnam.
var ratingStart = time.Date(2026, 3, 2, 9, 0, 0, 0, calendar.Zone())

func newRatingEnv(t *testing.T, d store.Dialect) *ratingEnv {
	t.Helper()
	c := &ratingClock{t: ratingStart}
	st := storetest.Clone(t, d, "demo-base-rating", c.now, func(s *store.Store) error {
		return demo.LoadBase(context.Background(), s, "mật-khẩu-thử")
	})
	return &ratingEnv{a: app.New(app.Config{DataDir: t.TempDir()}, st, slog.New(slog.NewTextHandler(io.Discard, nil))), st: st, clock: c}
}

const ratingProcedure = "1.000689" // đăng ký khai sinh, offered by every demo commune

// receive opens a counter dossier at the unit as its one-stop officer.
func (e *ratingEnv) receive(t *testing.T, staff, unit string) store.StoredDossier {
	t.Helper()
	d, err := e.a.Receive(context.Background(), e.user(t, staff+".motcua"), app.ReceiveInput{ProcedureCode: ratingProcedure, UnitCode: unit,
		Applicant: dossier.Applicant{FullName: "Phạm Thị Hồng Nhung", IDNumber: "079198765432"}}, app.Origin{})
	if err != nil {
		t.Fatalf("receive: %v", err)
	}
	return d
}

// submitOnline opens an online dossier at Tân Hòa from the citizen's account.
func (e *ratingEnv) submitOnline(t *testing.T, c store.Citizen) store.StoredDossier {
	t.Helper()
	ctx := context.Background()
	p, err := e.st.Procedure(ctx, ratingProcedure)
	if err != nil {
		t.Fatal(err)
	}
	n := app.NewDossierFor(p, demo.TanHoa, dossier.ChannelOnline)
	n.Applicant = dossier.Applicant{FullName: c.FullName, Email: c.Email}
	n.Actor, n.Role = c.Actor(), dossier.RoleApplicant
	d, err := e.st.CreateDossier(ctx, n, store.Write{})
	if err != nil {
		t.Fatalf("submit: %v", err)
	}
	return d
}

func (e *ratingEnv) user(t *testing.T, name string) org.User {
	t.Helper()
	u, err := e.st.User(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// finish walks the dossier through its process to the result returned.
func (e *ratingEnv) finish(t *testing.T, staff, code string) {
	t.Helper()
	steps := []struct{ who, action string }{
		{"motcua", "forward"}, {"chuyenvien", "forward"}, {"lanhdao", "forward"}, {"motcua", "forward"}, {"motcua", "return_result"},
	}
	d, err := e.st.Dossier(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	if d.State.Status == dossier.StatusSubmitted {
		steps = append([]struct{ who, action string }{{"motcua", "accept"}}, steps...)
	}
	for _, s := range steps {
		if _, err := e.a.Act(context.Background(), e.user(t, staff+"."+s.who), code, app.ActInput{Action: s.action}, app.Origin{}); err != nil {
			t.Fatalf("%s %s on %s: %v", s.who, s.action, code, err)
		}
	}
}

func TestRatings(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			testRatings(t, newRatingEnv(t, d))
		})
	}
}

func testRatings(t *testing.T, e *ratingEnv) {
	ctx := context.Background()
	citizen := registerCitizen(t, e.st)
	// Day 0: A, B, C, D, G received at Tân Hòa, F submitted online by the citizen, P at
	// Phước An; A, B, C, F and P are done the same day (early).
	a, b, c, dd, g := e.receive(t, "tanhoa", demo.TanHoa), e.receive(t, "tanhoa", demo.TanHoa), e.receive(t, "tanhoa", demo.TanHoa),
		e.receive(t, "tanhoa", demo.TanHoa), e.receive(t, "tanhoa", demo.TanHoa)
	f := e.submitOnline(t, citizen)
	p := e.receive(t, "phuocan", "H40.12.07")
	for _, x := range []store.StoredDossier{a, b, c, f} {
		e.finish(t, "tanhoa", x.Record.Code)
	}
	e.finish(t, "phuocan", p.Record.Code)
	// D is finished 40 days later: late.
	e.clock.add(40 * 24 * time.Hour)
	e.finish(t, "tanhoa", dd.Record.Code)

	key := func(x store.StoredDossier) string { return x.Record.LookupKey }
	satisfied := feedback.RatingInput{Level: feedback.Satisfied, Comment: "Cán bộ hướng dẫn tận tình.",
		Criteria: map[feedback.Criterion]feedback.Satisfaction{feedback.CriterionAttitude: feedback.Satisfied}}
	disliked := feedback.RatingInput{Level: feedback.Dissatisfied}

	t.Run("from the lookup", func(t *testing.T) {
		r, err := e.a.RateByLookup(ctx, a.Record.Code, key(a), satisfied)
		if err != nil {
			t.Fatal(err)
		}
		got, ok, err := e.a.DossierRating(ctx, a.Record.Code)
		if err != nil || !ok || got.Level != feedback.Satisfied || got.Channel != feedback.RatedAtLookup ||
			got.Comment != satisfied.Comment || got.Criteria[feedback.CriterionAttitude] != feedback.Satisfied ||
			len(got.Officers) != 3 || !got.At.Equal(r.At) {
			t.Fatalf("stored: got %+v %v %v, want the lookup's rating with its three officers", got, ok, err)
		}
	})
	t.Run("twice", func(t *testing.T) {
		_, err := e.a.RateByLookup(ctx, a.Record.Code, key(a), disliked)
		if !fault.Is(err, fault.Conflict) || fault.As(err).Message == "" {
			t.Fatalf("got %v, want conflict", err)
		}
		if got, _, _ := e.a.DossierRating(ctx, a.Record.Code); got.Level != feedback.Satisfied {
			t.Errorf("the first rating changed to %s", got.Level)
		}
	})
	t.Run("unfinished", func(t *testing.T) {
		if _, err := e.a.RateByLookup(ctx, g.Record.Code, key(g), satisfied); !fault.Is(err, fault.Conflict) {
			t.Fatalf("got %v, want conflict", err)
		}
	})
	t.Run("wrong key", func(t *testing.T) {
		_, err := e.a.RateByLookup(ctx, b.Record.Code, "ABCDEFGH", satisfied)
		_, lookupErr := e.st.Lookup(ctx, b.Record.Code, "ABCDEFGH")
		if !fault.Is(err, fault.NotFound) || fault.As(err).Message != fault.As(lookupErr).Message {
			t.Fatalf("got %v, want the lookup's not found (%v)", err, lookupErr)
		}
	})
	t.Run("invalid", func(t *testing.T) {
		if _, err := e.a.RateByLookup(ctx, b.Record.Code, key(b), feedback.RatingInput{Level: "great"}); !fault.Is(err, fault.Invalid) {
			t.Fatalf("got %v, want invalid", err)
		}
	})
	t.Run("at the kiosk", func(t *testing.T) {
		if _, err := e.a.RateAtKiosk(ctx, "H40.12.07", b.Record.Code, key(b), disliked); !fault.Is(err, fault.NotFound) {
			t.Fatalf("another unit's kiosk: got %v, want not found", err)
		}
		if _, err := e.a.RateAtKiosk(ctx, demo.TanHoa, b.Record.Code, key(b), disliked); err != nil {
			t.Fatal(err)
		}
		if _, err := e.a.KioskDossier(ctx, demo.TanHoa, b.Record.Code, key(b)); !fault.Is(err, fault.Conflict) {
			t.Errorf("scanned again: got %v, want conflict", err)
		}
	})
	t.Run("from the citizen's account", func(t *testing.T) {
		if _, err := e.a.RateByCitizen(ctx, citizen, c.Record.Code, satisfied); !fault.Is(err, fault.NotFound) {
			t.Fatalf("someone else's dossier: got %v, want not found", err)
		}
		if _, err := e.a.RateByCitizen(ctx, citizen, f.Record.Code, feedback.RatingInput{Level: feedback.Neutral}); err != nil {
			t.Fatal(err)
		}
		if r, _, _ := e.a.DossierRating(ctx, f.Record.Code); r.Channel != feedback.RatedByCitizen || r.Level != feedback.Neutral {
			t.Errorf("got %+v", r)
		}
	})
	// D (late) is disliked too; P at Phước An is satisfied.
	if _, err := e.a.RateByLookup(ctx, dd.Record.Code, key(dd), disliked); err != nil {
		t.Fatal(err)
	}
	if _, err := e.a.RateByLookup(ctx, p.Record.Code, key(p), satisfied); err != nil {
		t.Fatal(err)
	}

	from, to := "2026-03-01", "2026-04-30"
	t.Run("per officer and procedure", func(t *testing.T) {
		rep, err := e.a.Ratings(ctx, e.user(t, "tanhoa.lanhdao"), demo.TanHoa, from, to)
		if err != nil {
			t.Fatal(err)
		}
		want := feedback.Tally{Satisfied: 1, Neutral: 1, Dissatisfied: 2} // A; F; B, D
		if rep.Total != want {
			t.Errorf("total: got %+v, want %+v", rep.Total, want)
		}
		if len(rep.Officers) != 3 {
			t.Fatalf("officers: got %+v, want the three of Tân Hòa", rep.Officers)
		}
		for _, o := range rep.Officers {
			if o.Tally != want || o.FullName == "" || o.FullName == o.Username {
				t.Errorf("officer %s (%s): got %+v, want %+v", o.Username, o.FullName, o.Tally, want)
			}
		}
		if len(rep.Procedures) != 1 || rep.Procedures[0].Key != ratingProcedure || rep.Procedures[0].Tally != want || rep.Procedures[0].Name == "" {
			t.Errorf("procedures: got %+v", rep.Procedures)
		}
		// The province's administrator sees Phước An's rating as well.
		all, err := e.a.Ratings(ctx, e.user(t, "admin"), demo.Province, from, to)
		if err != nil {
			t.Fatal(err)
		}
		if all.Total.Satisfied != 2 || all.Total.Total() != 5 || len(all.Officers) != 6 {
			t.Errorf("province: got %+v with %d officers, want 5 ratings (2 satisfied) over 6 officers", all.Total, len(all.Officers))
		}
		// The period filters by the day of the rating.
		none, err := e.a.Ratings(ctx, e.user(t, "tanhoa.lanhdao"), demo.TanHoa, "2026-01-01", "2026-02-28")
		if err != nil || none.Total.Total() != 0 {
			t.Errorf("before: got %+v %v, want none", none.Total, err)
		}
		if _, err := e.a.Ratings(ctx, e.user(t, "tanhoa.lanhdao"), "H40.12.07", from, to); !fault.Is(err, fault.Forbidden) {
			t.Errorf("another commune: got %v, want forbidden", err)
		}
		if _, err := e.a.Ratings(ctx, e.user(t, "tanhoa.motcua"), demo.TanHoa, from, to); !fault.Is(err, fault.Forbidden) {
			t.Errorf("a one-stop officer: got %v, want forbidden", err)
		}
	})
	t.Run("indicator 5.4", func(t *testing.T) {
		x, err := e.a.Index766(ctx, e.user(t, "tanhoa.lanhdao"), demo.TanHoa, from, to)
		if err != nil {
			t.Fatal(err)
		}
		// Resolved: A, B, C, D, F = 5; late: D = 1; disliked: B, D = 2 (G is open, P is
		// Phước An's). 5.4 = 100% − (1/5 + 2/5) = 40%; below the 90% threshold the points
		// are 0.4 × 6 ÷ 0.9 = 2.67.
		in := indicator(t, x, "5.4")
		if !in.HasData || in.Numerator != 2 || in.Denominator != 5 || in.Points != 2.67 {
			t.Fatalf("5.4: got %d/%d (%v) = %v points, want 2/5 = 2.67 points", in.Numerator, in.Denominator, in.HasData, in.Points)
		}
		// Phước An: one resolved, on time, satisfied: 100%, full points.
		pa, err := e.a.Index766(ctx, e.user(t, "admin"), "H40.12.07", from, to)
		if err != nil {
			t.Fatal(err)
		}
		if in := indicator(t, pa, "5.4"); in.Numerator != 1 || in.Denominator != 1 || in.Points != 6 {
			t.Errorf("Phước An 5.4: got %d/%d = %v points, want 1/1 = 6", in.Numerator, in.Denominator, in.Points)
		}
		// A period with nothing resolved has no data.
		empty, err := e.a.Index766(ctx, e.user(t, "tanhoa.lanhdao"), demo.TanHoa, "2025-01-01", "2025-12-31")
		if err != nil {
			t.Fatal(err)
		}
		if in := indicator(t, empty, "5.4"); in.HasData {
			t.Errorf("empty period: got %d/%d, want no data", in.Numerator, in.Denominator)
		}
	})
}

// TestRatingsAtOnce sends two ratings of one dossier at the same moment: one wins, the
// other is refused as already rated.
func TestRatingsAtOnce(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			e := newRatingEnv(t, d)
			x := e.receive(t, "tanhoa", demo.TanHoa)
			e.finish(t, "tanhoa", x.Record.Code)
			errs := make(chan error, 2)
			for _, l := range []feedback.Satisfaction{feedback.Satisfied, feedback.Dissatisfied} {
				go func() {
					_, err := e.a.RateByLookup(context.Background(), x.Record.Code, x.Record.LookupKey, feedback.RatingInput{Level: l})
					errs <- err
				}()
			}
			var ok, conflict int
			for range 2 {
				switch err := <-errs; {
				case err == nil:
					ok++
				case fault.Is(err, fault.Conflict):
					conflict++
				default:
					t.Errorf("got %v", err)
				}
			}
			if ok != 1 || conflict != 1 {
				t.Fatalf("got %d stored and %d refused, want one of each", ok, conflict)
			}
		})
	}
}

func indicator(t *testing.T, x app.Index766, code string) report.IndicatorScore {
	t.Helper()
	for _, g := range x.Groups {
		for _, in := range g.Indicators {
			if in.Code == code {
				return in
			}
		}
	}
	t.Fatalf("no indicator %s", code)
	return report.IndicatorScore{}
}

func registerCitizen(t *testing.T, st *store.Store) store.Citizen {
	t.Helper()
	ctx := context.Background()
	var token string
	c, err := st.RegisterCitizen(ctx, store.NewCitizen{Login: "tam@example.vn", FullName: "Lê Văn Tâm", Password: "mật-khẩu-công-dân"},
		time.Hour, func(c store.Citizen, tok string) store.OutboxMessage {
			token = tok
			return store.OutboxMessage{}
		})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.VerifyCitizen(ctx, token); err != nil {
		t.Fatal(err)
	}
	c.Email = "tam@example.vn"
	return c
}
