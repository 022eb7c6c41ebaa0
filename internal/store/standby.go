package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"motcua/internal/fault"
)

// standbyPause is how long a standby that failed to answer is left alone: the reads meant
// for it go to the primary meanwhile, without each waiting for a connection to fail.
const standbyPause = 5 * time.Second

// standbyState is what a store with a read URL (Config.ReadURL) knows of its standby.
type standbyState struct {
	// view reads from the standby (Standby).
	view *Store
	// pausedUntil is when the standby is tried again after a failure, in Unix
	// nanoseconds; zero when it is not paused.
	pausedUntil atomic.Int64
}

// openStandby opens the pool of the read URL, a PostgreSQL standby (bản sao chỉ đọc), and
// the view that reads from it. Nothing is connected yet: a standby that is down when the
// server starts only sends the reads to the primary.
func (s *Store) openStandby(url string) error {
	if s.dialect != Postgres {
		return errors.New("store: a read URL needs a PostgreSQL primary")
	}
	if !strings.HasPrefix(url, "postgres://") && !strings.HasPrefix(url, "postgresql://") {
		return errors.New("store: the read URL must be a postgres:// URL")
	}
	// The standby's pool: writes never use it (the view writes to the primary's pool).
	read, err := openPostgres(url)
	if err != nil {
		return err
	}
	s.standby = &standbyState{view: &Store{
		dialect: Postgres, write: s.write, read: read.read, queries: s.queries, now: s.now,
		location: redact(url), singleCommit: s.singleCommit,
	}}
	return nil
}

// Standby is a view of the store whose reads go to the standby of Config.ReadURL, for
// read-only use cases that tolerate the standby's lag (a public lookup, reports,
// published results and rankings); its writes still go to the primary. It is nil when no
// read URL is configured, and nil while the standby is paused after a failure
// (StandbyFailed), so that callers use the primary meanwhile.
func (s *Store) Standby() *Store {
	if s.standby == nil {
		return nil
	}
	if until := s.standby.pausedUntil.Load(); until != 0 && time.Now().UnixNano() < until {
		return nil
	}
	return s.standby.view
}

// HasStandby reports whether a read URL is configured.
func (s *Store) HasStandby() bool { return s.standby != nil }

// StandbyFailed reports whether err, returned by a read on the Standby view, means the
// standby could not answer, so that the caller should ask the primary instead:
//
//   - unavailable or internal (the standby is down, refuses connections, is not a
//     standby of target_session_attrs, or failed otherwise): the standby is also left
//     alone for a few seconds (standbyPause);
//   - not found (a lagging standby may not have a row the primary has yet), and conflict
//     (a read cancelled by the standby's replay): the standby itself is well.
//
// The caller's own cancellation and every other answer of the domain (invalid,
// forbidden, …) are not failures of the standby.
func (s *Store) StandbyFailed(ctx context.Context, err error) bool {
	if err == nil || s.standby == nil || ctx.Err() != nil {
		return false
	}
	switch fault.CodeOf(err) {
	case fault.NotFound, fault.Conflict:
		return true
	case fault.Unavailable, fault.Internal:
		s.standby.pausedUntil.Store(time.Now().Add(standbyPause).UnixNano())
		return true
	}
	return false
}

// closeStandby releases the standby's pool and the view's prepared statements.
func (s *Store) closeStandby() error {
	if s.standby == nil {
		return nil
	}
	v := s.standby.view
	v.closeBatch()
	v.closeStmts()
	if err := v.read.Close(); err != nil {
		return fmt.Errorf("store: close standby: %w", err)
	}
	return nil
}
