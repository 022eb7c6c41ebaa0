-- name: UserList
SELECT us.id, us.username, us.full_name, un.code, un.name, us.roles, us.active
FROM users us JOIN units un ON un.id = us.unit_id
ORDER BY un.code, us.username;

-- name: UserByUsername
SELECT us.id, us.username, us.full_name, un.code, un.name, us.roles, us.active, us.password_hash
FROM users us JOIN units un ON un.id = us.unit_id
WHERE us.username = ?;

-- name: UserByID
SELECT us.id, us.username, us.full_name, un.code, un.name, us.roles, us.active
FROM users us JOIN units un ON un.id = us.unit_id
WHERE us.id = ?;

-- name: UserInsert
INSERT INTO users (username, full_name, unit_id, roles, password_hash, active, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
RETURNING id;

-- name: UserSetPassword
UPDATE users SET password_hash = ?, updated_at = ? WHERE username = ?;

-- name: UserSetActive
UPDATE users SET active = ?, updated_at = ? WHERE username = ?;

-- name: SessionInsert
INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?);

-- name: SessionUser
SELECT us.id, us.username, us.full_name, un.code, un.name, us.roles, us.active
FROM sessions se JOIN users us ON us.id = se.user_id JOIN units un ON un.id = us.unit_id
WHERE se.token_hash = ? AND se.expires_at > ? AND us.active = ?;

-- name: SessionDelete
DELETE FROM sessions WHERE token_hash = ?;

-- name: SessionDeleteUser
DELETE FROM sessions WHERE user_id = ?;

-- name: SessionPurge
DELETE FROM sessions WHERE expires_at <= ?;

-- name: TokenPurge
DELETE FROM api_tokens WHERE expires_at <= ? OR revoked_at IS NOT NULL;

-- name: TokenInsert
INSERT INTO api_tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?);

-- name: TokenUser
SELECT us.id, us.username, us.full_name, un.code, un.name, us.roles, us.active
FROM api_tokens t JOIN users us ON us.id = t.user_id JOIN units un ON un.id = us.unit_id
WHERE t.token_hash = ? AND t.expires_at > ? AND t.revoked_at IS NULL AND us.active = ?;

-- name: TokenRevoke
UPDATE api_tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL;

-- name: TokenRevokeUser
UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL;

-- Attempts (logins, password-reset requests) counted by key for throttling; the table
-- keeps its first name.

-- name: AttemptInsert
INSERT INTO login_failures (key, at) VALUES (?, ?) RETURNING id;

-- name: AttemptCount
SELECT COUNT(*) FROM login_failures WHERE key = ? AND at > ?;

-- name: AttemptDelete
DELETE FROM login_failures WHERE id = ?;

-- name: AttemptClear
DELETE FROM login_failures WHERE key = ?;

-- name: AttemptPurge
DELETE FROM login_failures WHERE at <= ?;

-- name: UserUpdate
UPDATE users SET full_name = ?, unit_id = ?, roles = ?, updated_at = ? WHERE username = ?;
