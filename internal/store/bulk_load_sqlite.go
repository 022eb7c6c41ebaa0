package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
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

// writeSQLite writes one batch inside the session's open transaction. Holding the only
// write connection, it numbers the dossier rows itself after the highest id.
func (b *BulkLoad) writeSQLite(ctx context.Context, ds []ImportedDossier) error {
	last := map[seqKey]int{}
	for _, d := range ds {
		k, seq, err := d.check()
		if err != nil {
			return err
		}
		last[k] = max(last[k], seq)
	}
	cols, err := b.s.insertColumns("DossierInsert")
	if err != nil {
		return err
	}
	var base int64
	if err := b.conn.QueryRowContext(ctx, "SELECT COALESCE(MAX(id), 0) FROM dossiers").Scan(&base); err != nil {
		return b.s.mapErr("DossierImport", err)
	}
	rows := make([][]any, len(ds))
	var more importRows
	for i, d := range ds {
		row, err := dossierRow(d)
		if err != nil {
			return err
		}
		id := base + int64(i) + 1
		rows[i] = append([]any{id}, row...)
		if err := more.add(d, id); err != nil {
			return err
		}
	}
	steps := []struct {
		table string
		cols  []string
		rows  [][]any
		per   int
	}{
		{"dossiers", append([]string{"id"}, cols...), rows, bulkDossierRows},
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
		"DossierSequenceRaise": sequenceRows(last),
	} {
		build := func(n int) (string, error) {
			head, tail, err := b.s.bulkText(name, n, len(rows[0]))
			return head + tail, err
		}
		if err := b.execRows(ctx, name, build, rows, bulkOtherRows); err != nil {
			return err
		}
	}
	// The reports' daily counts, in the same transaction as the dossiers (counts.go).
	counts, err := b.s.countStatements(importedCounts(ds))
	if err != nil {
		return err
	}
	for _, st := range counts {
		if _, err := b.conn.ExecContext(ctx, st.text, st.args...); err != nil {
			return b.s.mapErr("DossierCountsAdd", err)
		}
	}
	return nil
}

// execRows runs rows through prepared multi-row statements of per rows (and one for the
// remainder), kept for the whole session.
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
		if err := checkArgs(args); err != nil {
			return err
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

// dropIndexes drops the secondary indexes of the written tables (not those that enforce
// a key), after recording their definitions.
func (b *BulkLoad) dropIndexes(ctx context.Context) error {
	rows, err := b.conn.QueryContext(ctx, `SELECT name, sql FROM sqlite_master
		WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('`+strings.Join(bulkTables, "', '")+`') ORDER BY name`)
	if err != nil {
		return err
	}
	var idx []savedIndex
	for rows.Next() {
		var i savedIndex
		if err := rows.Scan(&i.name, &i.sql); err != nil {
			rows.Close()
			return err
		}
		idx = append(idx, i)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	defs := map[string]string{}
	for _, i := range idx {
		defs[i.name] = i.sql
	}
	saved, err := json.Marshal(defs)
	if err != nil {
		return err
	}
	put, err := b.s.q("SettingPut")
	if err != nil {
		return err
	}
	if _, err := b.conn.ExecContext(ctx, put, bulkIndexSetting, string(saved)); err != nil {
		return err
	}
	for _, i := range idx {
		if _, err := b.conn.ExecContext(ctx, `DROP INDEX IF EXISTS "`+i.name+`"`); err != nil {
			return err
		}
	}
	b.indexes = idx
	return nil
}

// rebuildIndexes creates again the indexes that a session (this one or an interrupted
// one) dropped, then forgets them.
func (b *BulkLoad) rebuildIndexes(ctx context.Context) error {
	get, err := b.s.q("SettingGet")
	if err != nil {
		return err
	}
	var saved string
	switch err := b.conn.QueryRowContext(ctx, get, bulkIndexSetting).Scan(&saved); {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return err
	}
	defs := map[string]string{}
	if saved != "" {
		if err := json.Unmarshal([]byte(saved), &defs); err != nil {
			return fmt.Errorf("dropped indexes: %w", err)
		}
	}
	for _, def := range defs {
		text, ok := strings.CutPrefix(def, "CREATE INDEX ")
		if !ok {
			return fmt.Errorf("dropped index: unexpected definition %q", def)
		}
		if _, err := b.conn.ExecContext(ctx, "CREATE INDEX IF NOT EXISTS "+text); err != nil {
			return err
		}
	}
	put, err := b.s.q("SettingPut")
	if err != nil {
		return err
	}
	_, err = b.conn.ExecContext(ctx, put, bulkIndexSetting, "")
	b.indexes = nil
	return err
}
