package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"motcua/internal/store"
)

// template is a database built once in a test binary and copied for each test that
// asks for it: the demo's base data costs seconds to load under the race detector, a
// copy a few milliseconds.
type template struct {
	once sync.Once
	err  error
	// path is the SQLite template file; db the PostgreSQL template database.
	path, db string
}

var (
	templates sync.Map // dialect + key → *template
	cloneMu   sync.Mutex
)

// Clone returns a store of the dialect on a fresh database holding what build wrote into
// a migrated, empty one. The template is built once per key and dialect in this test
// binary (with the clock now, nil for the real one) and copied for each call, so build
// must always write the same thing for the same key. The copy is closed when the test
// ends; Cleanup removes the templates.
func Clone(tb testing.TB, d store.Dialect, key string, now func() time.Time, build func(*store.Store) error) *store.Store {
	tb.Helper()
	v, _ := templates.LoadOrStore(string(d)+"\x00"+key, &template{})
	t := v.(*template)
	t.once.Do(func() { t.err = t.build(d, now, build) })
	if t.err != nil {
		tb.Fatalf("storetest: template %q on %s: %v", key, d, t.err)
	}
	var u string
	if d == store.SQLite {
		dir := tb.TempDir()
		for _, suffix := range []string{"", "-wal"} {
			if err := copyFile(t.path+suffix, filepath.Join(dir, "motcua.db"+suffix)); err != nil && !os.IsNotExist(err) {
				tb.Fatalf("storetest: copy template: %v", err)
			}
		}
		u = filepath.Join(dir, "motcua.db")
	} else {
		name := "motcua_t_" + randomHex()
		if err := createDatabase(name, t.db); err != nil {
			tb.Fatalf("storetest: clone template: %v", err)
		}
		tb.Cleanup(func() { dropDatabase(name) })
		u = databaseURL(name)
	}
	s, err := store.Open(context.Background(), store.Config{URL: u, Now: now})
	if err != nil {
		tb.Fatalf("storetest: open clone: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// build makes the template: a migrated database with what build writes, then closed so
// that it can be copied.
func (t *template) build(d store.Dialect, now func() time.Time, build func(*store.Store) error) error {
	var u string
	if d == store.SQLite {
		dir, err := os.MkdirTemp("", "motcua-template-")
		if err != nil {
			return err
		}
		t.path = filepath.Join(dir, "motcua.db")
		u = t.path
	} else {
		t.db = "motcua_tpl_" + randomHex()
		if err := createDatabase(t.db, ""); err != nil {
			return err
		}
		u = databaseURL(t.db)
	}
	ctx := context.Background()
	s, err := store.Open(ctx, store.Config{URL: u, Now: now})
	if err != nil {
		return err
	}
	if _, err := s.Migrate(ctx); err != nil {
		s.Close()
		return err
	}
	if err := build(s); err != nil {
		s.Close()
		return err
	}
	return s.Close()
}

// Cleanup removes the templates of this test binary; call it from TestMain after the
// tests ran.
func Cleanup() {
	templates.Range(func(_, v any) bool {
		t := v.(*template)
		if t.path != "" {
			os.RemoveAll(filepath.Dir(t.path))
		}
		if t.db != "" {
			dropDatabase(t.db)
		}
		return true
	})
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func randomHex() string {
	b := make([]byte, 6)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// databaseURL is MOTCUA_TEST_POSTGRES with its database replaced by name.
func databaseURL(name string) string {
	u, err := url.Parse(PostgresURL())
	if err != nil {
		return ""
	}
	u.Path = "/" + name
	return u.String()
}

// createDatabase creates the PostgreSQL database name, from the template database
// tpl when it is not empty. Cloning waits while another session still holds the
// template (a pool closing), a few times.
func createDatabase(name, tpl string) error {
	admin, err := sql.Open("pgx", PostgresURL())
	if err != nil {
		return err
	}
	defer admin.Close()
	stmt := `CREATE DATABASE ` + name
	if tpl != "" {
		stmt += ` TEMPLATE ` + tpl
	}
	cloneMu.Lock()
	defer cloneMu.Unlock()
	for attempt := 0; ; attempt++ {
		_, err = admin.Exec(stmt)
		if err == nil || attempt == 50 || !strings.Contains(err.Error(), "being accessed by other users") {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", stmt, err)
	}
	if tpl == "" {
		// The extension of the accent-insensitive search, made as the superuser of the
		// test server so that the migration finds it.
		db, err := sql.Open("pgx", databaseURL(name))
		if err != nil {
			return err
		}
		defer db.Close()
		if _, err := db.Exec(`CREATE EXTENSION IF NOT EXISTS pg_trgm`); err != nil {
			return err
		}
	}
	return nil
}

func dropDatabase(name string) {
	admin, err := sql.Open("pgx", PostgresURL())
	if err != nil {
		return
	}
	defer admin.Close()
	admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
}
