package demo

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/catalog"
	"motcua/internal/store"
)

// historySeed seeds the generator: the demo history is the same on every install.
const historySeed = 0x6d6f74637561

// unitVolume describes the dossier history of one demo unit: yearly volumes by channel
// and the shares of dossiers that end otherwise than on time.
type unitVolume struct {
	Unit string
	// Staff is the prefix of the officers' usernames in the events ("tanhoa" →
	// tanhoa.motcua, tanhoa.chuyenvien, tanhoa.lanhdao).
	Staff                         string
	OnlinePerYear, CounterPerYear float64
	// Late is the share of dossiers that overrun their appointment; Stuck the share that
	// are still not finished long after it; Tidy units finish every dossier on time.
	Late, Stuck float64
	Tidy        bool
	// Supplement, Refuse and Withdraw are the shares of dossiers with a supplement
	// request (one only), a refusal and a withdrawal.
	Supplement, Refuse, Withdraw float64
	// ExtendPerMonth is how many late dossiers a month get an apology and new
	// appointment (hẹn lại) in time.
	ExtendPerMonth float64
}

// historyPlan is the shape of the demo history: how many days it covers, ending at the
// start of the day of now (today's codes are left to real intake), and the units.
type historyPlan struct {
	Days  int
	Units []unitVolume
	// Feedback are the units' phản ánh, kiến nghị (feedback.go).
	Feedback []feedbackVolume
}

// fullHistory is the demo history: two years. Tân Hòa resolves about 1,700 online
// dossiers a year, all on time; the other communes are smaller and have some late ones.
func fullHistory() historyPlan {
	return historyPlan{Days: 730, Units: []unitVolume{
		{Unit: TanHoa, Staff: "tanhoa", OnlinePerYear: 1720, CounterPerYear: 360, Tidy: true,
			Supplement: 0.03, Refuse: 0.008, Withdraw: 0.004},
		{Unit: "H40.12.07", Staff: "phuocan", OnlinePerYear: 200, CounterPerYear: 350, Late: 0.04, Stuck: 0.004,
			Supplement: 0.05, Refuse: 0.01, Withdraw: 0.006, ExtendPerMonth: 1},
		{Unit: "H40.15.01", Staff: "binhminh", OnlinePerYear: 330, CounterPerYear: 450, Late: 0.03, Stuck: 0.003,
			Supplement: 0.04, Refuse: 0.01, Withdraw: 0.005, ExtendPerMonth: 1},
		{Unit: "H40.15.09", Staff: "longtho", OnlinePerYear: 80, CounterPerYear: 200, Late: 0.07, Stuck: 0.008,
			Supplement: 0.06, Refuse: 0.015, Withdraw: 0.008, ExtendPerMonth: 0.5},
	}, Feedback: []feedbackVolume{
		// Few complaints at Tân Hòa, nearly all answered on time and liked.
		{Unit: TanHoa, Staff: "tanhoa", PerYear: 14, Refuse: 0.07, AskInfo: 0.1, Late: 0.04, Rated: 0.6, Liked: 0.85},
		{Unit: "H40.12.07", Staff: "phuocan", PerYear: 8, Refuse: 0.1, AskInfo: 0.1, Late: 0.15, Rated: 0.5, Liked: 0.7},
	}}
}

// LoadHistory writes two years of demo dossiers ending at now, after Load: each dossier's
// events are decided and projected by the domain rules (dossier.Decide and
// dossier.Project, as dossier.Act does) with the unit's calendar and the procedure's
// pinned process, at simulated instants inside working hours, then all are written with
// store.ImportDossiers. No history dossier is received on the day of now, so today's
// codes are left to real intake and LoadHistory may run while the server takes dossiers.
// The shape is deterministic; lookup keys are random.
//
// Its progress is kept in the store (HistoryPending): a load interrupted by a stop or a
// crash is resumed by the next call, for the instant recorded by the first one, writing
// only the dossiers not yet stored; once the history is complete, further calls write
// nothing. It returns the number of dossiers written by this call, and whether it resumed
// an interrupted load.
func LoadHistory(ctx context.Context, st *store.Store, now time.Time) (n int, resumed bool, err error) {
	return loadHistoryPlan(ctx, st, now, fullHistory())
}

