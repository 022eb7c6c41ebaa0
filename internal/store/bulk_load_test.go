package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// TestBulkLoad writes through a bulk load session announced as large (so that the
// secondary indexes, and PostgreSQL's foreign keys, are dropped), once interrupted and once finished: the dossiers read
// back, the daily sequence continues for live intake, and every index is there again.
func TestBulkLoad(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dossierUnits(t, s)
		ctx := context.Background()
		before, err := s.IndexNames(ctx)
		if err != nil {
			t.Fatal(err)
		}
		keys, err := s.ForeignKeys(ctx)
		if err != nil {
			t.Fatal(err)
		}
		day := time.Date(2026, 3, 2, 8, 0, 0, 0, calendar.Zone())
		batches := [][]store.ImportedDossier{
			{imported(t, s, "H26.01", day, 1), imported(t, s, "H26.02", day, 1)},
			{imported(t, s, "H26.01", day.Add(time.Minute), 2), imported(t, s, "H26.01", day.Add(2*time.Minute), 3)},
		}
		// A session stopped without Finish, then a complete one.
		bl, err := s.BeginBulkLoad(ctx, store.BulkLoadOptions{Dossiers: 1_000_000})
		if err != nil {
			t.Fatal(err)
		}
		if err := bl.Write(ctx, batches[0]); err != nil {
			t.Fatal(err)
		}
		bl.Abandon()
		mid, err := s.IndexNames(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(mid) >= len(before) {
			t.Fatalf("got indexes %v during a large load, want the secondary ones dropped", mid)
		}
		if bl, err = s.BeginBulkLoad(ctx, store.BulkLoadOptions{Dossiers: 1_000_000}); err != nil {
			t.Fatal(err)
		}
		if err := bl.Write(ctx, batches[1]); err != nil {
			t.Fatal(err)
		}
		if err := bl.Finish(ctx); err != nil {
			t.Fatal(err)
		}
		after, err := s.IndexNames(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(before, after) {
			t.Fatalf("got indexes %v after the load, want %v", after, before)
		}
		if got, err := s.ForeignKeys(ctx); err != nil || !slices.Equal(got, keys) || len(keys) == 0 {
			t.Fatalf("got foreign keys %v (%v) after the load, want %v", got, err, keys)
		}
		for _, b := range batches {
			for _, want := range b {
				got, err := s.Dossier(ctx, want.Record.Code)
				if err != nil {
					t.Fatal(err)
				}
				if got.State.Status != want.State.Status || len(got.Dossier.Events) != len(want.Dossier.Events) {
					t.Errorf("%s: got %s with %d events, want %s with %d", want.Record.Code, got.State.Status,
						len(got.Dossier.Events), want.State.Status, len(want.Dossier.Events))
				}
			}
		}
		got, err := s.CreateDossier(ctx, newDossier("H26.01", day.Add(3*time.Hour)), store.Write{})
		if err != nil {
			t.Fatal(err)
		}
		if want := "H26.01-260302-0004"; got.Record.Code != want {
			t.Errorf("live intake: got code %s, want %s", got.Record.Code, want)
		}
	})
}
