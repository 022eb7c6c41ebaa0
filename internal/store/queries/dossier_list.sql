-- The officers' dossier list (GET /api/v1/dossiers) and the dossiers behind a report
-- cell, a unit at a time, newest first: the index on (unit_code, id, …) of migration 018
-- gives the rows in order after the last ID of the previous page, and carries the
-- columns filtered on, so that the optional filters only narrow what it walks.

-- name: DossierListUnit
-- Parameters: unit, after id; received from (flag, instant), to (flag, instant);
-- status twice; field twice; text, its LIKE pattern, text; the report period (flag, end,
-- start); limit.
SELECT d.id, d.code, d.unit_code, d.procedure_code, COALESCE(p.field_code, ''), d.channel, d.status,
    d.received_at, d.due_at, d.finished_at, d.supplements, d.original_due_at,
    CASE WHEN d.original_due_at IS NOT NULL AND d.due_at <> d.original_due_at THEN 1 ELSE 0 END
FROM dossiers d
LEFT JOIN procedures p ON p.code = d.procedure_code
WHERE d.unit_code = ? AND d.id < ?
  AND (? = 0 OR d.received_at >= ?)
  AND (? = 0 OR d.received_at < ?)
  AND (? = '' OR d.status = ?)
  AND (? = '' OR d.procedure_code IN (SELECT f.code FROM procedures f WHERE f.field_code = ?))
  AND (? = '' OR d.code LIKE ? ESCAPE '!' OR d.procedure_code = ?)
  AND (? = 0 OR (d.received_at < ? AND (d.finished_at IS NULL OR d.finished_at >= ?)))
ORDER BY d.id DESC
LIMIT ?;

-- name: DossierListUnitReceived
-- A short period of receipt leads instead through (unit_code, received_at): the IDs of
-- the period are picked and sorted on the index that carries every filtered column
-- (dossiers_index766_received), and only the rows of the page are read and joined (the unary
-- plus keeps the ID bound from choosing the other index). Parameters: unit, received
-- from, received to, after id; received from (flag, instant), to (flag, instant); status
-- twice; field twice; text, its LIKE pattern, text; the report period (flag, end, start);
-- limit.
SELECT x.id, x.code, x.unit_code, x.procedure_code, COALESCE(p.field_code, ''), x.channel, x.status,
    x.received_at, x.due_at, x.finished_at, x.supplements, x.original_due_at,
    CASE WHEN x.original_due_at IS NOT NULL AND x.due_at <> x.original_due_at THEN 1 ELSE 0 END
FROM (SELECT d.id
    FROM dossiers d
    WHERE d.unit_code = ? AND d.received_at >= ? AND d.received_at < ? AND +d.id < ?
      AND (? = 0 OR d.received_at >= ?)
      AND (? = 0 OR d.received_at < ?)
      AND (? = '' OR d.status = ?)
      AND (? = '' OR d.procedure_code IN (SELECT f.code FROM procedures f WHERE f.field_code = ?))
      AND (? = '' OR d.code LIKE ? ESCAPE '!' OR d.procedure_code = ?)
      AND (? = 0 OR (d.received_at < ? AND (d.finished_at IS NULL OR d.finished_at >= ?)))
    ORDER BY d.id DESC
    LIMIT ?) picked
JOIN dossiers x ON x.id = picked.id
LEFT JOIN procedures p ON p.code = x.procedure_code
ORDER BY x.id DESC;
