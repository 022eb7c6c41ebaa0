-- The officers' inbox (hộp hồ sơ) reads the projection kept for lists, one statement per
-- view, each led by a plain condition an index answers (migration 018), the optional
-- filters only narrowing the rows that index gives:
--   work queues        holder_unit = ? AND status IN (open statuses), by appointment
--                      (dossiers_holder: open work only, never the finished history);
--   a unit's dossiers  unit_code = ?, newest first by id, or last finished first by
--                      (finished_at, id), walking an index in its order (dossiers_list,
--                      dossiers_finished_list) and stopping at the page;
--   held elsewhere     holder_unit IN (the scope) for dossiers transferred in from outside the scope
--                      (dossiers_transferred, a partial index of the few of them);
--   everything         the administrators' views, by id.
-- Pages past the first of a unit's list start after a key (keyset), not after counting
-- rows; counts stop a little past the page asked for (store.InboxQuery.CountCap).

-- name: InboxColumns
d.code, d.unit_code, d.procedure_code, d.procedure_name, d.channel, d.applicant_name,
    d.status, d.step, d.step_role, d.holder_unit, d.assignee, d.submitted_at, d.received_at, d.due_at,
    d.finished_at, d.original_due_at, d.supplements, d.id

-- InboxFilters takes its parameters in the order of store.InboxQuery.filterArgs; each
-- condition is off when its first parameter is 0 or the empty string.

-- name: InboxFilters
  AND (? = 0 OR d.status IN (?, ?, ?, ?, ?, ?, ?, ?))
  AND (? = '' OR d.step_role = ?)
  AND (? = '' OR d.assignee = ?)
  AND (? = '' OR d.procedure_code = ?)
  AND (? = '' OR d.procedure_code IN (SELECT p.code FROM procedures p WHERE p.field_code = ?))
  AND (? = 0 OR d.received_at >= ?)
  AND (? = 0 OR d.received_at < ?)
  AND (? = 0
       OR (d.finished_at IS NULL AND d.status <> ? AND d.due_at < ?)
       OR (d.finished_at IS NOT NULL AND (d.supplements >= 2 OR d.finished_at > COALESCE(d.original_due_at, d.due_at))))
  AND (? = '' OR d.code LIKE ? ESCAPE '!' OR (? <> '' AND d.applicant_folded LIKE ? ESCAPE '!')
       OR d.applicant_id_number = ?)

-- InboxFilterRest is InboxFilters without the text (Q), for the searches that test the text
-- first (InboxUnitSearch…): the parameters of store.InboxQuery.filterArgs but the last five.

-- name: InboxFilterRest
  AND (? = 0 OR d.status IN (?, ?, ?, ?, ?, ?, ?, ?))
  AND (? = '' OR d.step_role = ?)
  AND (? = '' OR d.assignee = ?)
  AND (? = '' OR d.procedure_code = ?)
  AND (? = '' OR d.procedure_code IN (SELECT p.code FROM procedures p WHERE p.field_code = ?))
  AND (? = 0 OR d.received_at >= ?)
  AND (? = 0 OR d.received_at < ?)
  AND (? = 0
       OR (d.finished_at IS NULL AND d.status <> ? AND d.due_at < ?)
       OR (d.finished_at IS NOT NULL AND (d.supplements >= 2 OR d.finished_at > COALESCE(d.original_due_at, d.due_at))))

-- name: InboxWork
-- A work queue: the open dossiers the unit holds in some statuses, nearest appointment
-- first. Parameters: holder unit, 8 statuses, the filters, limit, offset.
SELECT {{InboxColumns}}
FROM dossiers d
WHERE d.holder_unit = ? AND d.status IN (?, ?, ?, ?, ?, ?, ?, ?)
  {{InboxFilters}}
ORDER BY (d.due_at IS NULL), d.due_at, d.id
LIMIT ? OFFSET ?;

-- name: InboxWorkCount
SELECT COUNT(*) FROM (SELECT 1 AS x
FROM dossiers d
WHERE d.holder_unit = ? AND d.status IN (?, ?, ?, ?, ?, ?, ?, ?)
  {{InboxFilters}}
LIMIT ?) capped;

-- name: InboxWorkStep
-- A work queue of the steps of one role: as InboxWork, led also by the role of the step
-- (dossiers_holder_step), so that the queue of a leader reads the dossiers at a leader and
-- not every dossier in processing. Parameters: holder unit, 8 statuses, the role, the
-- filters, limit, offset.
SELECT {{InboxColumns}}
FROM dossiers d
WHERE d.holder_unit = ? AND d.status IN (?, ?, ?, ?, ?, ?, ?, ?) AND d.step_role = ?
  {{InboxFilters}}
ORDER BY (d.due_at IS NULL), d.due_at, d.id
LIMIT ? OFFSET ?;

-- name: InboxWorkStepCount
SELECT COUNT(*) FROM (SELECT 1 AS x
FROM dossiers d
WHERE d.holder_unit = ? AND d.status IN (?, ?, ?, ?, ?, ?, ?, ?) AND d.step_role = ?
  {{InboxFilters}}
LIMIT ?) capped;

