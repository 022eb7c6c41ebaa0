-- The maintained daily counts of the statistics (report.Contribution, migration 017):
-- one row per receiving unit, civil day and procedure, a column per report.DayMeasure.

-- name: DossierCountsAdd
-- Adds a change (one row per key of a report.Tallies, several rows in bulk).
INSERT INTO dossier_counts (unit_code, day, procedure_code, received_online, received_direct,
    early, on_time, late, withdrawn, due, due_finished)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (unit_code, day, procedure_code) DO UPDATE SET
    received_online = dossier_counts.received_online + excluded.received_online,
    received_direct = dossier_counts.received_direct + excluded.received_direct,
    early = dossier_counts.early + excluded.early,
    on_time = dossier_counts.on_time + excluded.on_time,
    late = dossier_counts.late + excluded.late,
    withdrawn = dossier_counts.withdrawn + excluded.withdrawn,
    due = dossier_counts.due + excluded.due,
    due_finished = dossier_counts.due_finished + excluded.due_finished;

-- name: DossierCountsHalfAdd
-- Adds a change by half-month (report.Tallies.ByHalfMonth).
INSERT INTO dossier_counts_half (unit_code, half, procedure_code, received_online, received_direct,
    early, on_time, late, withdrawn, due, due_finished)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (unit_code, half, procedure_code) DO UPDATE SET
    received_online = dossier_counts_half.received_online + excluded.received_online,
    received_direct = dossier_counts_half.received_direct + excluded.received_direct,
    early = dossier_counts_half.early + excluded.early,
    on_time = dossier_counts_half.on_time + excluded.on_time,
    late = dossier_counts_half.late + excluded.late,
    withdrawn = dossier_counts_half.withdrawn + excluded.withdrawn,
    due = dossier_counts_half.due + excluded.due,
    due_finished = dossier_counts_half.due_finished + excluded.due_finished;

-- name: DossierCountsClear
DELETE FROM dossier_counts WHERE unit_code = ?;

-- name: DossierCountsHalfClear
DELETE FROM dossier_counts_half WHERE unit_code = ?;

-- name: DossierCountsUnits
-- The units with dossiers whose clock started, whose counts a rebuild recomputes, and
-- those with counts, whose stale rows it clears.
SELECT DISTINCT unit_code FROM dossiers WHERE received_at IS NOT NULL
UNION
SELECT DISTINCT unit_code FROM dossier_counts
UNION
SELECT DISTINCT unit_code FROM dossier_counts_half;

-- name: DossierCountsSource
-- What report.Contribution reads of each dossier of a unit whose clock started, from
-- the projection (the legal appointment is original_due_at, else due_at, as in the
-- summaries of the lists).
SELECT procedure_code, channel, status, received_at, finished_at, original_due_at, due_at
FROM dossiers
WHERE unit_code = ? AND received_at IS NOT NULL;

-- name: DossierCountsOfUnit
SELECT procedure_code, day, received_online, received_direct, early, on_time, late, withdrawn,
    due, due_finished
FROM dossier_counts
WHERE unit_code = ?;

-- name: DossierCountsRowsInScope
-- The day rows and the half-month rows of the unit (and with the subtree flag every unit
-- below it).
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id WHERE ? = 1
), scope(code) AS (
    SELECT u.code FROM units u JOIN tree t ON t.id = u.id
)
SELECT (SELECT COUNT(*) FROM dossier_counts WHERE unit_code IN (SELECT code FROM scope)),
    (SELECT COUNT(*) FROM dossier_counts_half WHERE unit_code IN (SELECT code FROM scope));

-- name: DossierCountsRule
SELECT rule FROM dossier_counts_rule WHERE id = 1;

-- name: DossierCountsRuleSet
UPDATE dossier_counts_rule SET rule = ? WHERE id = 1;

-- name: II06aSums
-- report.PeriodSums per field of the unit (and with the subtree flag every unit below
-- it) for a period, as report.PeriodSums.AddDay defines them over the half-month rows up
-- to the last day of the period, except the half-months the period cuts
-- (report.Period.Cut), whose day rows are read instead. Parameters: unit, subtree flag;
-- last day, first day read of the day rows, the day after the first cut half-month,
-- start of the second; last day, the two cut half-months (empty when not cut); then the
-- first day seven times.
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id WHERE ? = 1
), scope(code) AS (
    SELECT u.code FROM units u JOIN tree t ON t.id = u.id
), picked(procedure_code, day, received_online, received_direct, early, on_time, late,
    withdrawn, due, due_finished) AS (
    SELECT c.procedure_code, c.day, c.received_online, c.received_direct, c.early, c.on_time,
        c.late, c.withdrawn, c.due, c.due_finished
    FROM dossier_counts c
    WHERE c.unit_code IN (SELECT code FROM scope) AND c.day <= ? AND c.day >= ?
        AND (c.day < ? OR c.day >= ?)
    UNION ALL
    SELECT h.procedure_code, h.half, h.received_online, h.received_direct, h.early, h.on_time,
        h.late, h.withdrawn, h.due, h.due_finished
    FROM dossier_counts_half h
    WHERE h.unit_code IN (SELECT code FROM scope) AND h.half <= ? AND h.half <> ? AND h.half <> ?
), sums(procedure_code, received_online, received_direct, open_before, early, on_time, late,
    withdrawn, overdue) AS (
    SELECT c.procedure_code,
        SUM(CASE WHEN c.day >= ? THEN c.received_online ELSE 0 END),
        SUM(CASE WHEN c.day >= ? THEN c.received_direct ELSE 0 END),
        SUM(CASE WHEN c.day < ? THEN c.received_online + c.received_direct
            - c.early - c.on_time - c.late - c.withdrawn ELSE 0 END),
        SUM(CASE WHEN c.day >= ? THEN c.early ELSE 0 END),
        SUM(CASE WHEN c.day >= ? THEN c.on_time ELSE 0 END),
        SUM(CASE WHEN c.day >= ? THEN c.late ELSE 0 END),
        SUM(CASE WHEN c.day >= ? THEN c.withdrawn ELSE 0 END),
        SUM(c.due - c.due_finished)
    FROM picked c
    GROUP BY c.procedure_code
)
SELECT COALESCE(p.field_code, ''),
    CAST(SUM(s.received_online) AS BIGINT), CAST(SUM(s.received_direct) AS BIGINT),
    CAST(SUM(s.open_before) AS BIGINT), CAST(SUM(s.early) AS BIGINT),
    CAST(SUM(s.on_time) AS BIGINT), CAST(SUM(s.late) AS BIGINT),
    CAST(SUM(s.withdrawn) AS BIGINT), CAST(SUM(s.overdue) AS BIGINT)
FROM sums s
LEFT JOIN procedures p ON p.code = s.procedure_code
GROUP BY COALESCE(p.field_code, '');
