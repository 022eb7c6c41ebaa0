-- Statistics read the projection kept for lists: one summary row per dossier of a unit,
-- or of a unit and every unit below it when the second parameter is 1. The extended flag
-- comes from the events, so that the original appointment can be recomputed for the few
-- dossiers an apology moved.

-- name: ReportDossiers
-- Three ranges of the indexes on (unit_code, received_at) and (unit_code, finished_at),
-- so that the rows read are those of the period and the ones carried into it, not the
-- whole history before it: received in the period; received before it and finished in
-- or after it; received before it and still open. Parameters: unit, subtree flag, start,
-- end, start, start, start.
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id WHERE ? = 1
), scope(code) AS (
    SELECT u.code FROM units u JOIN tree t ON t.id = u.id
), picked(id) AS (
    SELECT d.id FROM dossiers d
    WHERE d.unit_code IN (SELECT code FROM scope) AND d.received_at >= ? AND d.received_at < ?
    UNION ALL
    SELECT d.id FROM dossiers d
    WHERE d.unit_code IN (SELECT code FROM scope) AND d.finished_at >= ? AND d.received_at < ?
    UNION ALL
    SELECT d.id FROM dossiers d
    WHERE d.unit_code IN (SELECT code FROM scope) AND d.finished_at IS NULL AND d.received_at < ?
)
SELECT d.id, d.code, d.unit_code, d.procedure_code, COALESCE(p.field_code, ''), d.channel, d.status,
    d.received_at, d.due_at, d.finished_at, d.supplements, d.original_due_at,
    CASE WHEN d.original_due_at IS NOT NULL AND d.due_at <> d.original_due_at THEN 1 ELSE 0 END
FROM picked k
JOIN dossiers d ON d.id = k.id
LEFT JOIN procedures p ON p.code = d.procedure_code
ORDER BY d.id DESC;

-- name: DossierList
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id WHERE ? = 1
)
SELECT d.id, d.code, d.unit_code, d.procedure_code, COALESCE(p.field_code, ''), d.channel, d.status,
    d.received_at, d.due_at, d.finished_at, d.supplements, d.original_due_at,
    CASE WHEN d.original_due_at IS NOT NULL AND d.due_at <> d.original_due_at THEN 1 ELSE 0 END
FROM dossiers d
LEFT JOIN procedures p ON p.code = d.procedure_code
WHERE d.unit_code IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id)
  AND (? = 0 OR d.received_at >= ?)
  AND (? = 0 OR d.received_at < ?)
  AND (? = '' OR d.status = ?)
  AND (? = '' OR COALESCE(p.field_code, '') = ?)
  AND (? = '' OR d.code LIKE ? ESCAPE '!' OR d.procedure_code = ?)
  AND (? = 0 OR d.id < ?)
ORDER BY d.id DESC
LIMIT ?;
