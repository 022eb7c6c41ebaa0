-- Phản ánh, kiến nghị (PAKN): records, their append-only events, lists for officers and
-- the public page, counts for the QĐ 766 index, rate limits and deadline warnings.

-- name: FeedbackSequenceNext
INSERT INTO feedback_sequences (unit_code, day, last) VALUES (?, ?, 1)
ON CONFLICT (unit_code, day) DO UPDATE SET last = feedback_sequences.last + 1
RETURNING last;

-- name: FeedbackInsert
INSERT INTO feedback (code, lookup_key, first_unit, unit_code, channel, kind, dossier_code, title, content,
    sender_name, sender_email, sender_phone, sender_address, citizen_id, client_ip, api_key_id, rules,
    status, class, assignee, answer, reaction, received_at, due_at, published_at, version, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
RETURNING id;

-- name: FeedbackEventInsert
INSERT INTO feedback_events (feedback_id, seq, action, actor, role, unit, at, payload)
VALUES (?, ?, ?, ?, ?, ?, ?, ?);

-- name: FeedbackProjectionUpdate
UPDATE feedback SET unit_code = ?, status = ?, class = ?, assignee = ?, answer = ?, reaction = ?,
    due_at = ?, published_at = ?, version = ?, updated_at = ?
WHERE id = ? AND version = ?;

-- name: FeedbackByCode
SELECT id, code, lookup_key, first_unit, channel, kind, dossier_code, title, content,
    sender_name, sender_email, sender_phone, sender_address, COALESCE(citizen_id, 0), rules, received_at, due_at
FROM feedback WHERE code = ?;

-- name: FeedbackEvents
SELECT payload FROM feedback_events WHERE feedback_id = ? ORDER BY seq;

-- name: FeedbackList
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id WHERE ? = 1
)
SELECT f.code, f.unit_code, f.channel, f.kind, f.title, f.status, f.class, f.assignee, f.reaction,
    f.received_at, f.due_at, f.published_at, f.dossier_code
FROM feedback f
WHERE f.unit_code IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id)
  AND (? = '' OR f.status = ?)
  AND (? = 0 OR f.due_at IS NOT NULL)
  AND (? = 0 OR f.due_at < ?)
  AND (? = '' OR f.assignee = ?)
  AND (? = 0 OR f.received_at >= ?)
  AND (? = 0 OR f.received_at < ?)
ORDER BY CASE WHEN f.due_at IS NULL THEN 1 ELSE 0 END, f.due_at, f.id DESC
LIMIT ?;

-- name: FeedbackPublished
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id WHERE ? = 1
)
SELECT f.code, f.unit_code, f.kind, f.title, f.content, f.answer, f.published_at
FROM feedback f
WHERE f.status = 'published'
  AND (? = '' OR f.unit_code IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id))
ORDER BY f.published_at DESC, f.id DESC
LIMIT ?;

-- name: FeedbackForPeriod
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
)
SELECT f.id, f.code, f.lookup_key, f.first_unit, f.channel, f.kind, f.dossier_code, f.title, f.content,
    '', '', '', '', COALESCE(f.citizen_id, 0), f.rules, f.received_at, f.due_at, e.payload
FROM feedback f JOIN feedback_events e ON e.feedback_id = f.id
WHERE f.unit_code IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id)
  AND f.received_at >= ? AND f.received_at < ?
ORDER BY f.id, e.seq;

-- name: FeedbackDossiersCount
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
)
SELECT COUNT(DISTINCT d.code)
FROM feedback f JOIN dossiers d ON d.code = f.dossier_code
WHERE f.dossier_code <> ''
  AND d.unit_code IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id)
  AND f.received_at >= ? AND f.received_at < ?;

-- name: FeedbackRecentByIP
SELECT COUNT(*) FROM feedback WHERE client_ip = ? AND received_at >= ?;

-- name: FeedbackRecentByEmail
SELECT COUNT(*) FROM feedback WHERE sender_email = ? AND received_at >= ?;

-- name: FeedbackRecentByPhone
SELECT COUNT(*) FROM feedback WHERE sender_phone = ? AND received_at >= ?;

-- name: FeedbackDueSoon
SELECT f.code, f.unit_code, f.title, f.assignee, f.due_at
FROM feedback f
WHERE f.due_at IS NOT NULL AND f.due_at <= ?
  AND (f.warned_due_at IS NULL OR f.warned_due_at <> f.due_at)
ORDER BY f.due_at, f.id
LIMIT ?;

-- name: FeedbackWarned
UPDATE feedback SET warned_due_at = ? WHERE code = ?;

-- name: Open311KeyInsert
INSERT INTO open311_keys (name, key_hash, created_by, created_at) VALUES (?, ?, ?, ?)
RETURNING id;

-- name: Open311KeyByHash
SELECT id, name, created_by, created_at, revoked_at FROM open311_keys WHERE key_hash = ?;

-- name: Open311KeyList
SELECT id, name, created_by, created_at, revoked_at FROM open311_keys ORDER BY id DESC;

-- name: Open311KeyRevoke
UPDATE open311_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL;

-- name: FeedbackDossierCodes
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
)
SELECT DISTINCT d.code
FROM feedback f JOIN dossiers d ON d.code = f.dossier_code
WHERE f.dossier_code <> ''
  AND d.unit_code IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id)
  AND d.finished_at >= ? AND d.finished_at < ?;
