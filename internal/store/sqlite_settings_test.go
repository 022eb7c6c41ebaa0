package store_test

import (
	"context"
	"database/sql"
	"testing"

	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// TestSQLiteSettings reads back, through whichever driver this build has, the settings the
// store's connections must run with: an acknowledged commit survives power loss
// (synchronous FULL in WAL mode, which one driver's build would otherwise lower to NORMAL),
// foreign keys are enforced, a busy writer is waited for, and readers are read-only with
// their small page cache and no mapping of the file.
func TestSQLiteSettings(t *testing.T) {
	t.Parallel()
	s := storetest.Open(t, store.SQLite, nil)
	check := func(db *sql.DB, pool, pragma, want string) {
		t.Helper()
		var got string
		if err := db.QueryRowContext(context.Background(), "PRAGMA "+pragma).Scan(&got); err != nil {
			t.Fatalf("%s: PRAGMA %s: %v", pool, pragma, err)
		}
		if got != want {
			t.Errorf("%s (%s engine): PRAGMA %s = %s, want %s", pool, store.SQLiteEngine, pragma, got, want)
		}
	}
	for pool, db := range map[string]*sql.DB{"writer": s.WriteDB(), "reader": s.ReadDB()} {
		check(db, pool, "journal_mode", "wal")
		check(db, pool, "synchronous", "2") // FULL
		check(db, pool, "foreign_keys", "1")
		check(db, pool, "busy_timeout", "10000")
		check(db, pool, "temp_store", "2") // MEMORY
	}
	check(s.ReadDB(), "reader", "query_only", "1")
	check(s.ReadDB(), "reader", "cache_size", store.SQLiteReaderCache)
	check(s.ReadDB(), "reader", "mmap_size", store.SQLiteMmapSize)
	check(s.WriteDB(), "writer", "query_only", "0")
}
