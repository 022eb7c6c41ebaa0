package store

import (
	"context"
	"database/sql"
)

// Access to the store's internals for the tests of this directory only.

// WriteDB is the write pool, for tests that must put the database into a state the store
// itself never produces.
func (s *Store) WriteDB() *sql.DB { return s.write }

// InBatchTx is the group committer's entry (inBatchTx).
func (s *Store) InBatchTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return s.inBatchTx(ctx, fn)
}

// FillFoldedNames is the fill of the applicants' search names after migration 7.
func (s *Store) FillFoldedNames(ctx context.Context) error { return s.fillFoldedNames(ctx) }
