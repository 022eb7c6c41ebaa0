-- name: AuditInsert
INSERT INTO audit_log (at, actor, unit_code, action, target, detail, ip, request_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?);

-- name: AuditList
SELECT id, at, actor, unit_code, action, target, detail, ip, request_id
FROM audit_log
WHERE (? = '' OR actor = ?) AND (? = '' OR action = ?) AND (? = '' OR unit_code = ?)
  AND at >= ? AND at < ?
ORDER BY id DESC
LIMIT ? OFFSET ?;

-- name: SettingGet
SELECT value FROM settings WHERE key = ?;

-- name: SettingPut
INSERT INTO settings (key, value) VALUES (?, ?)
ON CONFLICT (key) DO UPDATE SET value = excluded.value;

