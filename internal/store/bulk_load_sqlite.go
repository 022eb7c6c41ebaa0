package store

import (
	"context"
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"
	"time"
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
	// The rows go through the driver's own statements: database/sql would check, convert
	// and copy every argument of each statement first (16,000 for 400 dossiers).
	return b.conn.Raw(func(dc any) error {
		w := rawWriter{b: b, conn: dc}
		return w.write(ctx, batch, cols)
	})
}

// rawWriter writes a batch's rows on the session's driver connection (sql.Conn.Raw),
// through statements prepared once for the session, with one argument slice reused.
type rawWriter struct {
	b    *BulkLoad
	conn any
	args []driver.NamedValue
}

func (w *rawWriter) write(ctx context.Context, batch *BulkBatch, cols []string) error {
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
		if err := w.execRows(ctx, s.table, build, s.rows, s.per); err != nil {
			return err
		}
	}
	for name, rows := range map[string][][]any{
		"SandboxLedgerImport":  more.ledger,
		"ReceiptSequenceRaise": receiptRows(more.receipts),
		"DossierSequenceRaise": sequenceRows(batch.last),
	} {
		build := func(n int) (string, error) {
			head, tail, err := w.b.s.bulkText(name, n, len(rows[0]))
			return head + tail, err
		}
		if err := w.execRows(ctx, name, build, rows, bulkOtherRows); err != nil {
			return err
		}
	}
	// The reports' daily counts, in the same transaction as the dossiers (counts.go),
	// through statements prepared once per text (the text depends only on the rows).
	for _, st := range batch.counts {
		text := func() (string, error) { return st.text, nil }
		if err := w.exec(ctx, "DossierCountsAdd", st.text, text, [][]any{st.args}); err != nil {
			return err
		}
	}
	return nil
}

// execRows runs rows through prepared multi-row statements of per rows (and one for the
// remainder), kept for the whole session. The rows' text was checked by encodeBatch.
func (w *rawWriter) execRows(ctx context.Context, key string, build func(n int) (string, error), rows [][]any, per int) error {
	for start := 0; start < len(rows); start += per {
		part := rows[start:min(start+per, len(rows))]
		text := func() (string, error) { return build(len(part)) }
		if err := w.exec(ctx, key, key+"/"+strconv.Itoa(len(part)), text, part); err != nil {
			return err
		}
	}
	return nil
}

// exec runs the statement named name (of the text given by text, prepared the first
// time) with the rows' values as its arguments, in order.
func (w *rawWriter) exec(ctx context.Context, key, name string, text func() (string, error), rows [][]any) error {
	st := w.b.stmts[name]
	if st == nil {
		text, err := text()
		if err != nil {
			return err
		}
		prep, ok := w.conn.(driver.ConnPrepareContext)
		if !ok {
			return fmt.Errorf("store: bulk load: the SQLite driver %T cannot prepare with a context", w.conn)
		}
		if st, err = prep.PrepareContext(ctx, text); err != nil {
			return w.b.s.mapErr(key, err)
		}
		w.b.stmts[name] = st
	}
	w.args = w.args[:0]
	for _, r := range rows {
		for _, v := range r {
			dv, err := driverValue(v)
			if err != nil {
				return fmt.Errorf("store: %s: %w", key, err)
			}
			w.args = append(w.args, driver.NamedValue{Ordinal: len(w.args) + 1, Value: dv})
		}
	}
	ex, ok := st.(driver.StmtExecContext)
	if !ok {
		return fmt.Errorf("store: bulk load: the SQLite driver's statement %T cannot execute with a context", st)
	}
	if _, err := ex.ExecContext(ctx, w.args); err != nil {
		return w.b.s.mapErr(key, err)
	}
	return nil
}

// driverValue is v as a driver takes it: the usual types as they are, the rest (named
// string and integer types) through database/sql's own conversion.
func driverValue(v any) (driver.Value, error) {
	switch v := v.(type) {
	case nil, string, int64, time.Time, []byte, float64, bool:
		return v, nil
	case int:
		return int64(v), nil
	}
	return driver.DefaultParameterConverter.ConvertValue(v)
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
