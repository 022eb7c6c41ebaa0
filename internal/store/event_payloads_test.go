package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// TestEventPayloads checks that the events' payloads leave out what their columns hold
// (compact) except when a field holds a control character, through every writer, and
// that the officers' reader and the public lookup read the same events back whether a
// payload is compact, whole, or whole as every payload was before.
func TestEventPayloads(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dossierUnits(t, s)
		ctx := context.Background()
		day := time.Date(2026, 3, 2, 8, 0, 0, 0, calendar.Zone())

		// The import API: an officer whose name holds a tab and a newline, and a plain one.
		odd := imported(t, s, "H26.01", day, 1)
		odd.Dossier.Events[1].Actor = "H26.01\tmotcua\nca chiều"
		plain := imported(t, s, "H26.01", day, 2)
		if err := s.ImportDossiers(ctx, []store.ImportedDossier{odd, plain}); err != nil {
			t.Fatal(err)
		}
		// The bulk load, with a newline in another event.
		bulk := imported(t, s, "H26.02", day, 1)
		bulk.Dossier.Events[2].Actor = "H26.02\nchuyenvien"
		bulk.Dossier.Events[2].Note = "Hồ sơ đủ điều kiện."
		bl, err := s.BeginBulkLoad(ctx, store.BulkLoadOptions{Dossiers: 1})
		if err != nil {
			t.Fatal(err)
		}
		if err := bl.Write(ctx, []store.ImportedDossier{bulk}); err != nil {
			t.Fatal(err)
		}
		if err := bl.Finish(ctx); err != nil {
			t.Fatal(err)
		}
		// Reception (the group committer) and an action (one event).
		made, err := s.CreateDossier(ctx, newDossier("H26.01", day.Add(time.Hour)), store.Write{})
		if err != nil {
			t.Fatal(err)
		}
		cmd := dossier.Command{Action: dossier.ActionForward, Actor: "H26.01.motcua", Role: dossier.RoleOneStop, Unit: "H26.01",
			Note: "Chuyển thẩm định."}
		acted, err := s.ActOnDossier(ctx, made.Record.Code, cmd, day.Add(2*time.Hour), store.Write{})
		if err != nil {
			t.Fatal(err)
		}

		cases := []struct {
			name  string
			code  string
			key   string
			want  []dossier.Event
			whole int // events stored whole
		}{
			{"imported, a control character", odd.Record.Code, odd.Record.LookupKey, odd.Dossier.Events, 1},
			{"imported", plain.Record.Code, plain.Record.LookupKey, plain.Dossier.Events, 0},
			{"bulk load", bulk.Record.Code, bulk.Record.LookupKey, bulk.Dossier.Events, 1},
			{"received and acted on", made.Record.Code, made.Record.LookupKey, acted.Dossier.Events, 0},
		}
		check := func(t *testing.T, code, key string, want []dossier.Event) {
			t.Helper()
			got, err := s.Dossier(ctx, code)
			if err != nil {
				t.Fatal(err)
			}
			if !sameEvents(got.Dossier.Events, want) {
				t.Errorf("officers' reader: got %+v, want %+v", got.Dossier.Events, want)
			}
			p, err := s.Lookup(ctx, code, key)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Timeline) != len(want) {
				t.Fatalf("lookup: %d events, want %d", len(p.Timeline), len(want))
			}
			for i, e := range p.Timeline {
				if e.Action != want[i].Action || !e.At.Equal(want[i].At) || e.Label == "" {
					t.Errorf("lookup event %d: got %+v, want %s at %v", i, e, want[i].Action, want[i].At)
				}
			}
			if p.Status != got.State.Status || !p.DueAt.Equal(got.State.DueAt) {
				t.Errorf("lookup: got %s due %v, want %s due %v", p.Status, p.DueAt, got.State.Status, got.State.DueAt)
			}
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				if n, err := s.WholePayloads(ctx, c.code); err != nil || n != c.whole {
					t.Errorf("got %d whole payloads (%v), want %d of %d", n, err, c.whole, len(c.want))
				}
				check(t, c.code, c.key, c.want)
			})
		}
		t.Run("stored before compact payloads", func(t *testing.T) {
			for _, c := range cases {
				if err := s.WholeEvents(ctx, c.code, c.want); err != nil {
					t.Fatal(err)
				}
				if n, err := s.WholePayloads(ctx, c.code); err != nil || n != len(c.want) {
					t.Fatalf("got %d whole payloads (%v), want %d", n, err, len(c.want))
				}
				check(t, c.code, c.key, c.want)
			}
		})
	})
}

// sameEvents compares events as stored and read back: instants by the moment they name.
func sameEvents(got, want []dossier.Event) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		g, w := got[i], want[i]
		if !g.At.Equal(w.At) || !g.NewDue.Equal(w.NewDue) {
			return false
		}
		g.At, g.NewDue = w.At, w.NewDue
		if !reflect.DeepEqual(g, w) {
			return false
		}
	}
	return true
}