func loadHistoryPlan(ctx context.Context, st *store.Store, now time.Time, plan historyPlan) (int, bool, error) {
	start, resumed, done, err := historyStart(ctx, st, now)
	if err != nil || done {
		return 0, false, err
	}
	ready, err := generateHistory(ctx, st, start, plan)
	if err != nil {
		return 0, resumed, err
	}
	var errs []error
	total := 0
	for i, c := range ready {
		res := <-c
		ratings := historyRatings(plan.Units[i].Unit, res.dossiers, start)
		if res.err == nil && len(errs) == 0 && resumed {
			var skip int
			skip, res.err = storedPrefix(ctx, st, res.dossiers)
			res.dossiers = res.dossiers[skip:]
		}
		if res.err == nil && len(errs) == 0 {
			res.err = st.ImportDossiers(ctx, res.dossiers)
			total += len(res.dossiers)
		}
		if res.err == nil && len(errs) == 0 {
			res.err = st.ImportRatings(ctx, ratings)
		}
		if res.err != nil {
			errs = append(errs, res.err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return 0, resumed, fmt.Errorf("demo: history: %w", err)
	}
	if err := loadFeedbackHistory(ctx, st, start, plan); err != nil {
		return total, resumed, err
	}
	if err := st.PutSetting(ctx, historySetting, historyDone); err != nil {
		return total, resumed, fmt.Errorf("demo: history state: %w", err)
	}
	return total, resumed, nil
}

// generateHistory starts generating the history of each unit of the plan on its own
// goroutine with its own random source; each channel delivers one unit's dossiers, in
// the order of the plan, so that the first can be imported while the others are made.
func generateHistory(ctx context.Context, st *store.Store, now time.Time, plan historyPlan) ([]chan unitResult, error) {
	procs, err := historyProcedures(ctx, st)
	if err != nil {
		return nil, err
	}
	cutoff := calendar.DateOf(now).Start()
	from := cutoff.AddDate(0, 0, -plan.Days)
	ready := make([]chan unitResult, len(plan.Units))
	for i, u := range plan.Units {
		unit, err := st.Unit(ctx, u.Unit)
		if err != nil {
			return nil, fmt.Errorf("demo: history: %w", err)
		}
		cal, err := st.UnitCalendar(ctx, u.Unit)
		if err != nil {
			return nil, fmt.Errorf("demo: history: %w", err)
		}
		g := &unitHistory{
			vol: u, cal: cal, procs: procs, from: from, cutoff: cutoff,
			locality: strings.TrimPrefix(unit.Name, "UBND "),
			r:        newHistoryRand(i),
		}
		ready[i] = make(chan unitResult, 1)
		go func() {
			ds, err := g.generate(ctx)
			ready[i] <- unitResult{ds, err}
		}()
	}
	return ready, nil
}

// newHistoryRand returns the random source of the i-th unit of the plan.
func newHistoryRand(i int) *rand.Rand { return rand.New(rand.NewPCG(historySeed, uint64(i+1))) }

// unitResult is the generated history of one unit.
type unitResult struct {
	dossiers []store.ImportedDossier
	err      error
}

// procedurePick is a procedure that the history draws, with its weight.
type procedurePick struct {
	proc   catalog.Procedure
	weight float64
}

// fieldWeights makes civil status and certification the daily work of a commune desk.
var fieldWeights = map[string]float64{
	"ho-tich": 10, "chung-thuc": 10, "cu-tru": 4, "bao-tro-xa-hoi": 3, "ho-kinh-doanh": 2, "nguoi-co-cong": 2,
}

// historyPicks holds the procedures drawn for each channel.
type historyPicks struct {
	online, counter []procedurePick
}

// historyProcedures reads the demo's commune-level procedures from the store, with the
// process version a dossier pins.
func historyProcedures(ctx context.Context, st *store.Store) (historyPicks, error) {
	c, err := Catalog()
	if err != nil {
		return historyPicks{}, fmt.Errorf("demo: history: %w", err)
	}
	var out historyPicks
	for _, p := range c.Procedures {
		if !slices.Contains(p.Levels, catalog.LevelCommune) {
			continue
		}
		proc, err := st.Procedure(ctx, p.Code)
		if err != nil {
			return historyPicks{}, fmt.Errorf("demo: history: procedure %s: %w", p.Code, err)
		}
		if proc.DeadlineMode == catalog.DeadlineCalendar && (proc.DeadlineDays != math.Trunc(proc.DeadlineDays) ||
			proc.EffectiveOnlineDeadline() != math.Trunc(proc.EffectiveOnlineDeadline())) {
			continue // the legal clock counts calendar days in whole days only
		}
		w := fieldWeights[proc.FieldCode]
		if w == 0 {
			w = 0.5
		}
		out.counter = append(out.counter, procedurePick{proc, w})
		if proc.Online != catalog.OnlineNone {
			out.online = append(out.online, procedurePick{proc, w})
		}
	}
	if len(out.online) == 0 || len(out.counter) == 0 {
		return historyPicks{}, errors.New("demo: history: the catalogue has no commune procedure")
	}
	return out, nil
}

// runningWeights returns the running sums of the procedures' weights, for pick.
func runningWeights(ps []procedurePick) []float64 {
	out := make([]float64, len(ps))
	var total float64
	for i, p := range ps {
		total += p.weight
		out[i] = total
	}
	return out
}

// pick draws a procedure by weight, upto being runningWeights(ps): the first whose running
// sum exceeds a uniform draw below the total, found by halving (a commune has about two
// hundred procedures, and a million dossiers draw a million times).
func pick(r *rand.Rand, ps []procedurePick, upto []float64) catalog.Procedure {
	x := r.Float64() * upto[len(upto)-1]
	i := sort.Search(len(upto), func(i int) bool { return upto[i] > x })
	return ps[min(i, len(ps)-1)].proc
}

// poisson draws a Poisson-distributed count with mean lambda (Knuth's method; lambda is
// a few dossiers a day).
func poisson(r *rand.Rand, lambda float64) int {
	l, k, p := math.Exp(-lambda), 0, 1.0
	for {
		p *= r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}
