package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/fault"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// TestGroupCommitSurvivesPanic runs write units through the group committer, one of which
// writes and then panics: its caller gets an internal error and its write is rolled back,
// the others commit, and the committer still serves afterwards.
func TestGroupCommitSurvivesPanic(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		put := func(key string) func(tx *sql.Tx) error {
			return func(tx *sql.Tx) error {
				_, err := tx.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES ('"+key+"', 'x')")
				return err
			}
		}
		const n = 8
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				key := fmt.Sprintf("unit.%d", i)
				fn := put(key)
				if i == 3 {
					fn = func(tx *sql.Tx) error {
						if err := put(key)(tx); err != nil {
							return err
						}
						panic("write unit broke")
					}
				}
				errs[i] = s.InBatchTx(ctx, fn)
			})
		}
		wg.Wait()
		for i, err := range errs {
			want := fault.Code("")
			if i == 3 {
				want = fault.Internal
			}
			if got := fault.CodeOf(err); got != want {
				t.Errorf("unit %d: got %q (%v), want %q", i, got, err, want)
			}
			v, err := s.Setting(ctx, fmt.Sprintf("unit.%d", i), "absent")
			if err != nil {
				t.Fatal(err)
			}
			if wantV := map[bool]string{true: "absent", false: "x"}[i == 3]; v != wantV {
				t.Errorf("unit %d: got setting %q, want %q", i, v, wantV)
			}
		}
		if err := s.InBatchTx(ctx, put("after")); err != nil {
			t.Errorf("after the panic: got %v, want the committer still serving", err)
		}
	})
}

// TestDossierReadsBounded breaks a dossier's version on purpose (its cached event count
// no longer matches its events) and checks that reading it gives up with a conflict
// instead of trying for ever.
func TestDossierReadsBounded(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dossierUnits(t, s)
		ctx := context.Background()
		d, err := s.CreateDossier(ctx, newDossier("H26.01", time.Date(2026, 3, 4, 9, 0, 0, 0, calendar.Zone())), store.Write{})
		if err != nil {
			t.Fatal(err)
		}
		q := "UPDATE dossiers SET version = version + 1 WHERE code = ?"
		if s.Dialect() == store.Postgres {
			q = "UPDATE dossiers SET version = version + 1 WHERE code = $1"
		}
		if _, err := s.WriteDB().ExecContext(ctx, q, d.Record.Code); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		if _, err := s.Dossier(ctx, d.Record.Code); fault.CodeOf(err) != fault.Conflict {
			t.Errorf("got %v, want conflict", err)
		}
		if ctx.Err() != nil {
			t.Error("Dossier ran until the 10 s deadline, want it to give up sooner")
		}
	})
}