-- name: InboxUnitNewest
-- The dossiers a unit received, newest first, after the id of the last of the previous page.
-- Parameters: unit, after id, the filters, limit, offset.
SELECT {{InboxColumns}}
FROM dossiers d
WHERE d.unit_code = ? AND d.id < ?
  {{InboxFilters}}
ORDER BY d.id DESC
LIMIT ? OFFSET ?;

-- name: InboxUnitFinished
-- The dossiers a unit received that have finished, last finished first, after the key
-- (finished_at, id) of the last of the previous page. Parameters: unit, after instant, after
-- id, the filters, limit, offset.
SELECT {{InboxColumns}}
FROM dossiers d
WHERE d.unit_code = ? AND d.finished_at IS NOT NULL AND (d.finished_at, d.id) < (?, ?)
  {{InboxFilters}}
ORDER BY d.finished_at DESC, d.id DESC
LIMIT ? OFFSET ?;

-- name: InboxUnitCount
-- The id bound (the largest id) leads the count through the index that carries the
-- filtered columns. Parameters: unit, largest id, the filters, cap.
SELECT COUNT(*) FROM (SELECT 1 AS x
FROM dossiers d
WHERE d.unit_code = ? AND d.id < ?
  {{InboxFilters}}
LIMIT ?) capped;

-- name: InboxUnitSearch
-- A search (part of a code or name, a whole ID number) in the dossiers a unit received,
-- newest first, after the id of the last of the previous page: as InboxUnitNewest, the text
-- tested first (queries/inbox.postgres.sql walks the index with it). Parameters: unit, after
-- id, the text (the last five of the filters), the other filters, limit, offset.
SELECT {{InboxColumns}}
FROM dossiers d
WHERE d.unit_code = ? AND d.id < ?
  AND (? = '' OR d.code LIKE ? ESCAPE '!' OR (? <> '' AND d.applicant_folded LIKE ? ESCAPE '!') OR d.applicant_id_number = ?)
  {{InboxFilterRest}}
ORDER BY d.id DESC
LIMIT ? OFFSET ?;

-- name: InboxUnitSearchBack
SELECT {{InboxColumns}}
FROM dossiers d
WHERE d.unit_code = ? AND d.id > ?
  AND (? = '' OR d.code LIKE ? ESCAPE '!' OR (? <> '' AND d.applicant_folded LIKE ? ESCAPE '!') OR d.applicant_id_number = ?)
  {{InboxFilterRest}}
ORDER BY d.id
LIMIT ? OFFSET ?;

-- name: InboxUnitSearchCount
-- Parameters: unit, largest id, the text, the other filters, cap.
SELECT COUNT(*) FROM (SELECT 1 AS x
FROM dossiers d
WHERE d.unit_code = ? AND d.id < ?
  AND (? = '' OR d.code LIKE ? ESCAPE '!' OR (? <> '' AND d.applicant_folded LIKE ? ESCAPE '!') OR d.applicant_id_number = ?)
  {{InboxFilterRest}}
LIMIT ?) capped;

-- name: InboxHeldNewest
-- The dossiers held by a unit of the scope but received outside it (liên thông), newest
-- first. Parameters: scope root, after id, the filters, limit, offset.
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
)
SELECT {{InboxColumns}}
FROM dossiers d
WHERE d.holder_unit IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id) AND (d.holder_unit <> d.unit_code) IS TRUE AND d.id < ?
  AND d.unit_code NOT IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id)
  {{InboxFilters}}
ORDER BY d.id DESC
LIMIT ? OFFSET ?;

-- name: InboxHeldFinished
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
)
SELECT {{InboxColumns}}
FROM dossiers d
WHERE d.holder_unit IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id) AND (d.holder_unit <> d.unit_code) IS TRUE AND d.finished_at IS NOT NULL AND (d.finished_at, d.id) < (?, ?)
  AND d.unit_code NOT IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id)
  {{InboxFilters}}
ORDER BY d.finished_at DESC, d.id DESC
LIMIT ? OFFSET ?;

-- name: InboxHeldCount
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
)
SELECT COUNT(*) FROM (SELECT 1 AS x
FROM dossiers d
WHERE d.holder_unit IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id) AND (d.holder_unit <> d.unit_code) IS TRUE
  AND d.unit_code NOT IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id)
  {{InboxFilters}}
LIMIT ?) capped;

-- name: InboxAllNewest
-- Every dossier, newest first (administrators). Parameters: after id, the filters,
-- limit, offset.
SELECT {{InboxColumns}}
FROM dossiers d
WHERE d.id < ?
  {{InboxFilters}}
ORDER BY d.id DESC
LIMIT ? OFFSET ?;

-- name: InboxAllFinished
SELECT {{InboxColumns}}
FROM dossiers d
WHERE d.finished_at IS NOT NULL AND (d.finished_at, d.id) < (?, ?)
  {{InboxFilters}}
ORDER BY d.finished_at DESC, d.id DESC
LIMIT ? OFFSET ?;

-- name: InboxAllCount
SELECT COUNT(*) FROM (SELECT 1 AS x
FROM dossiers d
WHERE 1 = 1
  {{InboxFilters}}
LIMIT ?) capped;

