package store

import (
	"context"
	"fmt"
	"time"
)

// CountHit counts one request of the client key in the scope's window starting at start
// and returns the number of requests counted in that window so far, across every server
// sharing the database.
func (s *Store) CountHit(ctx context.Context, scope, key string, start time.Time) (int, error) {
	row, err := s.queryRow(ctx, s.write, "RateHit", scope, key, start.UTC())
	if err != nil {
		return 0, err
	}
	var n int
	if err := row.Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count hit: %w", err)
	}
	return n, nil
}

// PurgeHits deletes the counting windows that started before the instant.
func (s *Store) PurgeHits(ctx context.Context, before time.Time) error {
	_, err := s.exec(ctx, s.write, "RateHitsPurge", before.UTC())
	return err
}
