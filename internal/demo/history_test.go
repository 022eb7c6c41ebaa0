package demo

import (
	"context"
	"slices"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/catalog"
	"motcua/internal/dossier"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// testHistory is the demo history cut down for tests: 380 days, so that the last twelve
// months are complete, with Tân Hòa at full volume and the other units at a third and
// with more late dossiers.
func testHistory() historyPlan {
	p := fullHistory()
	p.Days = 380
	for i := range p.Units {
		if u := &p.Units[i]; !u.Tidy {
			u.OnlinePerYear *= 0.3
			u.CounterPerYear *= 0.3
			u.Late *= 1.5 // more late dossiers to test with; an apology no longer hides one
		}
	}
	return p
}

// storedDossiers lists every dossier the unit holds with its stored projection.
func storedDossiers(t *testing.T, st *store.Store, unit string) []store.InboxItem {
	t.Helper()
	var out []store.InboxItem
	for {
		items, total, err := st.Inbox(context.Background(), store.InboxQuery{Unit: unit, Limit: 500, Offset: len(out)})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, items...)
		if len(items) == 0 || len(out) >= total {
			return out
		}
	}
}

// historyBase creates the demo units and catalogue, which the history needs (accounts
// are not needed).
func historyBase(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	for _, u := range Units() {
		if _, err := st.CreateUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	if err := loadCatalog(ctx, st); err != nil {
		t.Fatal(err)
	}
}

func TestHistory(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 10, 30, 0, 0, calendar.Zone())
	today := calendar.DateOf(now)
	// The history is generated once, with the catalogue and calendars of an SQLite store.
	gen := storetest.Open(t, store.SQLite, nil)
	historyBase(t, gen)
	ready, err := generateHistory(ctx, gen, now, testHistory())
	if err != nil {
		t.Fatal(err)
	}
	var history [][]store.ImportedDossier
	for _, c := range ready {
		res := <-c
		if res.err != nil {
			t.Fatal(res.err)
		}
		history = append(history, res.dossiers)
	}
	// The statistics of the whole generated history, by dossier timeliness.
	for i, u := range testHistory().Units {
		t.Run("shape "+u.Unit, func(t *testing.T) {
			counts := map[dossier.Timeliness]int{}
			onlineYear := 0
			seqs := map[calendar.Date][]int{}
			for _, d := range history[i] {
				counts[d.State.Timeliness(now)]++
				if d.Record.Channel == dossier.ChannelOnline && d.State.Status.Finished() &&
					d.State.FinishedAt.After(now.AddDate(-1, 0, 0)) {
					onlineYear++
				}
				day := codeDay(t, d.Record.Code)
				if !day.Before(today) || !calendar.DateOf(d.Dossier.Events[0].At).Equal(day) {
					t.Errorf("code %s: got first event at %v, want it on the day of the code, before today",
						d.Record.Code, d.Dossier.Events[0].At)
				}
				seqs[day] = append(seqs[day], seqOf(t, d.Record.Code))
			}
			checkSequences(t, u.Unit, seqs)
			t.Logf("%d dossiers, %d online finished in the last 12 months, timeliness %v", len(history[i]), onlineYear, counts)
			if u.Tidy {
				if onlineYear < 1600 || onlineYear > 1800 {
					t.Errorf("got %d online dossiers finished in the last 12 months, want 1,600–1,800", onlineYear)
				}
				if counts[dossier.Late] != 0 || counts[dossier.Overdue] != 0 {
					t.Errorf("got %d late and %d overdue, want none", counts[dossier.Late], counts[dossier.Overdue])
				}
			} else if counts[dossier.Late] == 0 {
				t.Errorf("got no late dossier, want some")
			}
			if counts[dossier.Early]+counts[dossier.OnTime] < len(history[i])*8/10 {
				t.Errorf("got %v, want most dossiers finished early or on time", counts)
			}
		})
	}
	// The last weeks of it, written and read back on each database: the stored projection
	// equals dossier.Project of the stored events, and the codes have no gap.
	recent := today.AddDays(-40)
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		historyBase(t, st)
		for i, u := range testHistory().Units {
			var want []store.ImportedDossier
			for _, d := range history[i] {
				if !codeDay(t, d.Record.Code).Before(recent) {
					want = append(want, d)
				}
			}
			if err := st.ImportDossiers(ctx, want); err != nil {
				t.Fatal(err)
			}
			items := storedDossiers(t, st, u.Unit)
			if len(items) != len(want) {
				t.Fatalf("%s: got %d stored dossiers, want %d", u.Unit, len(items), len(want))
			}
			seqs := map[calendar.Date][]int{}
			for _, it := range items {
				d, err := st.Dossier(ctx, it.Code)
				if err != nil {
					t.Fatal(err)
				}
				checkProjection(t, it, d.State)
				seqs[codeDay(t, it.Code)] = append(seqs[codeDay(t, it.Code)], seqOf(t, it.Code))
			}
			checkSequences(t, u.Unit, seqs)
		}
	})
}

