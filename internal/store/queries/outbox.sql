-- The notification outbox (hộp thư đi): messages written in the same transaction as the
-- event they announce, sent later by background workers.

-- name: OutboxInsert
INSERT INTO outbox (kind, recipient, subject, body, created_at, next_attempt_at)
VALUES (?, ?, ?, ?, ?, ?)
RETURNING id

-- name: OutboxClaim
UPDATE outbox SET claimed_by = ?, claimed_until = ?
WHERE id IN (
    SELECT id FROM outbox
    WHERE sent_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= ?
      AND (claimed_until IS NULL OR claimed_until <= ?)
    ORDER BY next_attempt_at, id
    LIMIT ?
)
RETURNING id, kind, recipient, subject, body, attempts, created_at

-- name: OutboxSent
UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = '', claimed_by = '', claimed_until = NULL
WHERE id = ? AND claimed_by = ? AND sent_at IS NULL

-- name: OutboxFailed
UPDATE outbox SET attempts = ?, next_attempt_at = ?, given_up_at = ?, last_error = ?,
    claimed_by = '', claimed_until = NULL
WHERE id = ? AND claimed_by = ? AND sent_at IS NULL

-- name: OutboxByID
SELECT id, kind, recipient, subject, body, attempts, created_at, next_attempt_at, sent_at, given_up_at, last_error
FROM outbox WHERE id = ?

-- name: OutboxRecent
SELECT id, kind, recipient, subject, body, attempts, created_at, next_attempt_at, sent_at, given_up_at, last_error
FROM outbox WHERE recipient = ? ORDER BY id DESC LIMIT ?
