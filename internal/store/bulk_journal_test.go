package store_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"syscall"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// TestBulkLoadValid loads dossiers of two units through a large session: afterwards the
// database passes its integrity check, SQLite is back in WAL mode, every index is there
// and the daily counts written with the batches equal those rebuilt from the dossiers.
func TestBulkLoadValid(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dossierUnits(t, s)
		ctx := context.Background()
		before, err := s.IndexNames(ctx)
		if err != nil {
			t.Fatal(err)
		}
		bl, err := s.BeginBulkLoad(ctx, store.BulkLoadOptions{Dossiers: 1_000_000})
		if err != nil {
			t.Fatal(err)
		}
		day := time.Date(2026, 3, 2, 8, 0, 0, 0, calendar.Zone())
		for b := range 3 {
			var ds []store.ImportedDossier
			for i := range 40 {
				at := day.AddDate(0, 0, b).Add(time.Duration(i) * time.Minute)
				ds = append(ds, imported(t, s, []string{"H26.01", "H26.02"}[i%2], at, i/2+1))
			}
			if err := bl.Write(ctx, ds); err != nil {
				t.Fatal(err)
			}
		}
		if err := bl.Finish(ctx); err != nil {
			t.Fatal(err)
		}
		if err := s.CheckIntegrity(ctx); err != nil {
			t.Fatal(err)
		}
		if s.Dialect() == store.SQLite {
			if mode, err := s.JournalMode(ctx); err != nil || mode != "wal" {
				t.Fatalf("journal mode %q (%v) after the load, want wal", mode, err)
			}
		}
		if after, err := s.IndexNames(ctx); err != nil || !slices.Equal(before, after) {
			t.Fatalf("got indexes %v (%v) after the load, want %v", after, err, before)
		}
		loaded := map[string]string{}
		for _, u := range []string{"H26.01", "H26.02"} {
			c, err := s.DossierCounts(ctx, u)
			if err != nil || len(c) == 0 {
				t.Fatalf("%s: daily counts %v (%v)", u, c, err)
			}
			loaded[u] = fmt.Sprint(c)
		}
		if n, err := s.UnitCountsDiffer(ctx); err != nil || n != 0 {
			t.Fatalf("%d rows of the counts by unit differ from the counts summed over the procedures (%v)", n, err)
		}
		if err := s.RebuildDossierCounts(ctx); err != nil {
			t.Fatal(err)
		}
		for _, u := range []string{"H26.01", "H26.02"} {
			c, err := s.DossierCounts(ctx, u)
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprint(c); got != loaded[u] {
				t.Errorf("%s: daily counts of the load %s, rebuilt %s", u, loaded[u], got)
			}
		}
	})
}

// crashDBEnv names, for the child process of TestBulkLoadCrash, the database to load.
const crashDBEnv = "MOTCUA_TEST_BULK_CRASH_DB"

// TestBulkLoadCrash kills a process in the middle of an SQLite bulk load, after one batch
// is committed and while the next one's pages are being written under the rollback
// journal. The database opened afterwards passes its integrity check, holds the committed
// batch and nothing of the other, is in WAL mode again, and the next session puts the
// dropped indexes back.
func TestBulkLoadCrash(t *testing.T) {
	if path := os.Getenv(crashDBEnv); path != "" {
		crashChild(t, path)
		return
	}
	t.Parallel()
	ctx := context.Background()
	path := storetest.URL(t, store.SQLite)
	s, err := store.Open(ctx, store.Config{URL: path})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	dossierUnits(t, s)
	before, err := s.IndexNames(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestBulkLoadCrash$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashDBEnv+"="+path)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("the loading process ended with %v, want killed: %s", err, out)
	}
	if _, err := os.Stat(path + "-journal"); err != nil {
		t.Fatalf("no hot journal after the crash (%v): the load did not run under the rollback journal: %s", err, out)
	}

	if s, err = store.Open(ctx, store.Config{URL: path}); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.CheckIntegrity(ctx); err != nil {
		t.Fatal(err)
	}
	if mode, err := s.JournalMode(ctx); err != nil || mode != "wal" {
		t.Fatalf("journal mode %q (%v) after the crash, want wal", mode, err)
	}
	day := crashDay()
	for i := 1; i <= 120; i++ {
		_, err := s.Dossier(ctx, fmt.Sprintf("H26.01-%s-%04d", day.Format("060102"), i))
		switch {
		case i <= 20 && err != nil:
			t.Fatalf("dossier %d of the committed batch: %v", i, err)
		case i > 20 && err == nil:
			t.Fatalf("dossier %d of the batch the crash interrupted is stored", i)
		}
	}
	bl, err := s.BeginBulkLoad(ctx, store.BulkLoadOptions{Dossiers: 10})
	if err != nil {
		t.Fatal(err)
	}
	if err := bl.Finish(ctx); err != nil {
		t.Fatal(err)
	}
	if after, err := s.IndexNames(ctx); err != nil || !slices.Equal(before, after) {
		t.Fatalf("got indexes %v (%v) after the repair, want %v", after, err, before)
	}
	if err := s.CheckIntegrity(ctx); err != nil {
		t.Fatal(err)
	}
}

// crashDay is the day of the dossiers TestBulkLoadCrash loads.
func crashDay() time.Time { return time.Date(2026, 3, 2, 8, 0, 0, 0, calendar.Zone()) }

// crashChild is the loading process of TestBulkLoadCrash: it commits 20 dossiers, then
// dies while writing 100 more.
func crashChild(t *testing.T, path string) {
	ctx := context.Background()
	s, err := store.Open(ctx, store.Config{URL: path})
	if err != nil {
		t.Fatal(err)
	}
	var ds []store.ImportedDossier
	for i := range 120 {
		ds = append(ds, imported(t, s, "H26.01", crashDay().Add(time.Duration(i)*time.Minute), i+1))
	}
	// No reads during the session: a new read connection would put the database back
	// in WAL mode (openSQLite).
	bl, err := s.BeginBulkLoad(ctx, store.BulkLoadOptions{Dossiers: 1_000_000})
	if err != nil {
		t.Fatal(err)
	}
	if err := bl.Write(ctx, ds[:20]); err != nil {
		t.Fatal(err)
	}
	if err := bl.CrashInBatch(ctx, ds[20:]); err != nil {
		t.Fatal(err)
	}
}
