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

// randomHistory walks a dossier through random actions that the rules allow, at random
// instants from start, and returns its summary.
func randomHistory(t *testing.T, r *rand.Rand, cal *calendar.Calendar, code, unit string, start time.Time) Dossier {
	t.Helper()
	fields := []string{"HT", "CT", "DD", "XD"}
	d := dossier.Dossier{
		Code: code, ProcedureCode: "P", UnitCode: unit, Channel: dossier.Channels()[r.IntN(3)],
		Deadline: calendar.Deadline{Days: float64(1 + r.IntN(10))}, SupplementRule: dossier.SupplementPause,
		Process: dossier.Process{Version: 1, Steps: []dossier.Step{
			{Name: "Tiếp nhận", Role: dossier.RoleOneStop, Days: 0.5},
			{Name: "Thẩm định", Role: dossier.RoleSpecialist, Days: 1},
			{Name: "Phê duyệt", Role: dossier.RoleLeader, Days: 0.5},
		}},
	}
	if r.IntN(4) == 0 {
		d.SupplementRule = dossier.SupplementReset
	}
	roles := []dossier.Role{dossier.RoleOneStop, dossier.RoleSpecialist, dossier.RoleLeader, dossier.RoleApplicant}
	first := dossier.ActionReceive
	if d.Channel == dossier.ChannelOnline {
		first = dossier.ActionSubmit
	}
	now := start
	cmd := dossier.Command{Action: first, Actor: "u", Role: dossier.RoleOneStop, Unit: unit}
	if first == dossier.ActionSubmit {
		cmd.Role = dossier.RoleApplicant
	}
	d, st, err := dossier.Act(d, cmd, cal, now)
	if err != nil {
		t.Fatalf("%s: %v", code, err)
	}
	for n := r.IntN(12); n > 0 && !st.Status.Final(); n-- {
		now = now.Add(time.Duration(1+r.IntN(96)) * time.Hour)
		role := roles[r.IntN(len(roles))]
		acts := dossier.Available(d, st, role, unit)
		if len(acts) == 0 {
			continue
		}
		a := acts[r.IntN(len(acts))]
		if a == dossier.ActionTransfer || a == dossier.ActionAssign {
			continue
		}
		if (a == dossier.ActionWithdraw || a == dossier.ActionRefuse) && r.IntN(5) > 0 {
			continue // keep most histories going
		}
		c := dossier.Command{Action: a, Actor: "u", Role: role, Unit: unit, Reason: "Lý do."}
		if a == dossier.ActionExtend {
			c.NewDue = st.DueAt.Add(time.Duration(1+r.IntN(10)) * 24 * time.Hour)
		}
		next, nst, err := dossier.Act(d, c, cal, now)
		if err != nil {
			continue // e.g. an extension too close to the deadline
		}
		d, st = next, nst
	}
	sum := FromState(d, st, fields[r.IntN(len(fields))])
	return sum
}

// TestII06aProperties checks, over random histories and random periods, that every row
// keeps the invariants, that the units' reports add up to their parent's, that each
// dossier counts once, and that the original appointment is never later than the one in
// force.
func TestII06aProperties(t *testing.T) {
	cal := calendar.New(calendar.DefaultSchedule(), calendar.Seed())
	units := []string{"A", "B", "C"}
	fields := []catalog.Field{{Code: "HT", Name: "Hộ tịch"}, {Code: "CT", Name: "Chứng thực"}, {Code: "DD", Name: "Đất đai"}}
	origin := time.Date(2025, 1, 1, 7, 0, 0, 0, calendar.Zone())
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 766))
		var all []Dossier
		byUnit := map[string][]Dossier{}
		for i := range 150 {
			u := units[r.IntN(len(units))]
			start := origin.Add(time.Duration(r.IntN(500*24)) * time.Hour)
			d := randomHistory(t, r, cal, fmt.Sprintf("%d-%d", seed, i), u, start)
			if d.Extended && d.OriginalDueAt.After(d.DueAt) {
				t.Errorf("%s: original appointment %s after the one in force %s", d.Code, d.OriginalDueAt, d.DueAt)
			}
			all = append(all, d)
			byUnit[u] = append(byUnit[u], d)
		}
		for range 10 {
			from := calendar.DateOf(origin).AddDays(r.IntN(520))
			p, err := NewPeriod(from, from.AddDays(r.IntN(120)))
			if err != nil {
				t.Fatal(err)
			}
			parent := BuildII06a(p, fields, all)
			if err := parent.Check(); err != nil {
				t.Fatalf("seed %d, %s: %v", seed, p.Name, err)
			}
			var sum Counts
			for _, u := range units {
				child := BuildII06a(p, fields, byUnit[u])
				if err := child.Check(); err != nil {
					t.Fatalf("seed %d, %s, unit %s: %v", seed, p.Name, u, err)
				}
				sum.Plus(child.Total)
			}
			if sum != parent.Total {
				t.Errorf("seed %d, %s: children sum to %+v, parent %+v", seed, p.Name, sum, parent.Total)
			}
			counted := 0
			for _, d := range all {
				c := ClassifyII06a(d, p)
				in := !d.ReceivedAt.IsZero() && !calendar.DateOf(d.ReceivedAt).After(p.To) &&
					(d.FinishedAt.IsZero() || !calendar.DateOf(d.FinishedAt).Before(p.From))
				if c.Counts() != in {
					t.Errorf("%s in %s: counts %v, want %v", d.Code, p.Name, c.Counts(), in)
				}
				if in {
					counted++
					n := 0
					for _, cell := range Cells() {
						if c.Has(cell) {
							n++
						}
					}
					if n != 4 && !(c.Out == Withdrawn && n == 3) {
						t.Errorf("%s in %s: in %d cells (%+v)", d.Code, p.Name, n, c)
					}
				}
			}
			if counted != parent.Total.Received.Total {
				t.Errorf("seed %d, %s: %d dossiers count, total received %d", seed, p.Name, counted, parent.Total.Received.Total)
			}
		}
	}
}
