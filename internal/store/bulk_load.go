package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
	"sync"
)

// BulkLoad is a session of very large synthetic writes (motcua demo generate): finished
// dossier histories written as fast as each database allows, for test and benchmark data.
//
// A batch is encoded first (Encode, on any goroutine), then written (WriteBatch). On
// PostgreSQL every write is one transaction of binary COPYs on its own connection, and
// several may run at once. On SQLite the session holds the only write connection until
// Finish, writes each batch with prepared multi-row INSERTs in one transaction, and runs
// with synchronous=OFF, a large page cache, a memory map and no foreign key checks, and
// with a rollback journal instead of the write-ahead log when no other connection has
// the file open (sqliteJournal). For a large load both drop the secondary indexes of the written tables (PostgreSQL also the
// foreign keys to the dossiers) and make them again in Finish (BulkLoadOptions).
// A power loss during an SQLite session may therefore lose or corrupt recent writes: the
// session is for test data only, never for a database that serves citizens.
type BulkLoad struct {
	s    *Store
	opts BulkLoadOptions

	mu       sync.Mutex // serialises Write on SQLite
	conn     *sql.Conn
	stmts    map[string]driver.Stmt // the SQLite writer's, on conn's driver connection
	sync     int64
	cache    int64
	fk       int64
	mmap     int64
	threads  int64
	temp     int64
	journal  string // the journal mode to restore, when the session left WAL
	indexes  []savedIndex
	finished bool
}

// BulkLoadOptions tunes a BulkLoad.
type BulkLoadOptions struct {
	// Dossiers is the number of dossiers the session expects to write. From
	// dropIndexesFrom on (and when it is at least a quarter of the dossiers already
	// stored), the secondary indexes of the written tables — and on PostgreSQL the
	// foreign keys to the dossiers — are dropped for the session and made again in
	// Finish, which is faster than keeping them up to date row by row. A session stopped
	// before Finish leaves them dropped until the next BeginBulkLoad, which makes them
	// again first.
	Dossiers int
}

// dropIndexesFrom is the size of a bulk load from which dropping the secondary indexes
// and rebuilding them at the end wins (measured on SQLite: already at 100,000 dossiers).
const dropIndexesFrom = 50_000

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
	conn, err := s.write.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: bulk load: %w", err)
	}
	fail := func(err error) (*BulkLoad, error) {
		conn.Close()
		return nil, fmt.Errorf("store: bulk load: %w", err)
	}
	if err := b.rebuildIndexes(ctx, conn); err != nil {
		return fail(err)
	}
	drop, err := b.dropsIndexes(ctx, conn)
	if err != nil {
		return fail(err)
	}
	if s.dialect == Postgres {
		if drop {
			if err := b.dropIndexes(ctx, conn); err != nil {
				return fail(err)
			}
		}
		return b, conn.Close()
	}
	b.conn, b.stmts = conn, map[string]driver.Stmt{}
	for p, v := range map[string]*int64{"synchronous": &b.sync, "cache_size": &b.cache, "foreign_keys": &b.fk,
		"mmap_size": &b.mmap, "threads": &b.threads, "temp_store": &b.temp} {
		if err := conn.QueryRowContext(ctx, "PRAGMA "+p).Scan(v); err != nil {
			return fail(err)
		}
	}
	// Without foreign key checks: the rows' references are made by the session itself.
	// Pages are read through a memory map (the index builds of Finish scan the tables
	// once per index) and the sorter of those builds may use a second thread. The sorter
	// works in temporary files (temp_store=FILE): with temp_store=MEMORY, the store's
	// usual setting, SQLite's sorter keeps every key in memory in an allocation of its
	// own, sorts them on one thread and frees them one by one (a fifth of the index
	// builds' time), whereas with files it fills runs of cache_size bytes in one buffer,
	// sorts them on the helper threads and merges them.
	for _, p := range []string{"PRAGMA synchronous=OFF", "PRAGMA cache_size=-65536", "PRAGMA foreign_keys=OFF",
		"PRAGMA mmap_size=8589934592", "PRAGMA threads=2", "PRAGMA temp_store=FILE"} {
		if _, err := conn.ExecContext(ctx, p); err != nil {
			return fail(err)
		}
	}
	if err := b.leaveWAL(ctx); err != nil {
		b.restore(context.WithoutCancel(ctx))
		return fail(err)
	}
	if drop {
		if err := b.dropIndexes(ctx, conn); err != nil {
			b.restore(context.WithoutCancel(ctx))
			return fail(err)
		}
	}
	return b, nil
}

// dropsIndexes decides whether the session drops the secondary indexes: when it writes
// at least dropIndexesFrom dossiers and at least a quarter of those already stored, so
// that rebuilding the indexes over every row costs less than keeping them up to date.
func (b *BulkLoad) dropsIndexes(ctx context.Context, conn *sql.Conn) (bool, error) {
	if b.opts.Dossiers < dropIndexesFrom {
		return false, nil
	}
	var stored int64
	if err := conn.QueryRowContext(ctx, "SELECT COALESCE(MAX(id), 0) FROM dossiers").Scan(&stored); err != nil {
		return false, err
	}
	return 4*int64(b.opts.Dossiers) >= stored, nil
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
	return 8000
}

