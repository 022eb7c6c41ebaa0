-- Citizens' accounts (tài khoản công dân), sessions, one-time tokens, drafts and owners.

-- name: CitizenInsert
INSERT INTO citizens (login, full_name, email, phone, password_hash, created_at)
VALUES (?, ?, ?, ?, ?, ?)
RETURNING id

-- name: CitizenByLogin
SELECT id, login, full_name, email, phone, password_hash, verified_at, created_at
FROM citizens WHERE login = ?

-- name: CitizenByID
SELECT id, login, full_name, email, phone, password_hash, verified_at, created_at
FROM citizens WHERE id = ?

-- name: CitizenBySession
SELECT c.id, c.login, c.full_name, c.email, c.phone, c.password_hash, c.verified_at, c.created_at
FROM citizen_sessions s JOIN citizens c ON c.id = s.citizen_id
WHERE s.token_hash = ? AND s.expires_at > ?

-- name: CitizenVerify
UPDATE citizens SET verified_at = ? WHERE id = ? AND verified_at IS NULL

-- name: CitizenSetPassword
UPDATE citizens SET password_hash = ? WHERE id = ?

-- name: CitizenSessionInsert
INSERT INTO citizen_sessions (token_hash, citizen_id, created_at, expires_at) VALUES (?, ?, ?, ?)

-- name: CitizenSessionDelete
DELETE FROM citizen_sessions WHERE token_hash = ?

-- name: CitizenSessionDeleteAll
DELETE FROM citizen_sessions WHERE citizen_id = ?

-- name: CitizenSessionPurge
DELETE FROM citizen_sessions WHERE expires_at <= ?

-- name: CitizenTokenPurge
DELETE FROM citizen_tokens WHERE expires_at <= ?

-- name: CitizenTokenInsert
INSERT INTO citizen_tokens (token_hash, purpose, citizen_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)

-- name: CitizenTokenUse
UPDATE citizen_tokens SET used_at = ?
WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?
RETURNING citizen_id

-- name: CitizenTokenSpendAll
UPDATE citizen_tokens SET used_at = ?
WHERE citizen_id = ? AND purpose = ? AND used_at IS NULL

-- name: DraftUpsert
INSERT INTO drafts (citizen_id, procedure_code, unit_code, form, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (citizen_id, procedure_code) DO UPDATE
SET unit_code = excluded.unit_code, form = excluded.form, updated_at = excluded.updated_at
RETURNING id, created_at

-- name: DraftUpdate
UPDATE drafts SET unit_code = ?, form = ?, updated_at = ?
WHERE id = ? AND citizen_id = ? AND procedure_code = ?
RETURNING id, created_at

-- name: DraftByProcedure
SELECT id, citizen_id, procedure_code, unit_code, form, created_at, updated_at
FROM drafts WHERE citizen_id = ? AND procedure_code = ?

-- name: DraftByID
SELECT id, citizen_id, procedure_code, unit_code, form, created_at, updated_at
FROM drafts WHERE id = ?

-- name: DraftsOfCitizen
SELECT id, citizen_id, procedure_code, unit_code, form, created_at, updated_at
FROM drafts WHERE citizen_id = ? ORDER BY updated_at DESC, id DESC

-- name: DraftDeleteOwned
DELETE FROM drafts WHERE id = ? AND citizen_id = ?

-- name: DossierOwnerInsert
INSERT INTO dossier_owners (dossier_code, citizen_id) VALUES (?, ?)

-- name: DossierOwner
SELECT o.citizen_id, c.email, c.full_name
FROM dossier_owners o JOIN citizens c ON c.id = o.citizen_id
WHERE o.dossier_code = ?

-- name: CitizenDossiers
SELECT d.code, d.procedure_code, d.procedure_name, d.unit_code, d.status, d.submitted_at, d.received_at, d.due_at, d.updated_at
FROM dossier_owners o JOIN dossiers d ON d.code = o.dossier_code
WHERE o.citizen_id = ?
ORDER BY d.created_at DESC, d.id DESC
LIMIT 500
