package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"motcua/internal/dossier"
	"motcua/internal/report"
)

// ReportDossiers returns the summaries of the dossiers received by the unit (and, with
// subtree, by every unit below it) that count in a report over the period: those whose
// clock started before the period ends and that had not finished before it began
// (report.ClassifyII06a decides the rest). Newest first.
func (s *Store) ReportDossiers(ctx context.Context, unit string, subtree bool, p report.Period) ([]report.Dossier, error) {
	start, end := p.Start().UTC(), p.End().UTC()
	rows, err := s.query(ctx, s.read, "ReportDossiers", unit, flag(subtree), start, end, start, start, start)
	if err != nil {
		return nil, err
	}
	out, _, err := s.scanSummaries(ctx, rows)
	return out, err
}

// DossierFilter selects dossiers for the officers' list (GET /api/v1/dossiers).
type DossierFilter struct {
	// Unit is the receiving unit; Subtree adds every unit below it.
	Unit    string
	Subtree bool
	// ReceivedFrom and ReceivedTo bound the instant the clock started: at or after
	// ReceivedFrom, before ReceivedTo; zero for no bound. A bound excludes dossiers whose
	// clock never started.
	ReceivedFrom, ReceivedTo time.Time
	Status                   dossier.Status
	FieldCode                string
	// Q matches part of the dossier code or a whole procedure code, ignoring case.
	Q string
	// After is the ID of the last dossier of the previous page (0 for the first page).
	After int64
	// Limit is 1–1000.
	Limit int
}

// Keeps reports whether the summary matches the filter's unit-independent conditions
// (dates, status, field, text) the way DossierList's query does, for lists made in Go.
func (f DossierFilter) Keeps(d report.Dossier) bool {
	if (!f.ReceivedFrom.IsZero() || !f.ReceivedTo.IsZero()) && d.ReceivedAt.IsZero() {
		return false
	}
	q := strings.ToUpper(strings.TrimSpace(f.Q))
	switch {
	case !f.ReceivedFrom.IsZero() && d.ReceivedAt.Before(f.ReceivedFrom),
		!f.ReceivedTo.IsZero() && !d.ReceivedAt.Before(f.ReceivedTo),
		f.Status != "" && d.Status != f.Status,
		f.FieldCode != "" && d.FieldCode != f.FieldCode,
		q != "" && !strings.Contains(d.Code, q) && d.ProcedureCode != q:
		return false
	}
	return true
}

// DossierList returns up to f.Limit dossiers of the filter, newest first, and the ID
// to pass as After for the next page (0 on the last page).
func (s *Store) DossierList(ctx context.Context, f DossierFilter) ([]report.Dossier, int64, error) {
	if f.Limit < 1 || f.Limit > 1000 {
		return nil, 0, fmt.Errorf("store: dossier list: limit %d out of range", f.Limit)
	}
	q := strings.ToUpper(strings.TrimSpace(f.Q))
	like := "%" + strings.NewReplacer("!", "!!", "%", "!%", "_", "!_").Replace(q) + "%"
	args := []any{f.Unit, flag(f.Subtree),
		flag(!f.ReceivedFrom.IsZero()), f.ReceivedFrom.UTC(), flag(!f.ReceivedTo.IsZero()), f.ReceivedTo.UTC(),
		string(f.Status), string(f.Status), f.FieldCode, f.FieldCode, q, like, q,
		flag(f.After > 0), f.After, f.Limit + 1}
	rows, err := s.query(ctx, s.read, "DossierList", args...)
	if err != nil {
		return nil, 0, err
	}
	out, ids, err := s.scanSummaries(ctx, rows)
	if err != nil {
		return nil, 0, err
	}
	if len(out) <= f.Limit {
		return out, 0, nil
	}
	return out[:f.Limit], ids[f.Limit-1], nil
}

// scanSummaries reads summary rows and their IDs. The original (legal) appointment is the
// projection's original_due_at column, kept with every event; a dossier is extended when
// its appointment in force differs from it.
func (s *Store) scanSummaries(ctx context.Context, rows *sql.Rows) ([]report.Dossier, []int64, error) {
	defer rows.Close()
	out := []report.Dossier{}
	var ids []int64
	for rows.Next() {
		var (
			d               report.Dossier
			id              int64
			channel, status string
			rec, due, fin   sql.NullTime
			orig            sql.NullTime
			extended        int
		)
		if err := rows.Scan(&id, &d.Code, &d.UnitCode, &d.ProcedureCode, &d.FieldCode, &channel, &status,
			&rec, &due, &fin, &d.Supplements, &orig, &extended); err != nil {
			return nil, nil, fmt.Errorf("store: dossier summaries: %w", err)
		}
		d.Channel, d.Status = dossier.Channel(channel), dossier.Status(status)
		d.ReceivedAt, d.DueAt, d.FinishedAt = timeOf(rec), timeOf(due), timeOf(fin)
		d.OriginalDueAt, d.Extended = timeOf(orig), extended == 1
		if d.OriginalDueAt.IsZero() {
			d.OriginalDueAt = d.DueAt
		}
		out = append(out, d)
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("store: dossier summaries: %w", err)
	}
	return out, ids, nil
}

// flag is a boolean as a query parameter both databases compare with 0 and 1.
func flag(b bool) int {
	if b {
		return 1
	}
	return 0
}
