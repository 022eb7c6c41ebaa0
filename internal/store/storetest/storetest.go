// Package storetest opens real, migrated databases for tests: a fresh SQLite file for
// every test, and, when MOTCUA_TEST_POSTGRES holds a URL, a fresh schema on that
// PostgreSQL server. There are no mock stores in motcua.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"motcua/internal/store"
)

// PostgresURL is the scratch PostgreSQL server for tests, or "".
func PostgresURL() string { return os.Getenv("MOTCUA_TEST_POSTGRES") }

// Dialects lists the databases the tests run on: SQLite always, PostgreSQL when
// MOTCUA_TEST_POSTGRES is set.
func Dialects() []store.Dialect {
	if PostgresURL() != "" {
		return []store.Dialect{store.SQLite, store.Postgres}
	}
	return []store.Dialect{store.SQLite}
}

// Each runs fn as a subtest once per dialect, each with its own empty, migrated store.
func Each(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Helper()
	for _, d := range Dialects() {
		t.Run(string(d), func(t *testing.T) {
			fn(t, Open(t, d, nil))
		})
	}
}

// URL returns a database URL for a fresh, empty database of the dialect: an SQLite file in
// a temporary directory, or a new PostgreSQL schema dropped when the test ends.
func URL(tb testing.TB, d store.Dialect) string {
	tb.Helper()
	if d == store.SQLite {
		return filepath.Join(tb.TempDir(), "motcua.db")
	}
	base := PostgresURL()
	if base == "" {
		tb.Fatal("storetest: MOTCUA_TEST_POSTGRES is not set")
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		tb.Fatalf("storetest: %v", err)
	}
	ctx := context.Background()
	for _, stmt := range []string{
		`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`,
		`CREATE SCHEMA ` + schema,
	} {
		if _, err := admin.ExecContext(ctx, stmt); err != nil {
			admin.Close()
			tb.Fatalf("storetest: %s: %v", stmt, err)
		}
	}
	tb.Cleanup(func() {
		admin.ExecContext(context.Background(), `DROP SCHEMA `+schema+` CASCADE`)
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("storetest: bad MOTCUA_TEST_POSTGRES: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema+",public")
	u.RawQuery = q.Encode()
	return u.String()
}

// Open returns a migrated store of the dialect on a fresh database, closed when the test
// ends. now may be nil for the real clock.
func Open(tb testing.TB, d store.Dialect, now func() time.Time) *store.Store {
	tb.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, store.Config{URL: URL(tb, d), Now: now})
	if err != nil {
		tb.Fatalf("storetest: open %s: %v", d, err)
	}
	tb.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(ctx); err != nil {
		tb.Fatalf("storetest: migrate %s: %v", d, err)
	}
	return s
}
