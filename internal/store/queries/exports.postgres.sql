-- PostgreSQL claims an export job with FOR UPDATE SKIP LOCKED so that several servers
-- never take the same one; SQLite's single writer makes the portable UPDATE safe.

-- name: ExportClaim
UPDATE export_jobs SET state = 'running', claimed_by = ?, claimed_until = ?, started_at = ?,
    done = 0, attempts = attempts + 1
WHERE id IN (
    SELECT id FROM export_jobs
    WHERE state = 'queued' OR (state = 'running' AND claimed_until <= ?)
    ORDER BY id
    LIMIT 1
    FOR UPDATE SKIP LOCKED
)
RETURNING {{ExportColumns}}
