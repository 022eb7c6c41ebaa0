-- PostgreSQL claims with FOR UPDATE SKIP LOCKED so that several servers never take the
-- same message; SQLite's single writer makes the portable UPDATE safe.

-- name: OutboxClaim
UPDATE outbox SET claimed_by = ?, claimed_until = ?
WHERE id IN (
    SELECT id FROM outbox
    WHERE sent_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= ?
      AND (claimed_until IS NULL OR claimed_until <= ?)
    ORDER BY next_attempt_at, id
    LIMIT ?
    FOR UPDATE SKIP LOCKED
)
RETURNING id, kind, recipient, subject, body, attempts, created_at
