package store

import (
	"context"
	"fmt"
	"time"
)

// DossierSequences returns the last dossier number given at the unit on each receipt day
// (keyed YYMMDD, as in the codes), so that a bulk import can continue every day's
// sequence without a gap (số thứ tự liên tục trong ngày).
func (s *Store) DossierSequences(ctx context.Context, unit string) (map[string]int, error) {
	rows, err := s.query(ctx, s.read, "DossierSequencesOfUnit", unit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var day string
		var last int
		if err := rows.Scan(&day, &last); err != nil {
			return nil, fmt.Errorf("store: dossier sequences: %w", err)
		}
		out[day] = last
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: dossier sequences: %w", err)
	}
	return out, nil
}

// DossierBookCount returns how many dossiers the unit received in [from, to).
func (s *Store) DossierBookCount(ctx context.Context, unit string, from, to time.Time) (int, error) {
	var n int
	err := s.row(ctx, s.read, "", "DossierBookCount", []any{unit, from.UTC(), to.UTC()}, &n)
	return n, err
}

// DossierBookPage returns at most limit dossiers of the book of [from, to), in order of
// receipt, after the first offset: one volume (quyển) of the book.
func (s *Store) DossierBookPage(ctx context.Context, unit string, from, to time.Time, offset, limit int) ([]BookEntry, error) {
	rows, err := s.query(ctx, s.read, "DossierBookPage", unit, from.UTC(), to.UTC(), limit, offset)
	if err != nil {
		return nil, err
	}
	return scanBook(rows)
}

// ReceiptSequences returns the last receipt number (số biên lai) given at the unit in
// each year, so that a bulk import can continue every year's numbering without a gap.
func (s *Store) ReceiptSequences(ctx context.Context, unit string) (map[int]int, error) {
	rows, err := s.query(ctx, s.read, "ReceiptSequencesOfUnit", unit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int]int{}
	for rows.Next() {
		var year, last int
		if err := rows.Scan(&year, &last); err != nil {
			return nil, fmt.Errorf("store: receipt sequences: %w", err)
		}
		out[year] = last
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: receipt sequences: %w", err)
	}
	return out, nil
}
