package main

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// standbyProbe asks the standby behind HAProxy's read port (the nodes' --db-read) how many
// transactions it has run in motcua's database, to tell whether the lookups reached it.
type standbyProbe struct {
	db *sql.DB
}

// standbySample is what the standby said at one moment; ok is false when no standby
// answered (none healthy behind the read port).
type standbySample struct {
	ok        bool
	port      int
	xacts     int64
	readConns int
}

func openStandbyProbe(url string) (*standbyProbe, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, err
	}
	// A fresh connection for every sample: HAProxy cuts the ones to a server that stops
	// being a standby, and each sample must reach the standby of its moment.
	db.SetMaxIdleConns(0)
	return &standbyProbe{db: db}, nil
}

// sample reads the standby's counters: committed transactions of motcua's database
// (read-only ones count: a lookup is one) and open connections of the nodes' read pools
// (application_name motcua-read). On a nil probe it returns an empty sample.
func (p *standbyProbe) sample(ctx context.Context) standbySample {
	if p == nil {
		return standbySample{}
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	var s standbySample
	var standby bool
	err := p.db.QueryRowContext(ctx, `SELECT inet_server_port(), pg_is_in_recovery(),
		(SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()),
		(SELECT count(*) FROM pg_stat_activity WHERE application_name = 'motcua-read')`).
		Scan(&s.port, &standby, &s.xacts, &s.readConns)
	s.ok = err == nil && standby
	return s
}

// readsBetween describes the standby's work between two samples and reports whether it
// ran lookups then: both samples from the same standby, and its transactions grew by
// more than the probe's own.
func readsBetween(a, b standbySample) (string, bool) {
	switch {
	case !a.ok || !b.ok:
		return "no standby answered on the read port", false
	case a.port != b.port:
		return fmt.Sprintf("the standby changed (127.0.0.1:%d, then :%d)", a.port, b.port), false
	}
	n := b.xacts - a.xacts - 1 // the first sample's own transaction, counted when it closed
	return fmt.Sprintf("127.0.0.1:%d ran %d transactions, %d read connections of the nodes open", b.port, n, b.readConns), n > 0
}