// Encode encodes dossiers for WriteBatch, with the checks of ImportDossiers. It needs
// no database and may run on several goroutines at once, while a batch is written.
func (b *BulkLoad) Encode(ds []ImportedDossier) (*BulkBatch, error) {
	return b.s.encodeBatch(ds)
}

// Write stores finished histories as ImportDossiers does (same tables, same checks, the
// daily and receipt sequences raised) in one transaction: Encode, then WriteBatch.
func (b *BulkLoad) Write(ctx context.Context, ds []ImportedDossier) error {
	if len(ds) == 0 {
		return nil
	}
	batch, err := b.Encode(ds)
	if err != nil {
		return err
	}
	return b.WriteBatch(ctx, batch)
}

// WriteBatch stores an encoded batch in one transaction. A batch is written once.
func (b *BulkLoad) WriteBatch(ctx context.Context, batch *BulkBatch) error {
	if batch.Len() == 0 {
		return nil
	}
	if b.s.dialect == Postgres {
		return b.s.copyBatch(ctx, batch, true)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.finished {
		return errors.New("store: bulk load: write after finish")
	}
	if _, err := b.conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return b.s.mapErr("DossierImport", err)
	}
	pins := b.s.pinsTx(b.conn)
	if err := b.writeSQLite(ctx, batch, pins); err != nil {
		b.conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		return err
	}
	if _, err := b.conn.ExecContext(ctx, "COMMIT"); err != nil {
		b.conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		return b.s.mapErr("commit", err)
	}
	pins.publish()
	return nil
}

// Finish ends the session: it makes again the dropped indexes (and foreign keys),
// updates the planner's statistics and, on SQLite, restores the durability settings
// and checkpoints the write-ahead log into the database. It is safe to call more than
// once.
func (b *BulkLoad) Finish(ctx context.Context) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.finished {
		return nil
	}
	b.finished = true
	if b.s.dialect == Postgres {
		return b.finishPostgres(ctx)
	}
	// The sorter of the index builds fills runs of cache_size bytes before its helper
	// thread sorts them: smaller runs keep both cores busy. All the indexes of a million
	// dossiers took 32–34 s with the load's 64 MB, 20–25 s with 16 MB (4–16 MB alike).
	_, err := b.conn.ExecContext(ctx, "PRAGMA cache_size=-16384")
	err = errors.Join(err, b.rebuildIndexes(ctx, b.conn))
	err = errors.Join(err, b.restore(ctx))
	if _, e := b.conn.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); e != nil {
		err = errors.Join(err, e)
	}
	if _, e := b.conn.ExecContext(ctx, "PRAGMA optimize"); e != nil {
		err = errors.Join(err, e)
	}
	err = errors.Join(err, b.conn.Raw(func(any) error {
		var err error
		for _, st := range b.stmts {
			err = errors.Join(err, st.Close())
		}
		return err
	}))
	err = errors.Join(err, b.conn.Close())
	if err != nil {
		return fmt.Errorf("store: bulk load: finish: %w", err)
	}
	return nil
}

// restore puts back the durability, cache and foreign key settings of the SQLite write
// connection, and the write-ahead log if the session left it.
func (b *BulkLoad) restore(ctx context.Context) error {
	if b.conn == nil {
		return nil
	}
	if err := b.backToWAL(ctx); err != nil {
		return err
	}
	for _, p := range []string{fmt.Sprintf("PRAGMA synchronous=%d", b.sync), fmt.Sprintf("PRAGMA cache_size=%d", b.cache),
		fmt.Sprintf("PRAGMA foreign_keys=%d", b.fk), fmt.Sprintf("PRAGMA mmap_size=%d", b.mmap),
		fmt.Sprintf("PRAGMA threads=%d", b.threads), fmt.Sprintf("PRAGMA temp_store=%d", b.temp)} {
		if _, err := b.conn.ExecContext(ctx, p); err != nil {
			return err
		}
	}
	return nil
}

// finishPostgres makes the dropped indexes again, with more memory to sort in than a
// usual session has, then updates the statistics of the written tables.
func (b *BulkLoad) finishPostgres(ctx context.Context) error {
	conn, err := b.s.write.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: bulk load: finish: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SET maintenance_work_mem = '256MB'"); err != nil {
		return fmt.Errorf("store: bulk load: finish: %w", err)
	}
	err = b.rebuildIndexes(ctx, conn)
	if _, e := conn.ExecContext(ctx, "RESET maintenance_work_mem"); e != nil {
		err = errors.Join(err, e)
	}
	if err != nil {
		return fmt.Errorf("store: bulk load: finish: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "ANALYZE "+strings.Join(bulkTables, ", ")); err != nil {
		return fmt.Errorf("store: bulk load: analyze: %w", err)
	}
	return nil
}
