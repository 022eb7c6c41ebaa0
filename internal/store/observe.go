package store

import (
	"context"
	"database/sql"
	"fmt"
)

// ObserveBatches has fn told the number of writes of every group commit of dossier
// intake, for the operator's metrics.
func (s *Store) ObserveBatches(fn func(size int)) { s.onBatch.Store(&fn) }

// PoolStats returns the statistics of the write pool and of the read pool (the same pool
// on PostgreSQL).
func (s *Store) PoolStats() (write, read sql.DBStats) {
	return s.write.Stats(), s.read.Stats()
}

// OutboxWaiting counts the messages of the outbox neither sent nor given up: the length of
// the mail queue.
func (s *Store) OutboxWaiting(ctx context.Context) (int, error) {
	row, err := s.queryRow(ctx, s.read, "OutboxWaiting")
	if err != nil {
		return 0, err
	}
	var n int
	if err := row.Scan(&n); err != nil {
		return 0, fmt.Errorf("store: outbox waiting: %w", err)
	}
	return n, nil
}
