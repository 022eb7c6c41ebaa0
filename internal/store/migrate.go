package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"motcua/internal/fold"
)

//go:embed migrations
var migrationFiles embed.FS

// migration is one numbered, forward-only schema change.
type migration struct {
	version int
	name    string
	sql     string
}

func migrations(d Dialect) ([]migration, error) {
	dir := "migrations/" + string(d)
	entries, err := fs.ReadDir(migrationFiles, dir)
	if err != nil {
		return nil, fmt.Errorf("store: read migrations: %w", err)
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("store: bad migration file name %s", e.Name())
		}
		data, err := migrationFiles.ReadFile(dir + "/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(data)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	// Numbers increase without repeating; a gap is allowed (branches number their
	// migrations apart and are renumbered when merged).
	for i, m := range out {
		if m.version < 1 || (i > 0 && m.version == out[i-1].version) {
			return nil, fmt.Errorf("store: migration %s: number used twice or not positive", m.name)
		}
	}
	return out, nil
}

// Migrate applies every embedded migration that the database has not seen, each in its own
// transaction, and reports how many it applied. Several servers may start at once on
// PostgreSQL: an advisory lock makes them take turns. After migration 6 (the legal
// appointment column) it fills that column for extended dossiers from their events, and
// after migration 7 the search form of the applicants' names. Last, it rebuilds the
// statistics' daily counts when they follow another rule than the program's
// (RebuildDossierCounts; first after migration 17).
func (s *Store) Migrate(ctx context.Context) (int, error) {
	applied, err := s.migrate(ctx)
	if err != nil {
		return applied, err
	}
	if applied > 0 {
		if err := s.fillOriginalDue(ctx); err != nil {
			return applied, err
		}
		if err := s.fillFoldedNames(ctx); err != nil {
			return applied, err
		}
	}
	return applied, s.ensureDossierCounts(ctx)
}

// fillFoldedNames stores the search form (fold.Fold) of the applicant's name of the
// dossiers created before the column existed, in one transaction.
func (s *Store) fillFoldedNames(ctx context.Context) error {
	rows, err := s.query(ctx, s.read, "DossierUnfoldedNames")
	if err != nil {
		return err
	}
	type name struct {
		id   int64
		text string
	}
	var names []name
	for rows.Next() {
		var n name
		if err := rows.Scan(&n.id, &n.text); err != nil {
			rows.Close()
			return fmt.Errorf("store: migrate: %w", err)
		}
		names = append(names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	if len(names) == 0 {
		return nil
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, n := range names {
			if _, err := s.exec(ctx, tx, "DossierFoldedNameSet", fold.Fold(n.text), n.id); err != nil {
				return err
			}
		}
		return nil
	})
}

// fillOriginalDue computes the legal appointment of the dossiers that have an
// appointment but no stored legal one (those extended before the column existed).
func (s *Store) fillOriginalDue(ctx context.Context) error {
	rows, err := s.query(ctx, s.read, "DossierExtendedWithoutOriginal")
	if err != nil {
		return err
	}
	var codes []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			rows.Close()
			return fmt.Errorf("store: migrate: %w", err)
		}
		codes = append(codes, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	for _, c := range codes {
		d, err := s.Dossier(ctx, c)
		if err != nil {
			return fmt.Errorf("store: migrate: dossier %s: %w", c, err)
		}
		if _, err := s.exec(ctx, s.write, "DossierOriginalDueSet", nullTime(d.State.OriginalDueAt), c); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) migrate(ctx context.Context) (int, error) {
	list, err := migrations(s.dialect)
	if err != nil {
		return 0, err
	}
	conn, err := s.write.Conn(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: migrate: %w", err)
	}
	defer conn.Close()
	if s.dialect == Postgres {
		if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(7411)`); err != nil {
			return 0, fmt.Errorf("store: migrate lock: %w", err)
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock(7411)`)
	}
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return 0, fmt.Errorf("store: migrate: %w", err)
	}
	applied := 0
	for _, m := range list {
		var n int
		if err := conn.QueryRowContext(ctx, s.bind(`SELECT COUNT(*) FROM schema_migrations WHERE version = ?`), m.version).Scan(&n); err != nil {
			return applied, fmt.Errorf("store: migrate: %w", err)
		}
		if n > 0 {
			continue
		}
		if err := s.applyMigration(ctx, conn, m); err != nil {
			return applied, err
		}
		applied++
	}
	return applied, nil
}

func (s *Store) applyMigration(ctx context.Context, conn *sql.Conn, m migration) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: migration %s: %w", m.name, err)
	}
	defer tx.Rollback()
	for _, stmt := range splitStatements(m.sql) {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("store: migration %s: %w", m.name, err)
		}
	}
	if _, err := tx.ExecContext(ctx, s.bind(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`),
		m.version, m.name, s.Now().Format("2006-01-02T15:04:05Z")); err != nil {
		return fmt.Errorf("store: migration %s: %w", m.name, err)
	}
	return tx.Commit()
}

// splitStatements splits a migration on lines holding only "-- split"; a file without
// that marker is one statement batch (SQLite and pgx both accept several statements in
// one Exec without arguments).
func splitStatements(text string) []string {
	var out []string
	for _, part := range strings.Split(text, "\n-- split\n") {
		if strings.TrimSpace(part) != "" {
			out = append(out, part)
		}
	}
	return out
}

// bind rebinds an ad-hoc query for the store's dialect.
func (s *Store) bind(q string) string {
	if s.dialect == Postgres {
		return rebind(q)
	}
	return q
}
