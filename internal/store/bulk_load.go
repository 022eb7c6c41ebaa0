package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
)

// BulkLoad is a session of very large synthetic writes (motcua demo generate): finished
// dossier histories written as fast as each database allows, for test and benchmark data.
//
// On PostgreSQL every Write is one transaction of binary COPYs on its own connection, and
// several may run at once; indexes are kept. On SQLite the session holds the only write
// connection until Finish, writes each batch with prepared multi-row INSERTs in one
// transaction, and runs with synchronous=OFF and a large page cache; for a large load it
// also drops the secondary indexes of the written tables and rebuilds them in Finish.
// A power loss during an SQLite session may therefore lose or corrupt recent writes: the
// session is for test data only, never for a database that serves citizens.
type BulkLoad struct {
	s    *Store
	opts BulkLoadOptions

	mu       sync.Mutex // serialises Write on SQLite
	conn     *sql.Conn
	stmts    map[string]*sql.Stmt
	sync     int
	cache    int
	indexes  []savedIndex
	finished bool
}

// BulkLoadOptions tunes a BulkLoad.
type BulkLoadOptions struct {
	// Dossiers is the number of dossiers the session expects to write. On SQLite, from
	// dropIndexesFrom on, the secondary indexes of the dossier tables are dropped for the
	// session and rebuilt in Finish, which is faster than keeping them up to date row by
	// row. A session stopped before Finish leaves them dropped until the next
	// BeginBulkLoad, which rebuilds them first.
	Dossiers int
}

// dropIndexesFrom is the size of an SQLite bulk load from which dropping the secondary
// indexes and rebuilding them at the end wins (measured: even at 100,000 dossiers).
const dropIndexesFrom = 250_000

// savedIndex is a secondary index dropped for the session, with its definition.
type savedIndex struct{ name, sql string }

// bulkIndexSetting keeps the definitions of indexes dropped by a session until Finish
// rebuilds them, so that an interrupted session can be repaired.
const bulkIndexSetting = "bulk_load.dropped_indexes"

// bulkTables are the tables a bulk load writes.
var bulkTables = []string{"dossiers", "dossier_events", "payments", "sandbox_ledger"}

// BeginBulkLoad starts a bulk load session; Finish must end it.
func (s *Store) BeginBulkLoad(ctx context.Context, opts BulkLoadOptions) (*BulkLoad, error) {
	b := &BulkLoad{s: s, opts: opts}
	if s.dialect != SQLite {
		return b, nil
	}
	conn, err := s.write.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: bulk load: %w", err)
	}
	b.conn, b.stmts = conn, map[string]*sql.Stmt{}
	fail := func(err error) (*BulkLoad, error) {
		conn.Close()
		return nil, fmt.Errorf("store: bulk load: %w", err)
	}
	if err := b.rebuildIndexes(ctx); err != nil {
		return fail(err)
	}
	if err := conn.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&b.sync); err != nil {
		return fail(err)
	}
	if err := conn.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&b.cache); err != nil {
		return fail(err)
	}
	for _, p := range []string{"PRAGMA synchronous=OFF", "PRAGMA cache_size=-65536"} {
		if _, err := conn.ExecContext(ctx, p); err != nil {
			return fail(err)
		}
	}
	if opts.Dossiers >= dropIndexesFrom {
		if err := b.dropIndexes(ctx); err != nil {
			b.restore(context.WithoutCancel(ctx))
			return fail(err)
		}
	}
	return b, nil
}

// Writers is how many Write calls may usefully run at once.
func (b *BulkLoad) Writers() int {
	if b.s.dialect == Postgres {
		return 2
	}
	return 1
}

// BatchSize is the number of dossiers a Write should carry: one transaction.
func (b *BulkLoad) BatchSize() int {
	if b.s.dialect == Postgres {
		return 4000
	}
	return 5000
}

// Write stores finished histories as ImportDossiers does (same tables, same checks, the
// daily and receipt sequences raised) in one transaction.
func (b *BulkLoad) Write(ctx context.Context, ds []ImportedDossier) error {
	if len(ds) == 0 {
		return nil
	}
	if b.s.dialect == Postgres {
		return b.s.importBatchCopy(ctx, ds, true)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.finished {
		return errors.New("store: bulk load: write after finish")
	}
	if _, err := b.conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return b.s.mapErr("DossierImport", err)
	}
	if err := b.writeSQLite(ctx, ds); err != nil {
		b.conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		return err
	}
	if _, err := b.conn.ExecContext(ctx, "COMMIT"); err != nil {
		b.conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		return b.s.mapErr("commit", err)
	}
	return nil
}

// Finish ends the session: on SQLite it rebuilds the dropped indexes, restores the
// durability settings, checkpoints the write-ahead log into the database and updates
// the planner's statistics; on PostgreSQL it updates the statistics of the written
// tables. It is safe to call more than once.
func (b *BulkLoad) Finish(ctx context.Context) error {
	if b.s.dialect == Postgres {
		b.mu.Lock()
		defer b.mu.Unlock()
		if b.finished {
			return nil
		}
		b.finished = true
		if _, err := b.s.write.ExecContext(ctx, "ANALYZE "+strings.Join(bulkTables, ", ")); err != nil {
			return fmt.Errorf("store: bulk load: analyze: %w", err)
		}
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.finished {
		return nil
	}
	b.finished = true
	err := b.rebuildIndexes(ctx)
	err = errors.Join(err, b.restore(ctx))
	if _, e := b.conn.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); e != nil {
		err = errors.Join(err, e)
	}
	if _, e := b.conn.ExecContext(ctx, "PRAGMA optimize"); e != nil {
		err = errors.Join(err, e)
	}
	for _, st := range b.stmts {
		st.Close()
	}
	err = errors.Join(err, b.conn.Close())
	if err != nil {
		return fmt.Errorf("store: bulk load: finish: %w", err)
	}
	return nil
}

// restore puts back the durability and cache settings of the write connection.
func (b *BulkLoad) restore(ctx context.Context) error {
	_, err := b.conn.ExecContext(ctx, fmt.Sprintf("PRAGMA synchronous=%d", b.sync))
	if err == nil {
		_, err = b.conn.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size=%d", b.cache))
	}
	return err
}
