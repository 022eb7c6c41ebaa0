package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
)

// maxBatch is the most write units that share one transaction (one disk sync).
const maxBatch = 128

// pgCommitters is how many groups are written at once on PostgreSQL, each in its own
// transaction on its own connection: while one group waits for its COMMIT (a WAL flush,
// and on a cluster the synchronous standby), the next is already being written, and
// the server flushes their commits together. Groups lock the rows they share (a unit's
// day sequence, the daily counts) each in one fixed order, so two groups never deadlock;
// one that waits for a row another holds gets its numbers after it. SQLite has one
// writer connection, so there one group is written at a time.
const pgCommitters = 4

// batchReq is one unit of work waiting for the group committer.
type batchReq struct {
	ctx context.Context
	fn  func(tx *sql.Tx) error
	// intake, when set, is the new dossier that fn writes alone; the committer writes
	// the new dossiers of a group together instead (insertNewDossiers), and falls back
	// to fn, one savepoint each, when that fails.
	intake *pendingDossier
	done   chan error
}

// committer gathers concurrent write units into one transaction (pgCommitters such
// transactions at once on PostgreSQL): each unit runs inside
// its own savepoint, so a failing unit is rolled back alone, and every caller is answered
// only after the shared COMMIT has returned — durability is the same as one transaction
// per unit, with one disk sync for the whole group (group commit).
type committer struct {
	once     sync.Once
	stopOnce sync.Once
	reqs     chan batchReq
	stop     chan struct{}
	wg       sync.WaitGroup
}

// inBatchTx runs fn in a write transaction shared with other concurrent callers, inside a
// savepoint of its own. fn must not keep results anywhere that outlives a failed call:
// inBatchTx returns nil only once the transaction holding fn's writes has committed.
func (s *Store) inBatchTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return s.inBatch(ctx, fn, nil)
}

// inBatchIntake writes a new dossier like inBatchTx, letting the committer write it
// with the other new dossiers of its group in shared multi-row statements.
func (s *Store) inBatchIntake(ctx context.Context, p *pendingDossier) error {
	return s.inBatch(ctx, func(tx *sql.Tx) error {
		return s.insertNewDossiers(ctx, tx, []*pendingDossier{p})
	}, p)
}

func (s *Store) inBatch(ctx context.Context, fn func(tx *sql.Tx) error, intake *pendingDossier) error {
	if s.singleCommit {
		return s.inTx(ctx, fn)
	}
	c := &s.batch
	c.once.Do(s.startBatch)
	req := batchReq{ctx: ctx, fn: fn, intake: intake, done: make(chan error, 1)}
	select {
	case c.reqs <- req:
	case <-c.stop:
		return errors.New("store: closed")
	case <-ctx.Done():
		return ctx.Err()
	}
	// Once handed over, the unit is committed or refused by the committer; wait for the
	// answer even if ctx ends, so that the caller never reports failure for a commit.
	return <-req.done
}

func (s *Store) startBatch() {
	c := &s.batch
	c.reqs = make(chan batchReq)
	c.stop = make(chan struct{})
	n := 1
	if s.dialect == Postgres {
		n = pgCommitters
	}
	for range n {
		c.wg.Add(1)
		go s.commitLoop()
	}
}

func (s *Store) commitLoop() {
	c := &s.batch
	defer c.wg.Done()
	for {
		var first batchReq
		select {
		case first = <-c.reqs:
		case <-c.stop:
			return
		}
		group := []batchReq{first}
	gather:
		for len(group) < maxBatch {
			select {
			case r := <-c.reqs:
				group = append(group, r)
			default:
				break gather
			}
		}
		if fn := s.onBatch.Load(); fn != nil {
			(*fn)(len(group))
		}
		s.commitGroup(group)
	}
}

