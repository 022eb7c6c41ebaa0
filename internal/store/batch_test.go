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

// TestGroupIntakeGapless writes a group of new dossiers for two units over two days in
// shared statements, one of which the database refuses: that one alone fails, every
// other is written with its event and audit line, and the codes of each unit and day run
// from 0001 without a gap, continuing those taken before.
func TestGroupIntakeGapless(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dossierUnits(t, s)
		ctx := context.Background()
		day1 := time.Date(2026, 3, 4, 9, 0, 0, 0, calendar.Zone())
		day2 := day1.AddDate(0, 0, 1)
		if _, err := s.CreateDossier(ctx, newDossier("H26.01", day1), store.Write{}); err != nil {
			t.Fatal(err)
		}
		w := store.Write{Audit: store.AuditEntry{Actor: "H26.01.motcua", Action: "dossier.receive"}}
		want := map[string]int{"H26.01-260304": 1} // the dossier created before
		seen := map[string]bool{"H26.01-260304-0001": true}
		written := 0
		// The first group is written in shared statements; in the second the database
		// refuses one dossier, and each is written alone.
		for g, bad := range []int{-1, 5} {
			var ns []store.NewDossier
			for i := range 12 {
				unit, at := "H26.01", day1
				if i%3 == 1 {
					unit = "H26.02"
				}
				if i%4 == 3 {
					at = day2
				}
				ns = append(ns, newDossier(unit, at.Add(time.Duration(g*12+i)*time.Minute)))
			}
			if bad >= 0 { // a NUL byte in the address: refused when written, not when checked
				ns[bad].Applicant.Address = "12 Lê\x00Lợi"
			}
			got, errs := s.CreateDossiersAsOneGroup(ctx, ns, w)
			for i, err := range errs {
				if i == bad {
					if fault.CodeOf(err) != fault.Invalid {
						t.Errorf("group %d, dossier %d: got %v, want invalid", g, i, err)
					}
					continue
				}
				if err != nil {
					t.Fatalf("group %d, dossier %d: %v", g, i, err)
				}
				d := got[i]
				if d.Record.ID == 0 || d.State.Version != 1 || d.Record.UnitCode != ns[i].UnitCode {
					t.Errorf("dossier %d: got %+v, want it stored at %s with one event", i, d.Record, ns[i].UnitCode)
				}
				read, err := s.Dossier(ctx, d.Record.Code)
				if err != nil || len(read.Dossier.Events) != 1 || read.Record.ID != d.Record.ID {
					t.Errorf("dossier %s: got %v, %d events, want it readable with one", d.Record.Code, err, len(read.Dossier.Events))
				}
				want[d.Record.Code[:len(d.Record.Code)-5]]++
				seen[d.Record.Code] = true
				written++
			}
		}
		for prefix, n := range want {
			for k := 1; k <= n; k++ {
				if code := fmt.Sprintf("%s-%04d", prefix, k); !seen[code] {
					t.Errorf("got no dossier %s, want %s-0001…%04d without gaps", code, prefix, n)
				}
			}
		}
		q := "SELECT COUNT(*) FROM audit_log WHERE action = 'dossier.receive'"
		var audits int
		if err := s.WriteDB().QueryRowContext(ctx, q).Scan(&audits); err != nil {
			t.Fatal(err)
		}
		if audits != written {
			t.Errorf("got %d audit lines, want %d", audits, written)
		}
	})
}
