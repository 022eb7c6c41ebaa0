package store_test

import (
	"context"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// imported returns a finished counter dossier with the code's sequence number, received
// at at and returned the next day.
func imported(t *testing.T, s *store.Store, unit string, at time.Time, seq int) store.ImportedDossier {
	t.Helper()
	cal, err := s.UnitCalendar(context.Background(), unit)
	if err != nil {
		t.Fatal(err)
	}
	n := newDossier(unit, at)
	d := dossier.Dossier{Code: dossier.FormatCode(unit, at, seq), ProcedureCode: n.ProcedureCode, UnitCode: unit,
		Channel: n.Channel, Deadline: n.Deadline, SupplementRule: n.SupplementRule, Process: n.Process}
	var st dossier.State
	officer := func(a dossier.Action, role dossier.Role) dossier.Command {
		return dossier.Command{Action: a, Actor: unit + "." + string(role), Role: role, Unit: unit}
	}
	steps := []dossier.Command{officer(dossier.ActionReceive, dossier.RoleOneStop)}
	for _, s := range n.Process.Steps {
		steps = append(steps, officer(dossier.ActionForward, s.Role))
	}
	steps = append(steps, officer(dossier.ActionReturnResult, dossier.RoleOneStop))
	for i, c := range steps {
		if d, st, err = dossier.Act(d, c, cal, at.Add(time.Duration(i)*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	rec := store.DossierRecord{Code: d.Code, UnitCode: unit, ProcedureCode: n.ProcedureCode, ProcedureName: n.ProcedureName,
		Channel: n.Channel, Applicant: n.Applicant, Form: n.Form, Documents: n.Documents, Sets: 1,
		LookupKey: "ABCDEFGH", CreatedBy: d.Events[0].Actor, CreatedAt: d.Events[0].At}
	return store.ImportedDossier{Record: rec, Dossier: d, State: st}
}

func TestImportDossiers(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dossierUnits(t, s)
		ctx := context.Background()
		day := time.Date(2026, 3, 2, 8, 0, 0, 0, calendar.Zone())
		batch := []store.ImportedDossier{
			imported(t, s, "H26.01", day, 1),
			imported(t, s, "H26.01", day.Add(time.Minute), 2),
			imported(t, s, "H26.02", day, 1),
		}
		if err := s.ImportDossiers(ctx, batch); err != nil {
			t.Fatal(err)
		}
		t.Run("read back", func(t *testing.T) {
			for _, want := range batch {
				got, err := s.Dossier(ctx, want.Record.Code)
				if err != nil {
					t.Fatal(err)
				}
				if got.State.Status != dossier.StatusReturned || len(got.Dossier.Events) != len(want.Dossier.Events) ||
					!got.State.DueAt.Equal(want.State.DueAt) || got.Record.LookupKey != want.Record.LookupKey {
					t.Errorf("%s: got %s with %d events due %v, want returned with %d events due %v", want.Record.Code,
						got.State.Status, len(got.Dossier.Events), got.State.DueAt, len(want.Dossier.Events), want.State.DueAt)
				}
			}
		})
		t.Run("sequence continues", func(t *testing.T) {
			got, err := s.CreateDossier(ctx, newDossier("H26.01", day.Add(2*time.Hour)), store.Write{})
			if err != nil {
				t.Fatal(err)
			}
			if want := "H26.01-260302-0003"; got.Record.Code != want {
				t.Errorf("got code %s, want %s", got.Record.Code, want)
			}
		})
		t.Run("duplicate code", func(t *testing.T) {
			err := s.ImportDossiers(ctx, []store.ImportedDossier{imported(t, s, "H26.02", day, 1)})
			if got := fault.CodeOf(err); got != fault.Conflict {
				t.Errorf("got %v, want a conflict", err)
			}
		})
		t.Run("state not projected", func(t *testing.T) {
			d := imported(t, s, "H26.02", day.AddDate(0, 0, 1), 1)
			d.State = dossier.State{}
			if err := s.ImportDossiers(ctx, []store.ImportedDossier{d}); err == nil {
				t.Error("got no error, want one for a state that is not the projection of the events")
			}
		})
	})
}
