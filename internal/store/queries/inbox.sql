-- The officers' inbox (hộp hồ sơ) reads the projection kept for lists. The first
-- parameter is the unit whose subtree is the scope; then the holder unit (work queues),
-- the scope flag, and the filters in the order of store.InboxQuery.args. Both queries
-- share the same conditions. The count stops a little past the page asked for
-- (InboxQuery.CountCap), so that no page view counts the whole history.

-- name: DossierInbox
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
), scope(code) AS (
    SELECT u.code FROM units u JOIN tree t ON t.id = u.id
)
SELECT d.code, d.unit_code, d.procedure_code, d.procedure_name, d.channel, d.applicant_name,
    d.status, d.step, d.step_role, d.holder_unit, d.assignee, d.submitted_at, d.received_at, d.due_at,
    d.finished_at, d.original_due_at, d.supplements
FROM dossiers d
LEFT JOIN procedures p ON p.code = d.procedure_code
WHERE (? = '' OR d.holder_unit = ?)
  AND (? = 0 OR d.unit_code IN (SELECT code FROM scope) OR d.holder_unit IN (SELECT code FROM scope))
  AND (? = '' OR (',' || ? || ',') LIKE ('%,' || d.status || ',%'))
  AND (? = '' OR d.step_role = ?)
  AND (? = '' OR d.assignee = ?)
  AND (? = '' OR d.procedure_code = ?)
  AND (? = '' OR COALESCE(p.field_code, '') = ?)
  AND (? = 0 OR d.received_at >= ?)
  AND (? = 0 OR d.received_at < ?)
  AND (? = 0
       OR (d.finished_at IS NULL AND d.status <> ? AND d.due_at < ?)
       OR (d.finished_at IS NOT NULL AND (d.supplements >= 2 OR d.finished_at > COALESCE(d.original_due_at, d.due_at))))
  AND (? = '' OR d.code LIKE ? ESCAPE '!' OR (? <> '' AND d.applicant_folded LIKE ? ESCAPE '!')
       OR d.applicant_id_number = ?)
ORDER BY CASE WHEN ? = 2 THEN d.finished_at END DESC, CASE WHEN ? >= 1 THEN d.id END DESC,
    (d.due_at IS NULL), d.due_at, d.id
LIMIT ? OFFSET ?;

-- name: DossierInboxCount
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
), scope(code) AS (
    SELECT u.code FROM units u JOIN tree t ON t.id = u.id
)
SELECT COUNT(*) FROM (SELECT 1 AS x
FROM dossiers d
LEFT JOIN procedures p ON p.code = d.procedure_code
WHERE (? = '' OR d.holder_unit = ?)
  AND (? = 0 OR d.unit_code IN (SELECT code FROM scope) OR d.holder_unit IN (SELECT code FROM scope))
  AND (? = '' OR (',' || ? || ',') LIKE ('%,' || d.status || ',%'))
  AND (? = '' OR d.step_role = ?)
  AND (? = '' OR d.assignee = ?)
  AND (? = '' OR d.procedure_code = ?)
  AND (? = '' OR COALESCE(p.field_code, '') = ?)
  AND (? = 0 OR d.received_at >= ?)
  AND (? = 0 OR d.received_at < ?)
  AND (? = 0
       OR (d.finished_at IS NULL AND d.status <> ? AND d.due_at < ?)
       OR (d.finished_at IS NOT NULL AND (d.supplements >= 2 OR d.finished_at > COALESCE(d.original_due_at, d.due_at))))
  AND (? = '' OR d.code LIKE ? ESCAPE '!' OR (? <> '' AND d.applicant_folded LIKE ? ESCAPE '!')
       OR d.applicant_id_number = ?)
LIMIT ?) capped;
