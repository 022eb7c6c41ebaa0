package app_test

import (
	"testing"

	"motcua/internal/app"
	"motcua/internal/catalog"
	"motcua/internal/dossier"
)

func TestPlanFor(t *testing.T) {
	t.Parallel()
	p := catalog.Procedure{
		Code: "2.000950", Name: "Thủ tục thử", DeadlineDays: 15, OnlineDeadlineDays: 12,
		DeadlineMode: catalog.DeadlineCalendar, SupplementRule: "reset", FeeVND: 50000,
		Process: catalog.Process{Version: 3, Steps: []catalog.Step{
			{Name: "Tiếp nhận", Role: catalog.RoleDesk, Days: 0.5},
			{Name: "Thẩm định", Role: catalog.RoleSpecialist, Days: 10},
		}},
	}
	cases := []struct {
		name    string
		channel dossier.Channel
		days    float64
	}{
		{"counter", dossier.ChannelCounter, 15},
		{"postal", dossier.ChannelPostal, 15},
		{"online takes the online deadline", dossier.ChannelOnline, 12},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := app.PlanFor(p, c.channel)
			if got.Deadline.Days != c.days || !got.Deadline.CalendarDays {
				t.Errorf("got deadline %+v, want %v calendar days", got.Deadline, c.days)
			}
			if got.Process.Version != 3 || len(got.Process.Steps) != 2 || got.Process.Steps[1].Role != dossier.RoleSpecialist ||
				got.Process.Steps[0].Days != 0.5 {
				t.Errorf("got process %+v, want version 3 with the two steps pinned", got.Process)
			}
			if got.SupplementRule != "reset" || got.FeeVND != 50000 {
				t.Errorf("got rule %q fee %d, want reset 50000", got.SupplementRule, got.FeeVND)
			}
			n := app.NewDossierFor(p, "H40.12.05", c.channel)
			if n.Deadline != got.Deadline || n.UnitCode != "H40.12.05" || n.Channel != c.channel || n.ProcedureName != p.Name {
				t.Errorf("NewDossierFor: got %+v, want the plan at the unit", n)
			}
		})
	}
	// The plan is a copy: changing it leaves the catalogue's process alone.
	got := app.PlanFor(p, dossier.ChannelCounter)
	got.Process.Steps[0].Name = "khác"
	if p.Process.Steps[0].Name != "Tiếp nhận" {
		t.Error("the plan shares the catalogue's steps")
	}
}
