package store

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache keeps prepared statements of the named queries run outside transactions, so
// that hot reads (a public lookup, a token check) are not parsed and planned again on
// every call. database/sql prepares them again on each pooled connection as needed.
type stmtCache struct {
	mu sync.RWMutex
	m  map[stmtKey]*sql.Stmt
	// wanted are the statements transactions would have used: key → text, or "" for
	// the named query of that name.
	wanted map[string]string
}

type stmtKey struct {
	db   *sql.DB
	name string
}

// stmt returns the prepared statement of the named query on db.
func (s *Store) stmt(ctx context.Context, db *sql.DB, name string) (*sql.Stmt, error) {
	k := stmtKey{db, name}
	c := &s.stmts
	c.mu.RLock()
	st, ok := c.m[k]
	c.mu.RUnlock()
	if ok {
		return st, nil
	}
	text, err := s.q(name)
	if err != nil {
		return nil, err
	}
	return s.prepared(ctx, db, name, text)
}

// prepared returns the statement of text prepared on db, kept under the key name.
func (s *Store) prepared(ctx context.Context, db *sql.DB, name, text string) (*sql.Stmt, error) {
	k := stmtKey{db, name}
	c := &s.stmts
	// Prepare without holding the lock: on SQLite preparing on the write pool waits for
	// its only connection, which a transaction calling txStmt may hold.
	st, err := db.PrepareContext(ctx, text)
	if err != nil {
		return nil, s.mapErr(name, err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if prev, ok := c.m[k]; ok {
		st.Close()
		return prev, nil
	}
	if c.m == nil {
		c.m = map[stmtKey]*sql.Stmt{}
	}
	c.m[k] = st
	return st, nil
}

// closeStmts releases every prepared statement.
func (s *Store) closeStmts() {
	c := &s.stmts
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	c.m = nil
}

// txStmt returns, on SQLite, the write pool's prepared statement of the named query bound
// to the transaction db (all transactions run on the single writer connection, so the
// statement is reused, not prepared again), and nil for anything else. PostgreSQL's
// driver already keeps its own statement cache per connection.
//
// A statement cannot be prepared on the write pool while a transaction holds its only
// connection: a missing one is noted and prepared by prepareWanted after the transaction.
func (s *Store) txStmt(ctx context.Context, db querier, name string) (*sql.Stmt, error) {
	return s.txStmtText(ctx, db, name, "")
}

// txStmtText is txStmt for a statement whose text is built at run time (a multi-row
// INSERT of a given number of rows), kept under the key name; text "" is the named
// query name.
func (s *Store) txStmtText(ctx context.Context, db querier, name, text string) (*sql.Stmt, error) {
	tx, ok := db.(*sql.Tx)
	if !ok || s.dialect != SQLite {
		return nil, nil
	}
	k := stmtKey{s.write, name}
	c := &s.stmts
	c.mu.RLock()
	st, ok := c.m[k]
	c.mu.RUnlock()
	if !ok {
		c.mu.Lock()
		if c.wanted == nil {
			c.wanted = map[string]string{}
		}
		c.wanted[name] = text
		c.mu.Unlock()
		return nil, nil
	}
	return tx.StmtContext(ctx, st), nil
}

// prepareWanted prepares on the write pool the statements that transactions asked for;
// it runs when no transaction holds the writer connection.
func (s *Store) prepareWanted(ctx context.Context) {
	c := &s.stmts
	c.mu.Lock()
	names := c.wanted
	c.wanted = nil
	c.mu.Unlock()
	for name, text := range names {
		if text == "" {
			s.stmt(ctx, s.write, name)
		} else {
			s.prepared(ctx, s.write, name, text)
		}
	}
}

// queryRow runs a named query expected to return one row through the prepared
// statement of the pool; the caller scans it.
func (s *Store) queryRow(ctx context.Context, db *sql.DB, name string, args ...any) (*sql.Row, error) {
	if err := checkArgs(args); err != nil {
		return nil, err
	}
	st, err := s.stmt(ctx, db, name)
	if err != nil {
		return nil, err
	}
	return st.QueryRowContext(ctx, args...), nil
}
