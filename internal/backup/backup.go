// Package backup makes and restores sao lưu (backups) of a motcua installation: the
// database and every file of the data directory (attachments, signed results, images).
//
// On SQLite a backup is taken while the server runs: the database through VACUUM INTO (one
// consistent snapshot), then the files. Files are written once and never changed, so a
// file copied after the snapshot is at worst one the snapshot does not name yet; no file
// the snapshot names can be missing. On PostgreSQL the database is dumped with pg_dump
// (custom format) and restored with pg_restore into an empty database; the files are
// copied the same way. Content-addressed files (named by their SHA-256) are checked
// against their name on the way in and on the way out, so a damaged copy is found, not
// restored.
package backup

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"motcua/internal/store"
)

// The names inside a backup directory.
const (
	dbFile       = "motcua.db"
	dumpFile     = "motcua.pgdump"
	filesDir     = "data"
	manifestFile = "manifest.json"
)

// Manifest describes a backup: when it was taken, from which kind of database, and what it
// holds, so that a restore can check it found everything.
type Manifest struct {
	TakenAt time.Time    `json:"taken_at"`
	Dialect string       `json:"dialect"`
	Counts  store.Counts `json:"counts"`
	Files   int          `json:"files"`
	Bytes   int64        `json:"bytes"`
}

// Backup writes the database behind st and the files of dataDir into the directory dest,
// which must not exist or be empty. dbURL is the PostgreSQL URL for pg_dump (unused on
// SQLite).
func Backup(ctx context.Context, st *store.Store, dbURL, dataDir, dest string) (Manifest, error) {
	if inside(dest, dataDir) {
		return Manifest{}, fmt.Errorf("thư mục sao lưu %s không được nằm trong thư mục dữ liệu %s", dest, dataDir)
	}
	if err := emptyDir(dest); err != nil {
		return Manifest{}, err
	}
	m := Manifest{TakenAt: time.Now().UTC(), Dialect: string(st.Dialect())}
	var err error
	switch st.Dialect() {
	case store.SQLite:
		// The counts are read from the snapshot itself, so they are exact.
		snap := filepath.Join(dest, dbFile)
		if err = st.BackupSQLite(ctx, snap); err == nil {
			m.Counts, err = snapshotCounts(ctx, snap)
		}
	default:
		// The counts are read just before the dump: the records counted are only ever
		// added to, so the dump holds at least as many.
		if m.Counts, err = st.Counts(ctx); err == nil {
			err = pgTool(ctx, "pg_dump", "--format=custom", "--no-owner", "--file", filepath.Join(dest, dumpFile), "--dbname", dbURL)
		}
	}
	if err != nil {
		return m, err
	}
	if m.Files, m.Bytes, err = copyTree(ctx, dataDir, filepath.Join(dest, filesDir)); err != nil {
		return m, err
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return m, err
	}
	return m, writeFile(filepath.Join(dest, manifestFile), data)
}

// ReadManifest reads the manifest of the backup in dir.
func ReadManifest(dir string) (Manifest, error) {
	var m Manifest
	data, err := os.ReadFile(filepath.Join(dir, manifestFile))
	if err != nil {
		return m, fmt.Errorf("sao lưu không hợp lệ: không đọc được %s: %w", manifestFile, err)
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return m, fmt.Errorf("sao lưu không hợp lệ: %s: %w", manifestFile, err)
	}
	return m, nil
}

// RestoreSQLite puts the backup in src into dataDir, whose database must not exist yet
// (a restore never overwrites a live installation): the database file first under a
// temporary name, then the files, each checked against its name. The caller opens the
// store afterwards and compares its Counts with the manifest.
func RestoreSQLite(ctx context.Context, src, dataDir string) (Manifest, error) {
	m, err := ReadManifest(src)
	if err != nil {
		return m, err
	}
	if m.Dialect != string(store.SQLite) {
		return m, fmt.Errorf("bản sao lưu này của %s, không phải SQLite", m.Dialect)
	}
	target := filepath.Join(dataDir, dbFile)
	if _, err := os.Stat(target); err == nil {
		return m, fmt.Errorf("%s đã có cơ sở dữ liệu; hãy khôi phục vào một thư mục trống", dataDir)
	}
	if _, _, err := copyTree(ctx, filepath.Join(src, filesDir), dataDir); err != nil {
		return m, err
	}
	if err := copyFile(filepath.Join(src, dbFile), target, ""); err != nil {
		return m, err
	}
	return m, nil
}

// RestorePostgres loads the dump in src into the database at dbURL, which must hold no
// motcua schema yet, and copies the files into dataDir.
func RestorePostgres(ctx context.Context, src, dbURL, dataDir string, empty bool) (Manifest, error) {
	m, err := ReadManifest(src)
	if err != nil {
		return m, err
	}
	if m.Dialect != string(store.Postgres) {
		return m, fmt.Errorf("bản sao lưu này của %s, không phải PostgreSQL", m.Dialect)
	}
	if !empty {
		return m, errors.New("cơ sở dữ liệu đích đã có dữ liệu; hãy khôi phục vào một cơ sở dữ liệu trống")
	}
	if _, _, err := copyTree(ctx, filepath.Join(src, filesDir), dataDir); err != nil {
		return m, err
	}
	if err := pgTool(ctx, "pg_restore", "--no-owner", "--exit-on-error", "--dbname", dbURL, filepath.Join(src, dumpFile)); err != nil {
		return m, err
	}
	return m, nil
}

// pgTool runs a PostgreSQL client program; its error output (never the URL's password,
// which pg tools do not print) becomes the error.
func pgTool(ctx context.Context, name string, args ...string) error {
	path, err := exec.LookPath(name)
	if err != nil {
		return fmt.Errorf("cần chương trình %s (gói postgresql-client): %w", name, err)
	}
	out, err := exec.CommandContext(ctx, path, args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %v: %s", name, err, strings.TrimSpace(string(out)))
	}
	return nil
}

// emptyDir makes dir, or checks that it is empty.
func emptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return os.MkdirAll(dir, 0o750)
	}
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("thư mục sao lưu %s không trống", dir)
	}
	return nil
}

// inside reports whether path is dir or lies below it.
func inside(path, dir string) bool {
	p, err1 := filepath.Abs(path)
	d, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(d, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// snapshotCounts opens the SQLite snapshot at path and counts its records.
func snapshotCounts(ctx context.Context, path string) (store.Counts, error) {
	st, err := store.Open(ctx, store.Config{URL: path})
	if err != nil {
		return store.Counts{}, err
	}
	defer st.Close()
	return st.Counts(ctx)
}

// Complete reports whether a restored database holds what the backup recorded: exactly
// the same counts for SQLite, at least as many for PostgreSQL (counted before the dump).
func (m Manifest) Complete(got store.Counts) bool {
	if m.Dialect == string(store.SQLite) {
		return got == m.Counts
	}
	w := m.Counts
	return got.Dossiers >= w.Dossiers && got.Events >= w.Events && got.Attachments >= w.Attachments &&
		got.Users >= w.Users && got.AuditEntries >= w.AuditEntries
}
