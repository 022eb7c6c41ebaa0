package store

import (
	"bufio"
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"motcua/internal/fault"
)

//go:embed queries/*.sql
var queryFiles embed.FS

// loadQueries reads every named query of the embedded .sql files. A query starts with a
// line `-- name: Name` and runs to the next such line. Files named *.sqlite.sql or
// *.postgres.sql hold dialect-specific versions that override the portable ones. On
// PostgreSQL the `?` placeholders are rebound to `$1, $2, …`.
func loadQueries(d Dialect) (map[string]string, error) {
	entries, err := fs.ReadDir(queryFiles, "queries")
	if err != nil {
		return nil, fmt.Errorf("store: read queries: %w", err)
	}
	portable := map[string]string{}
	specific := map[string]string{}
	for _, e := range entries {
		name := e.Name()
		target := portable
		switch {
		case strings.HasSuffix(name, ".sqlite.sql"):
			if d != SQLite {
				continue
			}
			target = specific
		case strings.HasSuffix(name, ".postgres.sql"):
			if d != Postgres {
				continue
			}
			target = specific
		}
		data, err := queryFiles.ReadFile("queries/" + name)
		if err != nil {
			return nil, fmt.Errorf("store: read %s: %w", name, err)
		}
		if err := splitQueries(name, string(data), target); err != nil {
			return nil, err
		}
	}
	for k, v := range specific {
		portable[k] = v
	}
	if err := expandFragments(portable); err != nil {
		return nil, err
	}
	if d == Postgres {
		for k, v := range portable {
			portable[k] = rebind(v)
		}
	}
	return portable, nil
}

func splitQueries(file, text string, into map[string]string) error {
	var name string
	var body strings.Builder
	flush := func() error {
		if name == "" {
			return nil
		}
		q := strings.TrimSpace(body.String())
		if q == "" {
			return fmt.Errorf("store: %s: query %s is empty", file, name)
		}
		if _, dup := into[name]; dup {
			return fmt.Errorf("store: %s: query %s defined twice", file, name)
		}
		into[name] = q
		body.Reset()
		return nil
	}
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "-- name:"); ok {
			if err := flush(); err != nil {
				return err
			}
			name = strings.TrimSpace(rest)
			continue
		}
		if name != "" {
			body.WriteString(line)
			body.WriteByte('\n')
		}
	}
	return flush()
}

// expandFragments replaces each `{{Name}}` in a query by the text of the named query
// Name (a fragment shared by several statements, such as the inbox's filters); a
// fragment does not include another.
func expandFragments(queries map[string]string) error {
	for name, text := range queries {
		for {
			start := strings.Index(text, "{{")
			if start < 0 {
				break
			}
			end := strings.Index(text[start:], "}}")
			if end < 0 {
				return fmt.Errorf("store: query %s: unclosed {{", name)
			}
			frag, ok := queries[strings.TrimSpace(text[start+2:start+end])]
			if !ok || strings.Contains(frag, "{{") {
				return fmt.Errorf("store: query %s: unknown fragment %s", name, text[start:start+end+2])
			}
			text = text[:start] + strings.TrimSuffix(frag, ";") + text[start+end+2:]
		}
		queries[name] = text
	}
	return nil
}

// rebind turns `?` placeholders into PostgreSQL's `$n`, leaving string literals and
// `--` comments (where an apostrophe is no string) alone.
func rebind(q string) string {
	var b strings.Builder
	n := 0
	inString, inComment := false, false
	var prev rune
	for _, r := range q {
		switch {
		case inComment:
			inComment = r != '\n'
		case r == '-' && prev == '-' && !inString:
			inComment = true
		case r == '\'':
			inString = !inString
		case r == '?' && !inString:
			n++
			b.WriteString("$" + strconv.Itoa(n))
			prev = r
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// q returns the text of a named query. A missing name is a programming error that the
// store tests catch; it is reported as an internal error, not a panic.
func (s *Store) q(name string) (string, error) {
	text, ok := s.queries[name]
	if !ok {
		return "", fmt.Errorf("store: no query named %q", name)
	}
	return text, nil
}

// querier is what both *sql.DB and *sql.Tx offer.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func (s *Store) exec(ctx context.Context, db querier, name string, args ...any) (sql.Result, error) {
	if err := checkArgs(args); err != nil {
		return nil, err
	}
	if st, err := s.txStmt(ctx, db, name); err != nil {
		return nil, err
	} else if st != nil {
		res, err := st.ExecContext(ctx, args...)
		if err != nil {
			return nil, s.mapErr(name, err)
		}
		return res, nil
	}
	text, err := s.q(name)
	if err != nil {
		return nil, err
	}
	res, err := db.ExecContext(ctx, text, args...)
	if err != nil {
		return nil, s.mapErr(name, err)
	}
	return res, nil
}

func (s *Store) query(ctx context.Context, db querier, name string, args ...any) (*sql.Rows, error) {
	if err := checkArgs(args); err != nil {
		return nil, err
	}
	if pool, ok := db.(*sql.DB); ok {
		st, err := s.stmt(ctx, pool, name)
		if err != nil {
			return nil, err
		}
		rows, err := st.QueryContext(ctx, args...)
		if err != nil {
			return nil, s.mapErr(name, err)
		}
		return rows, nil
	}
	if st, err := s.txStmt(ctx, db, name); err != nil {
		return nil, err
	} else if st != nil {
		rows, err := st.QueryContext(ctx, args...)
		if err != nil {
			return nil, s.mapErr(name, err)
		}
		return rows, nil
	}
	text, err := s.q(name)
	if err != nil {
		return nil, err
	}
	rows, err := db.QueryContext(ctx, text, args...)
	if err != nil {
		return nil, s.mapErr(name, err)
	}
	return rows, nil
}

// row runs a named query that returns one row and scans it; no row is a fault.NotFound
// with the given message.
func (s *Store) row(ctx context.Context, db querier, notFound, name string, args []any, dest ...any) error {
	if err := checkArgs(args); err != nil {
		return err
	}
	var r *sql.Row
	if pool, ok := db.(*sql.DB); ok {
		st, err := s.stmt(ctx, pool, name)
		if err != nil {
			return err
		}
		r = st.QueryRowContext(ctx, args...)
	} else if st, err := s.txStmt(ctx, db, name); err != nil {
		return err
	} else if st != nil {
		r = st.QueryRowContext(ctx, args...)
	} else {
		text, err := s.q(name)
		if err != nil {
			return err
		}
		r = db.QueryRowContext(ctx, text, args...)
	}
	if err := r.Scan(dest...); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return fault.New(fault.NotFound, notFound)
		}
		return s.mapErr(name, err)
	}
	return nil
}

// inTx runs fn in a write transaction, committing when fn returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return s.mapErr("commit", err)
	}
	s.prepareWanted(ctx)
	return nil
}

func isNotFound(err error) bool { return fault.Is(err, fault.NotFound) }