// checkSequences asserts that each day's sequence numbers are 1…n.
func checkSequences(t *testing.T, unit string, seqs map[calendar.Date][]int) {
	t.Helper()
	for day, s := range seqs {
		slices.Sort(s)
		for i, n := range s {
			if n != i+1 {
				t.Fatalf("%s on %s: got sequence numbers %v, want 1…%d without gaps or duplicates", unit, day, s, len(s))
			}
		}
	}
}

// seqOf returns the daily sequence number of a dossier code.
func seqOf(t *testing.T, code string) int {
	t.Helper()
	_, _, seq, err := dossier.ParseCode(code)
	if err != nil {
		t.Fatal(err)
	}
	return seq
}

// codeDay returns the receipt day of a dossier code.
func codeDay(t *testing.T, code string) calendar.Date {
	t.Helper()
	_, day, _, err := dossier.ParseCode(code)
	if err != nil {
		t.Fatal(err)
	}
	return day
}

// checkProjection compares the stored projection of a dossier with dossier.Project of
// its events.
func checkProjection(t *testing.T, it store.InboxItem, st dossier.State) {
	t.Helper()
	type view struct {
		Status                             dossier.Status
		Step                               int
		StepRole                           dossier.Role
		Holder, Assignee                   string
		Submitted, Received, Due, Finished string
	}
	f := func(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }
	got := view{it.Status, it.Step, it.StepRole, it.HolderUnit, it.Assignee,
		f(it.SubmittedAt), f(it.ReceivedAt), f(it.DueAt), f(it.FinishedAt)}
	want := view{st.Status, st.Step, st.StepRole, st.Unit, st.Assignee,
		f(st.SubmittedAt), f(st.ReceivedAt), f(st.DueAt), f(st.FinishedAt)}
	if got != want {
		t.Fatalf("%s: got stored %+v, want projected %+v", it.Code, got, want)
	}
}

func TestHistoryIsDeterministic(t *testing.T) {
	t.Parallel()
	c, err := Catalog()
	if err != nil {
		t.Fatal(err)
	}
	var procs historyPicks
	for _, p := range c.Procedures {
		procs.counter = append(procs.counter, procedurePick{p, 1})
	}
	procs.online = procs.counter[:10]
	cal := calendar.New(calendar.DefaultSchedule(), calendar.Seed())
	cutoff := time.Date(2026, 11, 27, 0, 0, 0, 0, calendar.Zone())
	history := func() []string {
		g := &unitHistory{vol: fullHistory().Units[1], cal: cal, procs: procs, from: cutoff.AddDate(0, 0, -60),
			cutoff: cutoff, locality: "xã Phước An", r: newHistoryRand(1)}
		ds, err := g.generate(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, d := range ds {
			out = append(out, d.Record.Code+" "+d.Record.ProcedureCode+" "+d.Record.Applicant.FullName+" "+
				string(d.State.Status)+" "+d.State.LastAt.String())
		}
		return out
	}
	a, b := history(), history()
	if !slices.Equal(a, b) || len(a) == 0 {
		t.Errorf("got two different histories (%d and %d dossiers), want the same", len(a), len(b))
	}
}

// TestPickByWeight: draws follow the weights, and a procedure of weight zero is never drawn.
func TestPickByWeight(t *testing.T) {
	t.Parallel()
	ps := []procedurePick{{catalog.Procedure{Code: "A"}, 1}, {catalog.Procedure{Code: "B"}, 0},
		{catalog.Procedure{Code: "C"}, 3}, {catalog.Procedure{Code: "D"}, 0.5}}
	upto := runningWeights(ps)
	r := newHistoryRand(7)
	const n = 90_000
	got := map[string]int{}
	for range n {
		got[pick(r, ps, upto).Code]++
	}
	if got["B"] != 0 {
		t.Errorf("drew the procedure of weight zero %d times", got["B"])
	}
	for _, p := range ps {
		want := n * p.weight / 4.5
		if d := float64(got[p.proc.Code]) - want; d > 0.05*want+1 || d < -0.05*want-1 {
			t.Errorf("%s: drawn %d times, want about %.0f", p.proc.Code, got[p.proc.Code], want)
		}
	}
}
