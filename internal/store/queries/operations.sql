-- name: BackupCounts
SELECT (SELECT COUNT(*) FROM dossiers), (SELECT COUNT(*) FROM dossier_events),
       (SELECT COUNT(*) FROM attachments), (SELECT COUNT(*) FROM users),
       (SELECT COUNT(*) FROM audit_log);

-- name: SQLiteIntegrity
PRAGMA integrity_check;

-- name: OutboxWaiting
SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND given_up_at IS NULL;
