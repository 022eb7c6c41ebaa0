-- Large synthetic histories (motcua demo generate): where each unit's daily sequence of
-- dossier codes stands, so that generated codes continue it without a gap.

-- name: DossierSequencesOfUnit
SELECT day, last FROM dossier_sequences WHERE unit_code = ?;

-- The dossier book in volumes (quyển): how many dossiers the unit received in a period,
-- and one volume of them, both read from the index on (unit_code, received_at).

-- name: DossierBookCount
SELECT COUNT(*) FROM dossiers WHERE unit_code = ? AND received_at >= ? AND received_at < ?;

-- name: DossierBookPage
SELECT code, procedure_name, sets, applicant_name, applicant_address, applicant_phone,
    status, received_at, due_at, returned_at, finished_at, original_due_at, supplements
FROM dossiers
WHERE unit_code = ? AND received_at >= ? AND received_at < ?
ORDER BY received_at, id
LIMIT ? OFFSET ?;

-- The audit log by keyset on (at, id), newest first: the first page below the end of the
-- range, the next ones below the last entry shown. Each walks the index on at (or the
-- one of the actor) backwards and stops after the page.

-- name: AuditPageFirst
SELECT id, at, actor, unit_code, action, target, detail, ip, request_id
FROM audit_log
WHERE at >= ? AND at < ?
  AND (? = '' OR actor = ?) AND (? = '' OR action = ?) AND (? = '' OR unit_code = ?)
ORDER BY at DESC, id DESC
LIMIT ?;

-- name: AuditPageNext
SELECT id, at, actor, unit_code, action, target, detail, ip, request_id
FROM audit_log
WHERE at >= ? AND at < ? AND at <= ? AND (at < ? OR id < ?)
  AND (? = '' OR actor = ?) AND (? = '' OR action = ?) AND (? = '' OR unit_code = ?)
ORDER BY at DESC, id DESC
LIMIT ?;

-- Retention (lưu trữ nhật ký): entries before a cutoff are copied to the archive, then
-- removed from the live log, a batch at a time in one transaction each.

-- name: AuditArchiveCopy
INSERT INTO audit_archive (id, at, actor, unit_code, action, target, detail, ip, request_id, archived_at)
SELECT id, at, actor, unit_code, action, target, detail, ip, request_id, ?
FROM audit_log WHERE at < ? AND id <= ?;

-- name: AuditArchiveLastID
SELECT COALESCE(MAX(id), 0) FROM (SELECT id FROM audit_log WHERE at < ? ORDER BY at, id LIMIT ?) t;

-- name: AuditArchiveRemove
DELETE FROM audit_log WHERE at < ? AND id <= ? AND id IN (SELECT id FROM audit_archive WHERE at < ? AND id <= ?);

-- name: AuditArchiveCount
SELECT COUNT(*) FROM audit_archive;

-- name: ReceiptSequencesOfUnit
SELECT year, last FROM receipt_sequences WHERE unit_code = ?;
