package store

import (
	"context"
	"strings"
)

// The journal of an SQLite bulk load. In WAL mode every page a load writes is written
// twice: appended to the write-ahead log at each commit, then copied into the database
// by the checkpoints that follow (at a million dossiers, about a quarter of the writer's
// time). With a rollback journal a page is written once, straight into the file, and
// the journal holds only the original content of the pages that existed before the
// transaction: a load appends to the end of the file, so that is a handful of pages per
// batch. Unlike journal_mode=OFF or MEMORY, the journal is on disk, so a process that dies
// mid-batch leaves a hot journal that the next connection rolls back: the database keeps
// every committed batch and stays valid (power loss is another matter: synchronous=OFF).
//
// Leaving WAL needs the only connection to the file. The session closes the store's idle
// readers first; if another process has the file open (a running server), SQLite answers
// busy and the session keeps the write-ahead log, only slower. Every connection the store
// opens asks for WAL again (openSQLite), so a database left in the rollback mode by a
// crash is back in WAL at the next start — and a read through the store during the
// session (a new read connection) puts it back in WAL there and then, which is correct
// but loses the gain: a load reads what it needs before BeginBulkLoad.

// leaveWAL switches the SQLite session's connection from the write-ahead log to a
// rollback journal, when it can, and records that restore must switch back.
func (b *BulkLoad) leaveWAL(ctx context.Context) error {
	var mode string
	if err := b.conn.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return err
	}
	if !strings.EqualFold(mode, "wal") {
		return nil
	}
	b.s.read.SetMaxIdleConns(0) // closes the idle readers, which hold the file open
	if _, err := b.conn.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		b.s.read.SetMaxIdleConns(sqliteReaders)
		return err
	}
	var now string
	if err := b.conn.QueryRowContext(ctx, "PRAGMA journal_mode=DELETE").Scan(&now); err != nil || !strings.EqualFold(now, "delete") {
		// Busy: another connection has the file open. The load keeps the log.
		b.s.read.SetMaxIdleConns(sqliteReaders)
		return nil
	}
	b.journal = "WAL"
	return nil
}

// backToWAL puts the database back in WAL mode and lets the readers be kept open again.
func (b *BulkLoad) backToWAL(ctx context.Context) error {
	if b.journal == "" {
		return nil
	}
	var mode string
	if err := b.conn.QueryRowContext(ctx, "PRAGMA journal_mode="+b.journal).Scan(&mode); err != nil {
		return err
	}
	b.journal = ""
	b.s.read.SetMaxIdleConns(sqliteReaders)
	return nil
}
