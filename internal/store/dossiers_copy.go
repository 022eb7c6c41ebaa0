package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// importBatchCopy is importBatch on PostgreSQL with COPY (pgx CopyFrom), several times
// faster than multi-row INSERTs for large imports: the batch's dossier IDs are taken from
// the table's identity sequence first, then the dossiers, their events and their payments
// are copied, the sandbox ledger written and the daily and receipt sequences raised, all
// in one transaction.
//
// A relaxed import (a BulkLoad) does not wait for the commit to reach the disk
// (synchronous_commit off): a crash may lose its last transactions, never corrupt them.
func (s *Store) importBatchCopy(ctx context.Context, ds []ImportedDossier, relaxed bool) error {
	batch, err := s.encodeBatch(ds)
	if err != nil {
		return err
	}
	return s.copyBatch(ctx, batch, relaxed)
}

// copyBatch writes an encoded batch with COPY in one transaction (importBatchCopy).
func (s *Store) copyBatch(ctx context.Context, batch *BulkBatch, relaxed bool) error {
	cols, err := s.insertColumns("DossierInsert")
	if err != nil {
		return err
	}
	conn, err := s.write.Conn(ctx)
	if err != nil {
		return fmt.Errorf("store: import: %w", err)
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("store: import: not a pgx connection")
		}
		tx, err := c.Conn().Begin(ctx)
		if err != nil {
			return s.mapErr("DossierImport", err)
		}
		defer tx.Rollback(ctx)
		if relaxed {
			if _, err := tx.Exec(ctx, "SET LOCAL synchronous_commit = off"); err != nil {
				return s.mapErr("DossierImport", err)
			}
		}
		rows, err := tx.Query(ctx, `SELECT nextval(pg_get_serial_sequence('dossiers', 'id')) FROM generate_series(1, $1)`, batch.Len())
		if err != nil {
			return s.mapErr("DossierImport", err)
		}
		ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil || len(ids) != batch.Len() {
			return fmt.Errorf("store: import: dossier ids: %v", err)
		}
		batch.setIDs(func(i int) int64 { return ids[i] })
		pins := s.pinsFor(func(ctx context.Context, query string, args ...any) rowScanner {
			return tx.QueryRow(ctx, query, args...)
		})
		if err := batch.pin(ctx, pins); err != nil {
			return err
		}
		drows, more := batch.dossiers, batch.more
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"dossiers"}, append([]string{"id"}, cols...), pgx.CopyFromRows(drows)); err != nil {
			return s.mapErr("DossierImport", err)
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"dossier_events"}, eventColumns, pgx.CopyFromRows(more.events)); err != nil {
			return s.mapErr("DossierImport", err)
		}
		if len(more.payments) > 0 {
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{"payments"}, paymentColumns, pgx.CopyFromRows(more.payments)); err != nil {
				return s.mapErr("PaymentImport", err)
			}
		}
		// The sandbox ledger skips transaction numbers it already holds, which COPY
		// cannot: those few rows go through INSERT … ON CONFLICT DO NOTHING.
		if err := s.pgBulkExec(ctx, tx, "SandboxLedgerImport", more.ledger); err != nil {
			return err
		}
		if err := s.pgBulkExec(ctx, tx, "ReceiptSequenceRaise", receiptRows(more.receipts)); err != nil {
			return err
		}
		if err := s.pgBulkExec(ctx, tx, "DossierSequenceRaise", sequenceRows(batch.last)); err != nil {
			return err
		}
		for _, st := range batch.counts {
			if _, err := tx.Exec(ctx, st.text, st.args...); err != nil {
				return s.mapErr("DossierCountsAdd", err)
			}
		}
		if err := tx.Commit(ctx); err != nil {
			return s.mapErr("DossierImport", err)
		}
		pins.publish()
		return nil
	})
}

// insertColumns returns the column list of a named single-row INSERT.
func (s *Store) insertColumns(name string) ([]string, error) {
	text, err := s.q(name)
	if err != nil {
		return nil, err
	}
	open, end := strings.IndexByte(text, '('), strings.IndexByte(text, ')')
	if open < 0 || end < open {
		return nil, fmt.Errorf("store: query %s has no column list", name)
	}
	var cols []string
	for _, c := range strings.Split(text[open+1:end], ",") {
		cols = append(cols, strings.TrimSpace(c))
	}
	return cols, nil
}

// pgBulkExec runs the named single-row INSERT over rows inside a pgx transaction, a few
// hundred rows per statement.
func (s *Store) pgBulkExec(ctx context.Context, tx pgx.Tx, name string, rows [][]any) error {
	const per = 500
	for start := 0; start < len(rows); start += per {
		part := rows[start:min(start+per, len(rows))]
		head, tail, err := s.bulkText(name, len(part), len(part[0]))
		if err != nil {
			return err
		}
		args := flat(part)
		if err := checkArgs(args); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, head+tail, args...); err != nil {
			return s.mapErr(name, err)
		}
	}
	return nil
}

// sequenceRows returns the DossierSequenceRaise rows of the highest numbers, in key order
// so that concurrent imports lock shared rows in the same order.
func sequenceRows(last map[seqKey]int) [][]any {
	rows := make([][]any, 0, len(last))
	for k, n := range last {
		rows = append(rows, []any{k.unit, k.day, n})
	}
	slices.SortFunc(rows, func(a, b []any) int {
		return cmp.Or(cmp.Compare(a[0].(string), b[0].(string)), cmp.Compare(a[1].(string), b[1].(string)))
	})
	return rows
}

// receiptRows returns the ReceiptSequenceRaise rows of the highest receipt numbers, in
// key order.
func receiptRows(last map[receiptKey]int) [][]any {
	rows := make([][]any, 0, len(last))
	for k, n := range last {
		rows = append(rows, []any{k.unit, k.year, n})
	}
	slices.SortFunc(rows, func(a, b []any) int {
		return cmp.Or(cmp.Compare(a[0].(string), b[0].(string)), cmp.Compare(a[1].(int), b[1].(int)))
	})
	return rows
}