-- name: InboxByCode
-- A search for a whole dossier code: the one dossier, by the unique index. Parameters:
-- the code, the filters.
SELECT {{InboxColumns}}
FROM dossiers d
WHERE d.code = ?
  {{InboxFilters}};

-- name: InboxByIDNumber
-- A search for a whole ID number: the dossiers of that applicant, by the index of ID
-- numbers. Parameters: the ID number, the filters, limit.
SELECT {{InboxColumns}}
FROM dossiers d
WHERE d.applicant_id_number = ? AND d.applicant_id_number <> ''
  {{InboxFilters}}
ORDER BY d.id DESC
LIMIT ?;

-- The statements below give the page before a key (InboxQuery.Before): the rows that come
-- just before it in the order of the list, read in the opposite order from the key, each
-- walking the same index as its forward statement. Parameters as theirs.

-- name: InboxUnitNewestBack
SELECT {{InboxColumns}}
FROM dossiers d
WHERE d.unit_code = ? AND d.id > ?
  {{InboxFilters}}
ORDER BY d.id
LIMIT ? OFFSET ?;

-- name: InboxUnitFinishedBack
SELECT {{InboxColumns}}
FROM dossiers d
WHERE d.unit_code = ? AND d.finished_at IS NOT NULL AND (d.finished_at, d.id) > (?, ?)
  {{InboxFilters}}
ORDER BY d.finished_at, d.id
LIMIT ? OFFSET ?;

-- name: InboxHeldNewestBack
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
)
SELECT {{InboxColumns}}
FROM dossiers d
WHERE d.holder_unit IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id) AND (d.holder_unit <> d.unit_code) IS TRUE AND d.id > ?
  AND d.unit_code NOT IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id)
  {{InboxFilters}}
ORDER BY d.id
LIMIT ? OFFSET ?;

-- name: InboxHeldFinishedBack
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
)
SELECT {{InboxColumns}}
FROM dossiers d
WHERE d.holder_unit IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id) AND (d.holder_unit <> d.unit_code) IS TRUE AND d.finished_at IS NOT NULL AND (d.finished_at, d.id) > (?, ?)
  AND d.unit_code NOT IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id)
  {{InboxFilters}}
ORDER BY d.finished_at, d.id
LIMIT ? OFFSET ?;

-- name: InboxAllNewestBack
SELECT {{InboxColumns}}
FROM dossiers d
WHERE d.id > ?
  {{InboxFilters}}
ORDER BY d.id
LIMIT ? OFFSET ?;

-- name: InboxAllFinishedBack
SELECT {{InboxColumns}}
FROM dossiers d
WHERE d.finished_at IS NOT NULL AND (d.finished_at, d.id) > (?, ?)
  {{InboxFilters}}
ORDER BY d.finished_at, d.id
LIMIT ? OFFSET ?;

-- name: InboxTreeSearch
-- A search in the dossiers received by the units of a large scope (a province's), newest
-- first, in one statement (store.treeSearchUnits): a common name walks the dossiers by id
-- and stops at the page, a rare one is found through the trigram indexes (PostgreSQL),
-- instead of one statement per unit. Parameters: scope root, after id, the filters, limit,
-- offset.
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
)
SELECT {{InboxColumns}}
FROM dossiers d
WHERE d.unit_code IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id) AND d.id < ?
  {{InboxFilters}}
ORDER BY d.id DESC
LIMIT ? OFFSET ?;

-- name: InboxTreeSearchBack
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
)
SELECT {{InboxColumns}}
FROM dossiers d
WHERE d.unit_code IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id) AND d.id > ?
  {{InboxFilters}}
ORDER BY d.id
LIMIT ? OFFSET ?;

-- name: InboxTreeSearchFinished
-- InboxTreeSearch in the finished view, last finished first: a common text walks the
-- finished dossiers of every unit in that order (dossiers_finished_all, migration 024)
-- and stops at the page; a rare one is found through the trigram indexes (PostgreSQL).
-- Parameters: scope root, after instant, after id, the filters, limit, offset.
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
)
SELECT {{InboxColumns}}
FROM dossiers d
WHERE d.unit_code IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id)
  AND d.finished_at IS NOT NULL AND (d.finished_at, d.id) < (?, ?)
  {{InboxFilters}}
ORDER BY d.finished_at DESC, d.id DESC
LIMIT ? OFFSET ?;

-- name: InboxTreeSearchFinishedBack
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
)
SELECT {{InboxColumns}}
FROM dossiers d
WHERE d.unit_code IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id)
  AND d.finished_at IS NOT NULL AND (d.finished_at, d.id) > (?, ?)
  {{InboxFilters}}
ORDER BY d.finished_at, d.id
LIMIT ? OFFSET ?;

-- name: InboxTreeSearchCount
-- Parameters: scope root, the filters, cap.
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
)
SELECT COUNT(*) FROM (SELECT 1 AS x
FROM dossiers d
WHERE d.unit_code IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id)
  {{InboxFilters}}
LIMIT ?) capped;
