// Package store holds all of motcua's SQL: embedded, numbered migrations and named queries
// for SQLite (SQLite's C source through cgo, or its pure-Go translation in a build without
// cgo: sqlite_cgo.go, sqlite_purego.go) and PostgreSQL (pgx through database/sql).
//
// Store is a concrete type. One query text serves both databases wherever the portable
// subset allows: queries are written with `?` placeholders and rebound once for
// PostgreSQL. Time comes from the injected clock, never from the database's NOW().
// Instants are stored in UTC. The package imports domain packages, never web or pdf.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"motcua/internal/org"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// Dialect names the SQL engine behind a Store.
type Dialect string

// The supported dialects.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// Config says which database to open.
type Config struct {
	// URL is a postgres:// URL, a path to an SQLite file, or empty for the SQLite file
	// motcua.db inside DataDir.
	URL string
	// DataDir is the directory for the SQLite file (created if missing).
	DataDir string
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// ReadURL, when set, is the postgres:// URL of a standby (or of a proxy in front of
	// the standbys) for read-only use cases that tolerate its lag: see Standby. The
	// primary serves them whenever the standby cannot. PostgreSQL only.
	ReadURL string
	// SingleCommit turns group commit off: every dossier intake gets a transaction (and a
	// disk sync) of its own. It exists to measure that raw limit.
	SingleCommit bool
}

// Store is the database: every read and write of motcua goes through it.
type Store struct {
	dialect Dialect
	// write is the connection pool for writes. On SQLite it holds exactly one
	// connection, so writers queue in Go instead of failing with SQLITE_BUSY.
	write *sql.DB
	// read serves reads; on PostgreSQL it is the same pool as write.
	read    *sql.DB
	queries map[string]string
	now     func() time.Time
	// location is the path of the SQLite file, or the redacted PostgreSQL URL.
	location string
	// treeSearch, when set, replaces treeSearchUnits (tests).
	treeSearch int
	// calendars keeps each unit's legal clock for a short time (dossiers_calendar.go).
	calendars calendarCache
	// procedures keeps decoded procedure documents (catalog_cache.go).
	procedures procedureCache
	// processes keeps decoded process versions of dossiers (catalog_cache.go).
	processes processCache
	// units, procedureDocs and offers keep reference data for intake (reference_cache.go).
	units         refCache[org.Unit]
	procedureDocs refCache[string]
	offers        refCache[bool]
	// tokens keeps API tokens verified within the last second (token_cache.go).
	tokens tokenCache
	// batch is the group committer of dossier intake (batch.go).
	batch committer
	// stmts are the prepared statements of named queries (stmt.go).
	stmts stmtCache
	// bulkTexts keeps the multi-row statements made by bulkText, by query and size.
	bulkTexts sync.Map
	// texts keeps the ids of the shared texts of committed transactions, by text; bodies
	// the texts read by the public lookup, by id (dossier_texts.go).
	texts  textCache[string, int64]
	bodies textCache[int64, string]
	// intakeJSON keeps, by procedure, the JSON of the process and documents of the last
	// dossier received (intakeRow).
	intakeJSON sync.Map
	// singleCommit disables group commit (Config.SingleCommit).
	singleCommit bool
	// citizenQuota is the storage quota of a citizen's account (quota.go).
	citizenQuota atomic.Int64
	// onBatch, when set, is told the size of every group commit (ObserveBatches).
	onBatch atomic.Pointer[func(int)]
	// standby is the read-only standby of Config.ReadURL, nil without one (standby.go).
	standby *standbyState
}

