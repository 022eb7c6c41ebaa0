package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// importBatchCopy is importBatch on PostgreSQL with COPY (pgx CopyFrom), several times
// faster than multi-row INSERTs for large imports: the batch's dossier IDs are taken from
// the table's identity sequence first, then the dossiers and their events are copied and
// the daily sequences raised, all in one transaction.
func (s *Store) importBatchCopy(ctx context.Context, ds []ImportedDossier) error {
	last := map[seqKey]int{}
	for _, d := range ds {
		k, seq, err := d.check()
		if err != nil {
			return err
		}
		last[k] = max(last[k], seq)
	}
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
		rows, err := tx.Query(ctx, `SELECT nextval(pg_get_serial_sequence('dossiers', 'id')) FROM generate_series(1, $1)`, len(ds))
		if err != nil {
			return s.mapErr("DossierImport", err)
		}
		ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil || len(ids) != len(ds) {
			return fmt.Errorf("store: import: dossier ids: %v", err)
		}
		drows := make([][]any, len(ds))
		var erows [][]any
		for i, d := range ds {
			row, err := dossierRow(d)
			if err != nil {
				return err
			}
			drows[i] = append([]any{ids[i]}, row...)
			for _, e := range d.Dossier.Events {
				payload, err := json.Marshal(e)
				if err != nil {
					return fmt.Errorf("store: dossier event: %w", err)
				}
				erows = append(erows, []any{ids[i], e.Seq, string(e.Action), e.Actor, string(e.Role), e.Unit, e.At.UTC(), string(payload)})
			}
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"dossiers"}, append([]string{"id"}, cols...), pgx.CopyFromRows(drows)); err != nil {
			return s.mapErr("DossierImport", err)
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"dossier_events"},
			[]string{"dossier_id", "seq", "action", "actor", "role", "unit", "at", "payload"}, pgx.CopyFromRows(erows)); err != nil {
			return s.mapErr("DossierImport", err)
		}
		raise, err := s.q("DossierSequenceRaise")
		if err != nil {
			return err
		}
		for k, n := range last {
			if _, err := tx.Exec(ctx, raise, k.unit, k.day, n); err != nil {
				return s.mapErr("DossierSequenceRaise", err)
			}
		}
		counts, err := s.countStatements(importedCounts(ds))
		if err != nil {
			return err
		}
		for _, st := range counts {
			if _, err := tx.Exec(ctx, st.text, st.args...); err != nil {
				return s.mapErr("DossierCountsAdd", err)
			}
		}
		if err := tx.Commit(ctx); err != nil {
			return s.mapErr("DossierImport", err)
		}
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
