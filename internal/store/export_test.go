package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"syscall"

	"motcua/internal/dossier"
)

// Access to the store's internals for the tests of this directory only.

// WriteDB is the write pool, for tests that must put the database into a state the store
// itself never produces.
func (s *Store) WriteDB() *sql.DB { return s.write }

// ReadDB is the read pool (the write pool on PostgreSQL).
func (s *Store) ReadDB() *sql.DB { return s.read }

// The SQLite readers' page cache and file mapping, as set on every reader connection.
const (
	SQLiteReaderCache = sqliteReaderCache
	SQLiteMmapSize    = sqliteMmapSize
)

// InBatchTx is the group committer's entry (inBatchTx).
func (s *Store) InBatchTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return s.inBatchTx(ctx, fn)
}

// FillFoldedNames is the fill of the applicants' search names after migration 7.
func (s *Store) FillFoldedNames(ctx context.Context) error { return s.fillFoldedNames(ctx) }

// CreateDossiersAsOneGroup creates the dossiers in one group of the group committer, as
// it gathers concurrent callers, and returns each one's result: the dossiers that pass
// their checks are written together, or each alone when that fails.
func (s *Store) CreateDossiersAsOneGroup(ctx context.Context, ns []NewDossier, w Write) ([]StoredDossier, []error) {
	out := make([]StoredDossier, len(ns))
	errs := make([]error, len(ns))
	var group []batchReq
	var at []int
	for i, n := range ns {
		p, err := s.prepareDossier(ctx, n, w)
		if err != nil {
			errs[i] = err
			continue
		}
		group = append(group, batchReq{ctx: ctx, intake: p, done: make(chan error, 1),
			fn: func(tx *sql.Tx) error { return s.insertNewDossiers(ctx, tx, []*pendingDossier{p}) }})
		at = append(at, i)
	}
	s.commitGroup(group)
	for k, r := range group {
		i := at[k]
		if errs[i] = <-r.done; errs[i] == nil {
			out[i] = r.intake.out
		}
	}
	return out, errs
}

// IndexNames lists the indexes of the database (of the test's schema on PostgreSQL).
func (s *Store) IndexNames(ctx context.Context) ([]string, error) {
	q := `SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name`
	if s.dialect == Postgres {
		q = `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname`
	}
	rows, err := s.read.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// Abandon ends a bulk load as a crash would: the connection is given back without
// rebuilding the indexes or restoring the settings.
func (b *BulkLoad) Abandon() {
	if b.conn != nil {
		b.restore(context.Background()) // a new process opens fresh connections
		b.conn.Close()
	}
}

// ForeignKeys lists the foreign keys of the database (of the test's schema on
// PostgreSQL).
func (s *Store) ForeignKeys(ctx context.Context) ([]string, error) {
	q := `SELECT m.name || '.' || f."from" FROM sqlite_master m, pragma_foreign_key_list(m.name) f
		WHERE m.type = 'table' ORDER BY 1`
	if s.dialect == Postgres {
		q = `SELECT conname FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace ORDER BY 1`
	}
	rows, err := s.read.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// SearchUnitsApart sets how many units of a scope a search reads one statement each
// (treeSearchUnits).
func (s *Store) SearchUnitsApart(n int) { s.treeSearch = n }

// JournalMode is SQLite's journal mode of the database, as a new connection sees it.
func (s *Store) JournalMode(ctx context.Context) (string, error) {
	var mode string
	err := s.read.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode)
	return mode, err
}

// CrashInBatch writes the dossiers in a batch of the SQLite session and kills the process
// before the commit, with a page cache so small that the batch's pages have already been
// written into the database file: what a crash in the middle of a load leaves.
func (b *BulkLoad) CrashInBatch(ctx context.Context, ds []ImportedDossier) error {
	batch, err := b.Encode(ds)
	if err != nil {
		return err
	}
	if _, err := b.conn.ExecContext(ctx, "PRAGMA cache_size=10"); err != nil {
		return err
	}
	if _, err := b.conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return err
	}
	if err := b.writeSQLite(ctx, batch, b.s.pinsTx(b.conn)); err != nil {
		return err
	}
	syscall.Kill(os.Getpid(), syscall.SIGKILL)
	select {}
}

// UnitCountsDiffer counts the rows where the counts summed over the procedures
// (dossier_unit_counts) differ from dossier_counts summed by unit, grain and day.
func (s *Store) UnitCountsDiffer(ctx context.Context) (int, error) {
	var n int
	err := s.row(ctx, s.read, "", "DossierUnitCountsDiffer", nil, &n)
	return n, err
}

// SQLiteErrorCode is the extended result code of the SQLite driver's error in err's chain.
var SQLiteErrorCode = sqliteErrorCode

// SharedTexts counts the shared texts (dossier_texts) and the dossier rows that carry a
// process or documents of their own.
func (s *Store) SharedTexts(ctx context.Context) (texts, own int, err error) {
	err = s.read.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM dossier_texts),
		(SELECT COUNT(*) FROM dossiers WHERE process <> '' OR documents <> '')`).Scan(&texts, &own)
	return texts, own, err
}

// UnshareTexts makes the dossier's row as rows were before the shared texts: its process
// and documents in its own columns, no references.
func (s *Store) UnshareTexts(ctx context.Context, code string) error {
	q := `UPDATE dossiers SET process = (SELECT body FROM dossier_texts WHERE id = process_text),
		documents = (SELECT body FROM dossier_texts WHERE id = documents_text),
		process_text = NULL, documents_text = NULL WHERE code = ?`
	if s.dialect == Postgres {
		q = strings.Replace(q, "?", "$1", 1)
	}
	res, err := s.write.ExecContext(ctx, q, code)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("unshare %s: %d rows", code, n)
	}
	return nil
}

// WholePayloads counts the dossier's events stored with a whole payload (eventJSON).
func (s *Store) WholePayloads(ctx context.Context, code string) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, s.bind(`SELECT COUNT(*) FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id
		WHERE d.code = ? AND e.payload LIKE '{"seq":%'`), code).Scan(&n)
	return n, err
}

// WholeEvents stores the dossier's events as events were stored before compact payloads:
// each payload whole, as json.Marshal writes it.
func (s *Store) WholeEvents(ctx context.Context, code string, events []dossier.Event) error {
	for _, e := range events {
		payload, err := json.Marshal(e)
		if err != nil {
			return err
		}
		res, err := s.write.ExecContext(ctx, s.bind(`UPDATE dossier_events SET payload = ?
			WHERE dossier_id = (SELECT id FROM dossiers WHERE code = ?) AND seq = ?`), string(payload), code, e.Seq)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fmt.Errorf("whole payload of %s event %d: %d rows", code, e.Seq, n)
		}
	}
	return nil
}
