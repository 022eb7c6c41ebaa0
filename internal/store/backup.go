package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
)

// Counts are the numbers of rows of the records an operator checks after a restore.
type Counts struct {
	Dossiers, Events, Attachments, Users, AuditEntries int64
}

// Counts returns how many dossiers, events, attachments, accounts and audit entries the
// database holds.
func (s *Store) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	row, err := s.queryRow(ctx, s.read, "BackupCounts")
	if err != nil {
		return c, err
	}
	if err := row.Scan(&c.Dossiers, &c.Events, &c.Attachments, &c.Users, &c.AuditEntries); err != nil {
		return c, fmt.Errorf("store: counts: %w", err)
	}
	return c, nil
}

// BackupSQLite writes a consistent copy of the SQLite database to the file dst while the
// server keeps serving (VACUUM INTO reads one snapshot of the WAL database and writes a
// compact file). dst must not exist. On PostgreSQL it is an error: pg_dump is the tool.
func (s *Store) BackupSQLite(ctx context.Context, dst string) error {
	if s.dialect != SQLite {
		return errors.New("store: BackupSQLite needs SQLite")
	}
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("store: backup: %s already exists", dst)
	}
	if _, err := s.write.ExecContext(ctx, "VACUUM INTO ?", dst); err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	return nil
}

// CheckIntegrity runs SQLite's integrity check and returns an error naming the first
// problem it finds; on PostgreSQL it only checks that the database answers.
func (s *Store) CheckIntegrity(ctx context.Context) error {
	if s.dialect != SQLite {
		return s.Ping(ctx)
	}
	row, err := s.queryRow(ctx, s.read, "SQLiteIntegrity")
	if err != nil {
		return err
	}
	var res string
	if err := row.Scan(&res); err != nil {
		return fmt.Errorf("store: integrity check: %w", err)
	}
	if res != "ok" {
		return fmt.Errorf("store: integrity check: %s", res)
	}
	return nil
}

// Empty reports whether the database holds no motcua schema yet (no table of applied
// migrations), as a restore target must.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	q := `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`
	if s.dialect == Postgres {
		q = `SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'`
	}
	var n int
	if err := s.read.QueryRowContext(ctx, q).Scan(&n); err != nil {
		return false, fmt.Errorf("store: empty: %w", err)
	}
	return n == 0, nil
}

// IsPostgresURL reports whether the database URL selects PostgreSQL.
func IsPostgresURL(url string) bool {
	return strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://")
}
