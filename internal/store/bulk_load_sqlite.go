package store

import (
	"context"
	"strconv"
	"strings"
)

// Rows per prepared INSERT on SQLite, under its limit of 32,766 bound values.
const (
	bulkDossierRows = 400
	bulkEventRows   = 2000
	bulkPaymentRows = 800
	bulkOtherRows   = 500
)

// writeSQLite writes one encoded batch inside the session's open transaction. Holding
// the only write connection, it numbers the dossier rows itself after the highest id.
func (b *BulkLoad) writeSQLite(ctx context.Context, batch *BulkBatch, pins *textPins) error {
	cols, err := b.s.insertColumns("DossierInsert")
	if err != nil {
		return err
	}
	var base int64
	if err := b.conn.QueryRowContext(ctx, "SELECT COALESCE(MAX(id), 0) FROM dossiers").Scan(&base); err != nil {
		return b.s.mapErr("DossierImport", err)
	}
	batch.setIDs(func(i int) int64 { return base + int64(i) + 1 })
	if err := batch.pin(ctx, pins); err != nil {
		return err
	}
	more := batch.more
	steps := []struct {
		table string
		cols  []string
		rows  [][]any
		per   int
	}{
		{"dossiers", append([]string{"id"}, cols...), batch.dossiers, bulkDossierRows},
		{"dossier_events", eventColumns, more.events, bulkEventRows},
		{"payments", paymentColumns, more.payments, bulkPaymentRows},
	}
	for _, s := range steps {
		build := func(n int) (string, error) { return insertText(s.table, s.cols, n), nil }
		if err := b.execRows(ctx, s.table, build, s.rows, s.per); err != nil {
			return err
		}
	}
	for name, rows := range map[string][][]any{
		"SandboxLedgerImport":  more.ledger,
		"ReceiptSequenceRaise": receiptRows(more.receipts),
		"DossierSequenceRaise": sequenceRows(batch.last),
	} {
		build := func(n int) (string, error) {
			head, tail, err := b.s.bulkText(name, n, len(rows[0]))
			return head + tail, err
		}
		if err := b.execRows(ctx, name, build, rows, bulkOtherRows); err != nil {
			return err
		}
	}
	// The reports' daily counts, in the same transaction as the dossiers (counts.go),
	// through statements prepared once per text (the text depends only on the rows).
	for _, st := range batch.counts {
		if err := b.execPrepared(ctx, "DossierCountsAdd", st.text, st.args); err != nil {
			return err
		}
	}
	return nil
}

// execPrepared runs text with args through a statement prepared once for the session.
func (b *BulkLoad) execPrepared(ctx context.Context, key, text string, args []any) error {
	st := b.stmts[text]
	if st == nil {
		var err error
		if st, err = b.conn.PrepareContext(ctx, text); err != nil {
			return b.s.mapErr(key, err)
		}
		b.stmts[text] = st
	}
	if _, err := st.ExecContext(ctx, args...); err != nil {
		return b.s.mapErr(key, err)
	}
	return nil
}

// execRows runs rows through prepared multi-row statements of per rows (and one for the
// remainder), kept for the whole session. The rows' text was checked by encodeBatch.
func (b *BulkLoad) execRows(ctx context.Context, key string, build func(n int) (string, error), rows [][]any, per int) error {
	var args []any
	for start := 0; start < len(rows); start += per {
		part := rows[start:min(start+per, len(rows))]
		name := key + "/" + strconv.Itoa(len(part))
		st := b.stmts[name]
		if st == nil {
			text, err := build(len(part))
			if err != nil {
				return err
			}
			if st, err = b.conn.PrepareContext(ctx, text); err != nil {
				return b.s.mapErr(key, err)
			}
			b.stmts[name] = st
		}
		args = args[:0]
		for _, r := range part {
			args = append(args, r...)
		}
		if _, err := st.ExecContext(ctx, args...); err != nil {
			return b.s.mapErr(key, err)
		}
	}
	return nil
}

// insertText is INSERT INTO table (cols) VALUES with n tuples of placeholders.
func insertText(table string, cols []string, n int) string {
	tuple := "(" + strings.Repeat("?, ", len(cols)-1) + "?)"
	var sb strings.Builder
	sb.Grow(n*(len(tuple)+1) + 200)
	sb.WriteString("INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ")
	for i := range n {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(tuple)
	}
	return sb.String()
}
