package dossier

import (
	"reflect"
	"testing"
)

// TestProjectBrief: after every event of a history with a supplement, an extension and
// a finish, ProjectBrief gives Project's state without the explanation.
func TestProjectBrief(t *testing.T) {
	cal := newCal(t)
	d := newDossier(ChannelCounter)
	steps := []struct {
		c    Command
		days float64
	}{
		{cmd(ActionReceive, RoleOneStop), 0},
		{cmd(ActionForward, RoleOneStop), 0.2},
		{cmd(ActionRequestSupplement, RoleSpecialist), 0.5},
		{cmd(ActionSupplementReceived, RoleOneStop), 1},
		{cmd(ActionForward, RoleSpecialist), 1},
	}
	at := ict(2026, 11, 2, 8, 0)
	for _, s := range steps {
		at = dueOnly(t, cal, at, s.days+0.01)
		act(t, cal, &d, at, s.c)
		want := project(t, cal, d)
		got, err := ProjectBrief(d, cal)
		if err != nil {
			t.Fatal(err)
		}
		if len(want.Explain) == 0 || got.Explain != nil {
			t.Fatalf("%s: got explanation %v, want none (Project gives %d days)", s.c.Action, got.Explain, len(want.Explain))
		}
		want.Explain = nil
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: got %+v, want %+v", s.c.Action, got, want)
		}
	}
}
