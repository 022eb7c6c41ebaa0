package store

import (
	"fmt"
	"net"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// What a PostgreSQL connection does when its server goes away (a failover: the primary is
// killed, HAProxy or Patroni moves the address to the standby). A query on a connection
// whose server died fails instead of waiting: database/sql drops the broken connection
// and the next query opens one to the new primary.
const (
	// pgConnectTimeout bounds the whole opening of a connection (TCP, TLS, startup), unless
	// the URL sets connect_timeout: no primary yet must be an error, not a hang.
	pgConnectTimeout = 5 * time.Second
	// pgKeepAlive* find a dead server on an idle connection: the first probe after 5 s
	// of silence, then every 5 s, dead after 3 unanswered.
	pgKeepAliveIdle     = 5 * time.Second
	pgKeepAliveInterval = 5 * time.Second
	pgKeepAliveCount    = 3
	// pgUserTimeout closes a connection whose sent data the server has not acknowledged
	// for this long (a machine lost without a reset, where keep-alives do not apply);
	// Linux only (pgconn_linux.go). A slow query is not affected: its data is acknowledged.
	pgUserTimeout = 15 * time.Second
	// pgConnMaxLifetime renews connections, so that none outlives a switch of primary by
	// long when the address in front of the servers moved without closing them.
	pgConnMaxLifetime = 30 * time.Minute
)

// pgConnConfig parses a PostgreSQL URL (one host or several, for example with
// target_session_attrs=read-write) and sets the failover limits above.
func pgConnConfig(url string) (*pgx.ConnConfig, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("store: postgres URL: %w", err)
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = pgConnectTimeout
	}
	d := &net.Dialer{
		Timeout: cfg.ConnectTimeout,
		KeepAliveConfig: net.KeepAliveConfig{Enable: true, Idle: pgKeepAliveIdle,
			Interval: pgKeepAliveInterval, Count: pgKeepAliveCount},
		Control: setUserTimeout,
	}
	cfg.DialFunc = d.DialContext
	if _, ok := cfg.RuntimeParams["jit"]; !ok {
		// The statistics' set-based queries walk a recursive tree of units whose size
		// the planner cannot know; its guess (a hundred times too many units) raises
		// their cost above jit_above_cost, and compiling them then took longer than
		// running them (1.7 s of a 2.3 s query over a province's year). No query of
		// motcua runs long enough to gain from JIT; a URL may still set jit=on.
		cfg.RuntimeParams["jit"] = "off"
	}
	return cfg, nil
}

func openPostgres(url string) (*Store, error) {
	cfg, err := pgConnConfig(url)
	if err != nil {
		return nil, err
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(32)
	db.SetMaxIdleConns(32)
	db.SetConnMaxIdleTime(5 * time.Minute)
	db.SetConnMaxLifetime(pgConnMaxLifetime)
	return &Store{dialect: Postgres, write: db, read: db, location: redact(url)}, nil
}
