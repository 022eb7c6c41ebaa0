package store

import (
	"context"
	"fmt"
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
