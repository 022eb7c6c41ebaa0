package store

import (
	"context"
	"database/sql"
	"math/bits"
	"strconv"
)

// bulkChunks splits n rows into parts whose sizes are powers of two, largest first: a
// group of 100 new dossiers is written by statements of 64, 32 and 4 rows. With at most
// eight sizes per statement up to maxBatch rows, each size is prepared once and reused,
// where one statement of exactly n rows was parsed and planned again by every group.
func bulkChunks(n int) []int {
	out := make([]int, 0, bits.OnesCount(uint(n)))
	for b := bits.Len(uint(n)) - 1; b >= 0; b-- {
		if n&(1<<b) != 0 {
			out = append(out, 1<<b)
		}
	}
	return out
}

// intakeExec runs the named single-row INSERT for n rows of args inside tx: on SQLite as
// statements of power-of-two sizes (bulkChunks) prepared once on the writer, elsewhere
// as one statement of n rows (PostgreSQL's driver keeps its own cache of statements).
func (s *Store) intakeExec(ctx context.Context, tx *sql.Tx, name string, n int, args []any) error {
	if n == 0 {
		return nil
	}
	if s.dialect != SQLite {
		return s.bulkExec(ctx, tx, name, n, args)
	}
	cols := len(args) / n
	for _, size := range bulkChunks(n) {
		part := args[:size*cols]
		args = args[size*cols:]
		st, err := s.bulkStmt(ctx, tx, name, size, cols, "")
		if err != nil {
			return err
		}
		if st == nil {
			err = s.bulkExec(ctx, tx, name, size, part)
		} else if err = checkArgs(part); err == nil {
			_, err = st.ExecContext(ctx, part...)
			err = s.mapErr(name, err)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// bulkStmt returns, on SQLite, the writer's prepared statement of the named INSERT with
// size rows of cols values bound to tx, followed by suffix instead of the query's own
// tail when suffix is not empty; nil when it is not prepared yet (it will be after tx,
// see txStmt) or on PostgreSQL.
func (s *Store) bulkStmt(ctx context.Context, tx *sql.Tx, name string, size, cols int, suffix string) (*sql.Stmt, error) {
	if s.dialect != SQLite {
		return nil, nil
	}
	key := name + "/" + strconv.Itoa(size)
	if suffix != "" {
		key += "/" + suffix
	}
	c := &s.stmts
	c.mu.RLock()
	st, ok := c.m[stmtKey{s.write, key}]
	c.mu.RUnlock()
	if ok {
		return tx.StmtContext(ctx, st), nil
	}
	head, tail, err := s.bulkText(name, size, cols)
	if err != nil {
		return nil, err
	}
	if suffix != "" {
		tail = suffix
	}
	return s.txStmtText(ctx, tx, key, head+tail)
}

// intakeQuery is intakeExec for a multi-row statement that returns rows (RETURNING):
// scan is called for each row that comes back.
func (s *Store) intakeQuery(ctx context.Context, tx *sql.Tx, name string, n int, args []any, scan func(*sql.Rows) error) error {
	if n == 0 {
		return nil
	}
	if err := checkArgs(args); err != nil {
		return err
	}
	cols := len(args) / n
	sizes := []int{n}
	if s.dialect == SQLite {
		sizes = bulkChunks(n)
	}
	for _, size := range sizes {
		part := args[:size*cols]
		args = args[size*cols:]
		st, err := s.bulkStmt(ctx, tx, name, size, cols, "")
		if err != nil {
			return err
		}
		var rows *sql.Rows
		if st != nil {
			rows, err = st.QueryContext(ctx, part...)
		} else {
			head, tail, terr := s.bulkText(name, size, cols)
			if terr != nil {
				return terr
			}
			rows, err = tx.QueryContext(ctx, head+" "+tail, part...)
		}
		if err != nil {
			return s.mapErr(name, err)
		}
		for rows.Next() {
			if err := scan(rows); err != nil {
				rows.Close()
				return s.mapErr(name, err)
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return s.mapErr(name, err)
		}
	}
	return nil
}