// commitGroup runs a group of units in one transaction and answers each of them. A unit
// that panics is rolled back to its savepoint and answered with an internal error; a
// panic anywhere else rolls the whole transaction back and answers every unit with an
// internal error. Either way the committer goes on serving.
func (s *Store) commitGroup(group []batchReq) {
	results := make([]error, len(group))
	answered := false
	var tx *sql.Tx
	fail := func(err error) {
		answered = true
		for _, r := range group {
			r.done <- err
		}
	}
	defer func() {
		p := recover()
		if p == nil {
			return
		}
		if tx != nil {
			tx.Rollback()
		}
		if !answered {
			fail(fmt.Errorf("store: group commit panicked: %v\n%s", p, debug.Stack()))
		}
	}()
	tx, err := s.write.BeginTx(context.Background(), nil)
	if err != nil {
		fail(fmt.Errorf("store: begin: %w", err))
		return
	}
	// savepoint runs fn inside a savepoint of its own: on error only fn's writes are
	// undone. A failure of the savepoint commands themselves ends the whole group.
	savepoint := func(fn func() error) (unitErr error, ok bool) {
		if _, err := tx.Exec("SAVEPOINT unit"); err != nil {
			tx.Rollback()
			fail(fmt.Errorf("store: savepoint: %w", err))
			return nil, false
		}
		unitErr = fn()
		if unitErr != nil {
			if _, err := tx.Exec("ROLLBACK TO SAVEPOINT unit"); err != nil {
				tx.Rollback()
				fail(fmt.Errorf("store: rollback to savepoint: %w", err))
				return nil, false
			}
		}
		if _, err := tx.Exec("RELEASE SAVEPOINT unit"); err != nil {
			tx.Rollback()
			fail(fmt.Errorf("store: release savepoint: %w", err))
			return nil, false
		}
		return unitErr, true
	}
	ok := 0
	done := make([]bool, len(group))
	for i, r := range group {
		if err := r.ctx.Err(); err != nil {
			results[i] = err
			done[i] = true
		}
	}
	// First the new dossiers of the group, together: a handful of statements for the
	// whole group instead of a handful per dossier. If any of them fails, none is
	// written here, and each is written alone below, where it fails alone.
	var intake []*pendingDossier
	var intakeAt []int
	for i, r := range group {
		if !done[i] && r.intake != nil {
			intake, intakeAt = append(intake, r.intake), append(intakeAt, i)
		}
	}
	shared := func() error {
		return runUnit(tx, func(tx *sql.Tx) error { return s.insertNewDossiers(context.Background(), tx, intake) })
	}
	switch {
	case len(intake) > 1 && len(intake) == len(group):
		// A group of new dossiers only (the usual one): no savepoint, two round trips
		// fewer. If the shared write fails, the transaction is started again, empty,
		// for the one-by-one writes below.
		if err := shared(); err != nil {
			tx.Rollback()
			if tx, err = s.write.BeginTx(context.Background(), nil); err != nil {
				fail(fmt.Errorf("store: begin: %w", err))
				return
			}
			break
		}
		for _, i := range intakeAt {
			done[i] = true
			ok++
		}
	case len(intake) > 1:
		err, alive := savepoint(shared)
		if !alive {
			return
		}
		if err == nil {
			for _, i := range intakeAt {
				done[i] = true
				ok++
			}
		}
	}
	// Then every other unit, and the new dossiers whose shared write failed, one
	// savepoint each.
	for i, r := range group {
		if done[i] {
			continue
		}
		err, alive := savepoint(func() error { return runUnit(tx, r.fn) })
		if !alive {
			return
		}
		results[i] = err
		if err == nil {
			ok++
		}
	}
	if ok == 0 {
		tx.Rollback()
	} else if err := tx.Commit(); err != nil {
		cerr := s.mapErr("commit", err)
		for i := range results {
			if results[i] == nil {
				results[i] = cerr
			}
		}
	}
	answered = true
	for i, r := range group {
		r.done <- results[i]
	}
	s.prepareWanted(context.Background())
}

// runUnit runs one unit of a group, turning a panic into an internal error.
func runUnit(tx *sql.Tx, fn func(tx *sql.Tx) error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("store: write unit panicked: %v\n%s", p, debug.Stack())
		}
	}()
	return fn(tx)
}

// closeBatch stops the committer after the group in progress.
func (s *Store) closeBatch() {
	c := &s.batch
	c.once.Do(s.startBatch)
	c.stopOnce.Do(func() { close(c.stop) })
	c.wg.Wait()
}
