package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/demo"
	"motcua/internal/files"
	"motcua/internal/report"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// TestBackupRestore backs up a unit's two years of demo history and an attachment while
// the store is open, restores it into an empty place, and finds every dossier, event and
// file again; a damaged backup file and a non-empty target are refused.
func TestBackupRestore(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			now := time.Date(2026, 11, 20, 3, 0, 0, 0, time.UTC)
			src := storetest.Clone(t, d, "backup-history", func() time.Time { return now }, func(st *store.Store) error {
				if err := demo.Load(ctx, st, "mật-khẩu-sao-lưu"); err != nil {
					return err
				}
				_, _, err := demo.LoadHistory(ctx, st, now)
				return err
			})
			data := t.TempDir()
			pdf := []byte("%PDF-1.4\n% tệp đính kèm thử\n%%EOF\n")
			sha, _, _, err := files.New(data).Put(bytes.NewReader(pdf), 1<<20)
			if err != nil {
				t.Fatal(err)
			}
			want, err := src.Counts(ctx)
			if err != nil || want.Dossiers < 100 {
				t.Fatalf("source counts %+v, %v: want a history", want, err)
			}
			env := map[string]string{"MOTCUA_DATA": data, "DATABASE_URL": src.Location()}
			dest := filepath.Join(t.TempDir(), "sao-luu")
			if _, err := runCLI(t, env, "", "backup", "--to", filepath.Join(data, "inside")); err == nil {
				t.Fatal("a backup inside the data directory was accepted")
			}
			out, err := runCLI(t, env, "", "backup", "--to", dest)
			if err != nil || !strings.Contains(out, "Đã sao lưu") {
				t.Fatalf("backup: %q, %v", out, err)
			}
			if _, err := runCLI(t, env, "", "backup", "--to", dest); err == nil || !strings.Contains(err.Error(), "không trống") {
				t.Fatalf("backup into a non-empty directory: %v", err)
			}

			// The restore target: an empty data directory, and on PostgreSQL an empty database.
			restored := t.TempDir()
			renv := map[string]string{"MOTCUA_DATA": restored}
			if d == store.Postgres {
				renv["DATABASE_URL"] = emptyPostgres(t)
			}
			out, err = runCLI(t, renv, "", "restore", "--from", dest)
			if err != nil || !strings.Contains(out, "Đã khôi phục") {
				t.Fatalf("restore: %q, %v", out, err)
			}
			url := filepath.Join(restored, "motcua.db")
			if d == store.Postgres {
				url = renv["DATABASE_URL"]
			}
			got, err := store.Open(ctx, store.Config{URL: url, DataDir: restored})
			if err != nil {
				t.Fatal(err)
			}
			defer got.Close()
			if c, err := got.Counts(ctx); err != nil || c != want {
				t.Fatalf("restored counts %+v, %v; want %+v", c, err, want)
			}
			p, err := report.NewPeriod(calendar.NewDate(2024, 1, 1), calendar.NewDate(2026, 12, 31))
			if err != nil {
				t.Fatal(err)
			}
			before, err := src.ReportDossiers(ctx, demo.Province, true, p)
			if err != nil {
				t.Fatal(err)
			}
			after, err := got.ReportDossiers(ctx, demo.Province, true, p)
			if err != nil || len(after) != len(before) || len(before) == 0 {
				t.Fatalf("restored %d dossiers, %v; want %d", len(after), err, len(before))
			}
			for i := range before {
				if before[i].Code != after[i].Code || !before[i].OriginalDueAt.Equal(after[i].OriginalDueAt) {
					t.Fatalf("dossier %d: %+v, want %+v", i, after[i], before[i])
				}
			}
			f, err := files.New(restored).Open(sha)
			if err != nil {
				t.Fatalf("restored attachment: %v", err)
			}
			body, _ := io.ReadAll(f)
			f.Close()
			if !bytes.Equal(body, pdf) {
				t.Fatal("restored attachment differs")
			}

			// A restore never overwrites a database, and a damaged file is found.
			if _, err := runCLI(t, renv, "", "restore", "--from", dest); err == nil {
				t.Fatal("a restore over an existing database was accepted")
			}
			damaged := filepath.Join(dest, "data", "files", sha[:2], sha[2:4], sha)
			if err := os.WriteFile(damaged, []byte("%PDF-1.4 khác"), 0o640); err != nil {
				t.Fatal(err)
			}
			again := map[string]string{"MOTCUA_DATA": t.TempDir()}
			if d == store.Postgres {
				again["DATABASE_URL"] = emptyPostgres(t)
			}
			if _, err := runCLI(t, again, "", "restore", "--from", dest); err == nil || !strings.Contains(err.Error(), "bị hỏng") {
				t.Fatalf("restore of a damaged backup: %v", err)
			}
			if _, err := os.Stat(filepath.Join(again["MOTCUA_DATA"], "motcua.db")); err == nil {
				t.Fatal("a damaged backup left a database behind")
			}
		})
	}
}

// emptyPostgres creates an empty database beside the test database, dropped at the end.
func emptyPostgres(t *testing.T) string {
	t.Helper()
	base := storetest.PostgresURL()
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 5)
	rand.Read(b)
	name := "motcua_restore_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		admin.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