// Open connects to the database described by cfg and checks the embedded queries. It does
// not migrate: call Migrate.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	var s *Store
	var err error
	if strings.HasPrefix(cfg.URL, "postgres://") || strings.HasPrefix(cfg.URL, "postgresql://") {
		s, err = openPostgres(cfg.URL)
	} else {
		path := cfg.URL
		if path == "" {
			dir := cfg.DataDir
			if dir == "" {
				dir = "data"
			}
			if err := os.MkdirAll(dir, 0o750); err != nil {
				return nil, fmt.Errorf("store: create data directory: %w", err)
			}
			path = filepath.Join(dir, "motcua.db")
		}
		s, err = openSQLite(path)
	}
	if err != nil {
		return nil, err
	}
	s.now = now
	s.singleCommit = cfg.SingleCommit
	if s.queries, err = loadQueries(s.dialect); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.Ping(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if cfg.ReadURL != "" {
		if err := s.openStandby(cfg.ReadURL); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

// sqliteMmapSize is how much of the SQLite file readers map into memory: none. Mapped
// pages count in the server's resident memory as soon as they are read (at 1 million
// dossiers, public lookups touching random dossiers took it past 1 GB within a minute,
// all of it file pages), while pages read with read(2) stay in the kernel's page cache,
// shared and outside the process; the cost is a copy of each page a connection's own
// cache (sqliteReaderCache) does not hold.
const sqliteMmapSize = "0"

// sqliteReaderCache is the page cache of each reader connection, in SQLite's cache_size
// (negative: KiB): 1 MiB, so that the readers' caches together stay at 16 MiB. Random
// lookups over a large database miss the cache anyway; with 2 MiB each a flood of lookups
// from distinct addresses at a million dossiers peaked 17 MB higher for no faster answers.
const sqliteReaderCache = "-1024"

// sqliteReaders is the number of read connections kept open on SQLite. More than the
// cores: a request that finds every reader taken waits in database/sql's queue for one to
// come back, a hand-over between goroutines each time. Measured under wrk with 32 clients
// (docs/PERFORMANCE.md): 4 readers 12,100–12,600 lookups/s, 8 11,600–12,200, 16
// 13,800–13,900, 32 13,400–13,900 (with 2 MiB of page cache each).
const sqliteReaders = 16

func openSQLite(path string) (*Store, error) {
	write, err := sql.Open(sqliteDriverName, sqliteDSN(path, true))
	if err != nil {
		return nil, fmt.Errorf("store: open sqlite: %w", err)
	}
	write.SetMaxOpenConns(1)
	write.SetConnMaxIdleTime(0)
	// Readers read pages into a cache of their own rather than map the file (see
	// sqliteMmapSize).
	read, err := sql.Open(sqliteDriverName, sqliteDSN(path, false))
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("store: open sqlite: %w", err)
	}
	read.SetMaxOpenConns(sqliteReaders)
	read.SetMaxIdleConns(sqliteReaders)
	read.SetConnMaxIdleTime(0)
	return &Store{dialect: SQLite, write: write, read: read, location: path}, nil
}

// redact hides the password of a database URL for logs.
func redact(url string) string {
	at := strings.LastIndex(url, "@")
	scheme := strings.Index(url, "://")
	if at < 0 || scheme < 0 {
		return url
	}
	creds := url[scheme+3 : at]
	if i := strings.Index(creds, ":"); i >= 0 {
		creds = creds[:i] + ":***"
	}
	return url[:scheme+3] + creds + url[at:]
}

// Dialect reports which engine the store runs on.
func (s *Store) Dialect() Dialect { return s.dialect }

// Location is the SQLite file path or the PostgreSQL URL without its password.
func (s *Store) Location() string { return s.location }

// Now is the store's clock, in UTC.
func (s *Store) Now() time.Time { return s.now().UTC() }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.write.PingContext(ctx); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	if s.read != s.write {
		if err := s.read.PingContext(ctx); err != nil {
			return fmt.Errorf("store: ping: %w", err)
		}
	}
	return nil
}

// Close releases the connections.
func (s *Store) Close() error {
	s.closeBatch()
	s.closeStmts()
	err := errors.Join(s.closeStandby(), s.write.Close())
	if s.read != nil && s.read != s.write {
		err = errors.Join(err, s.read.Close())
	}
	return err
}
