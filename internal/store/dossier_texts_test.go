package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// TestDossierTexts checks that dossiers share their process and documents (migration 026):
// stored once, read back whole, never referring to a text of a transaction that rolled
// back, and rows from before the migration still read.
func TestDossierTexts(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dossierUnits(t, s)
		ctx := context.Background()
		day := time.Date(2026, 3, 2, 8, 0, 0, 0, calendar.Zone())
		n := newDossier("H26.01", day)
		var codes, keys []string
		for i := range 3 {
			d, err := s.CreateDossier(ctx, newDossier("H26.01", day.Add(time.Duration(i)*time.Minute)), store.Write{})
			if err != nil {
				t.Fatal(err)
			}
			codes, keys = append(codes, d.Record.Code), append(keys, d.Record.LookupKey)
		}
		if texts, own, err := s.SharedTexts(ctx); err != nil || texts != 2 || own != 0 {
			t.Fatalf("got %d shared texts and %d rows with their own (%v), want 2 and 0", texts, own, err)
		}
		readBack := func(t *testing.T, code string, want store.DossierRecord) {
			t.Helper()
			got, err := s.Dossier(ctx, code)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Dossier.Process, n.Process) || !reflect.DeepEqual(got.Record.Documents, want.Documents) {
				t.Errorf("%s: got process %+v and documents %+v, want %+v and %+v", code, got.Dossier.Process,
					got.Record.Documents, n.Process, want.Documents)
			}
		}
		for _, code := range codes {
			readBack(t, code, store.DossierRecord{Documents: n.Documents})
		}

		t.Run("a rolled back batch leaves no reference behind", func(t *testing.T) {
			fresh := imported(t, s, "H26.02", day, 1)
			fresh.Record.Documents = []store.DossierDocument{{Name: "Giấy chứng sinh", Originals: 1, Copies: 2}}
			taken := imported(t, s, "H26.01", day, 1) // the code of the first dossier above
			bl, err := s.BeginBulkLoad(ctx, store.BulkLoadOptions{Dossiers: 2})
			if err != nil {
				t.Fatal(err)
			}
			defer bl.Abandon()
			if err := bl.Write(ctx, []store.ImportedDossier{fresh, taken}); fault.CodeOf(err) != fault.Conflict {
				t.Fatalf("got %v, want a conflict for the code already taken", err)
			}
			if err := bl.Write(ctx, []store.ImportedDossier{fresh}); err != nil {
				t.Fatal(err)
			}
			if err := bl.Finish(ctx); err != nil {
				t.Fatal(err)
			}
			readBack(t, fresh.Record.Code, fresh.Record)
			if texts, own, err := s.SharedTexts(ctx); err != nil || texts != 3 || own != 0 {
				t.Errorf("got %d shared texts and %d rows with their own (%v), want 3 and 0", texts, own, err)
			}
		})

		t.Run("a row from before the shared texts", func(t *testing.T) {
			if err := s.UnshareTexts(ctx, codes[1]); err != nil {
				t.Fatal(err)
			}
			if _, own, err := s.SharedTexts(ctx); err != nil || own != 1 {
				t.Fatalf("got %d rows with their own texts (%v), want 1", own, err)
			}
			readBack(t, codes[1], store.DossierRecord{Documents: n.Documents})
			// The lookup decodes the process to project the state: it fails without it.
			for i, code := range codes {
				if p, err := s.Lookup(ctx, code, keys[i]); err != nil || p.Status != dossier.StatusReceived {
					t.Errorf("lookup of %s: got %q (%v), want received", code, p.Status, err)
				}
			}
		})
	})
}
