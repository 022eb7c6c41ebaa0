package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// TestSQLiteSettings reads back, through whichever driver this build has, the settings the
// store's connections must run with: an acknowledged commit survives power loss
// (synchronous FULL in WAL mode, which one driver's build would otherwise lower to NORMAL),
// foreign keys are enforced, a busy writer is waited for, and readers are read-only with
// their small page cache and no mapping of the file.
func TestSQLiteSettings(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, err := Open(ctx, Config{URL: filepath.Join(t.TempDir(), "motcua.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	check := func(db *sql.DB, pool, pragma, want string) {
		t.Helper()
		var got string
		if err := db.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
			t.Fatalf("%s: PRAGMA %s: %v", pool, pragma, err)
		}
		if got != want {
			t.Errorf("%s (%s engine): PRAGMA %s = %s, want %s", pool, SQLiteEngine, pragma, got, want)
		}
	}
	for pool, db := range map[string]*sql.DB{"writer": s.write, "reader": s.read} {
		check(db, pool, "journal_mode", "wal")
		check(db, pool, "synchronous", "2") // FULL
		check(db, pool, "foreign_keys", "1")
		check(db, pool, "busy_timeout", "10000")
		check(db, pool, "temp_store", "2") // MEMORY
	}
	check(s.read, "reader", "query_only", "1")
	check(s.read, "reader", "cache_size", sqliteReaderCache)
	check(s.read, "reader", "mmap_size", sqliteMmapSize)
	check(s.write, "writer", "query_only", "0")
}
