-- Export jobs (công việc xuất tệp): files made in the background, claimed by one worker.

-- name: ExportColumns
id, kind, requester, unit_code, params, state, done, total, file_key, file_name, content_type,
size, error, attempts, created_at, started_at, finished_at, expires_at

-- name: ExportInsert
INSERT INTO export_jobs (kind, requester, unit_code, params, state, created_at)
VALUES (?, ?, ?, ?, 'queued', ?)
RETURNING id

-- name: ExportByID
SELECT {{ExportColumns}} FROM export_jobs WHERE id = ?

-- name: ExportsOf
SELECT {{ExportColumns}} FROM export_jobs WHERE requester = ? ORDER BY id DESC LIMIT ?

-- name: ExportActiveCount
SELECT COUNT(*) FROM export_jobs WHERE requester = ? AND state IN ('queued', 'running')

-- name: ExportClaim
UPDATE export_jobs SET state = 'running', claimed_by = ?, claimed_until = ?, started_at = ?,
    done = 0, attempts = attempts + 1
WHERE id IN (
    SELECT id FROM export_jobs
    WHERE state = 'queued' OR (state = 'running' AND claimed_until <= ?)
    ORDER BY id
    LIMIT 1
)
RETURNING {{ExportColumns}}

-- name: ExportProgress
UPDATE export_jobs SET done = ?, total = ?, claimed_until = ?
WHERE id = ? AND claimed_by = ? AND state = 'running'

-- name: ExportDone
UPDATE export_jobs SET state = 'done', done = ?, total = ?, file_key = ?, file_name = ?, content_type = ?,
    size = ?, finished_at = ?, expires_at = ?, claimed_by = '', claimed_until = NULL
WHERE id = ? AND claimed_by = ? AND state = 'running'

-- name: ExportFail
UPDATE export_jobs SET state = 'failed', error = ?, finished_at = ?, claimed_by = '', claimed_until = NULL
WHERE id = ? AND claimed_by = ? AND state = 'running'

-- name: ExportRequeue
UPDATE export_jobs SET state = 'queued', done = 0, started_at = NULL, claimed_by = '', claimed_until = NULL
WHERE id = ? AND claimed_by = ? AND state = 'running'

-- name: ExportCancel
UPDATE export_jobs SET state = 'cancelled', finished_at = ?, claimed_by = '', claimed_until = NULL
WHERE id = ? AND state IN ('queued', 'running')

-- name: ExportsExpired
SELECT id, file_key FROM export_jobs WHERE state = 'done' AND expires_at <= ? ORDER BY expires_at LIMIT ?

-- name: ExportExpire
UPDATE export_jobs SET state = 'expired', file_key = '' WHERE id = ? AND state = 'done'
