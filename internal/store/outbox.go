package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Outbox retry policy: the first retry after OutboxFirstBackoff, doubling up to
// OutboxMaxBackoff; a message is given up after OutboxMaxAttempts failed attempts.
const (
	OutboxFirstBackoff = time.Minute
	OutboxMaxBackoff   = time.Hour
	OutboxMaxAttempts  = 10
)

// MessageKindEmail is the kind of messages sent by e-mail (thư điện tử).
const MessageKindEmail = "email"

// OutboxMessage is a notification (thông báo) waiting in the outbox (hộp thư đi). It is
// written in the same transaction as the event it announces and sent later by a worker.
type OutboxMessage struct {
	ID        int64
	Kind      string
	Recipient string
	Subject   string
	Body      string
	// Attempts counts the sending attempts made before this one.
	Attempts  int
	CreatedAt time.Time
	// NextAttemptAt, SentAt, GivenUpAt and LastError are filled by OutboxMessageByID.
	NextAttemptAt time.Time
	SentAt        time.Time
	GivenUpAt     time.Time
	LastError     string
}

// OutboxBackoff is the wait before the next attempt after the n-th failed attempt
// (n ≥ 1): 1 min, 2, 4 … capped at 1 h.
func OutboxBackoff(n int) time.Duration {
	d := OutboxFirstBackoff
	for i := 1; i < n && d < OutboxMaxBackoff; i++ {
		d *= 2
	}
	return min(d, OutboxMaxBackoff)
}

// Enqueue writes a message to the outbox in its own transaction and returns its id.
func (s *Store) Enqueue(ctx context.Context, m OutboxMessage) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = s.EnqueueTx(ctx, tx, m)
		return err
	})
	return id, err
}

// EnqueueTx writes a message to the outbox inside the caller's transaction, so that it is
// sent if and only if the event it announces is committed. A message without a recipient
// is skipped (id 0).
func (s *Store) EnqueueTx(ctx context.Context, tx *sql.Tx, m OutboxMessage) (int64, error) {
	if strings.TrimSpace(m.Recipient) == "" {
		return 0, nil
	}
	if m.Kind == "" {
		m.Kind = MessageKindEmail
	}
	now := s.Now()
	var id int64
	err := s.row(ctx, tx, "", "OutboxInsert", []any{m.Kind, m.Recipient, m.Subject, m.Body, now, now}, &id)
	return id, err
}

// ClaimOutbox claims up to n messages that are due at now for the worker, for lease:
// no other worker takes them until they are marked or the lease ends (a worker that
// stopped mid-way leaves its messages to the others). On PostgreSQL concurrent claims
// skip each other's rows (FOR UPDATE SKIP LOCKED); SQLite has one writer.
func (s *Store) ClaimOutbox(ctx context.Context, worker string, n int, now time.Time, lease time.Duration) ([]OutboxMessage, error) {
	if n <= 0 {
		return nil, nil
	}
	now = now.UTC()
	var out []OutboxMessage
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := s.query(ctx, tx, "OutboxClaim", worker, now.Add(lease), now, now, n)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var m OutboxMessage
			if err := rows.Scan(&m.ID, &m.Kind, &m.Recipient, &m.Subject, &m.Body, &m.Attempts, &m.CreatedAt); err != nil {
				return fmt.Errorf("store: outbox claim: %w", err)
			}
			m.CreatedAt = m.CreatedAt.UTC()
			out = append(out, m)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// MarkSent records that the worker sent the message at now.
func (s *Store) MarkSent(ctx context.Context, id int64, worker string, now time.Time) error {
	_, err := s.exec(ctx, s.write, "OutboxSent", now.UTC(), id, worker)
	return err
}

// MarkFailed records a failed attempt of the worker on the claimed message m at now: the
// next attempt waits OutboxBackoff(attempts); after OutboxMaxAttempts attempts the message
// is given up. cause is kept, shortened, for the administrator.
func (s *Store) MarkFailed(ctx context.Context, m OutboxMessage, worker string, now time.Time, cause string) error {
	return s.markFailed(ctx, m, worker, now, cause, false)
}

// MarkGivenUp records a failed attempt of the worker on the claimed message m at now that
// no retry can cure (the recipient does not exist): the message is given up at once.
func (s *Store) MarkGivenUp(ctx context.Context, m OutboxMessage, worker string, now time.Time, cause string) error {
	return s.markFailed(ctx, m, worker, now, cause, true)
}

func (s *Store) markFailed(ctx context.Context, m OutboxMessage, worker string, now time.Time, cause string, giveUp bool) error {
	attempts := m.Attempts + 1
	now = now.UTC()
	var givenUp any
	if giveUp || attempts >= OutboxMaxAttempts {
		givenUp = now
	}
	if utf8.RuneCountInString(cause) > 500 {
		cause = string([]rune(cause)[:500])
	}
	_, err := s.exec(ctx, s.write, "OutboxFailed", attempts, now.Add(OutboxBackoff(attempts)), givenUp, cause, m.ID, worker)
	return err
}

// OutboxMessageByID returns a message with its delivery state, or fault.NotFound.
func (s *Store) OutboxMessageByID(ctx context.Context, id int64) (OutboxMessage, error) {
	var m OutboxMessage
	var sent, gave sql.NullTime
	err := s.row(ctx, s.write, "Không tìm thấy thông báo.", "OutboxByID", []any{id},
		&m.ID, &m.Kind, &m.Recipient, &m.Subject, &m.Body, &m.Attempts, &m.CreatedAt, &m.NextAttemptAt,
		&sent, &gave, &m.LastError)
	m.CreatedAt, m.NextAttemptAt = m.CreatedAt.UTC(), m.NextAttemptAt.UTC()
	m.SentAt, m.GivenUpAt = timeOf(sent), timeOf(gave)
	return m, err
}

// OutboxFor lists the last n messages to a recipient, the newest first (for the
// administrator and tests).
func (s *Store) OutboxFor(ctx context.Context, recipient string, n int) ([]OutboxMessage, error) {
	rows, err := s.query(ctx, s.write, "OutboxRecent", recipient, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OutboxMessage
	for rows.Next() {
		var m OutboxMessage
		var sent, gave sql.NullTime
		if err := rows.Scan(&m.ID, &m.Kind, &m.Recipient, &m.Subject, &m.Body, &m.Attempts, &m.CreatedAt,
			&m.NextAttemptAt, &sent, &gave, &m.LastError); err != nil {
			return nil, fmt.Errorf("store: outbox: %w", err)
		}
		m.SentAt, m.GivenUpAt = timeOf(sent), timeOf(gave)
		out = append(out, m)
	}
	return out, rows.Err()
}
