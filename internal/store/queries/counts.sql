-- The maintained counts of the statistics (report.Contribution, migration 017): one
-- row per receiving unit, grain (report.Grain), first day and procedure, a column per
-- report.DayMeasure.

-- name: DossierCountsAdd
-- Adds a change (one row per key of report.Tallies.AtGrains, several rows in bulk).
INSERT INTO dossier_counts (unit_code, grain, first_day, procedure_code, received_online,
    received_direct, early, on_time, late, withdrawn, due, due_finished)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (unit_code, grain, first_day, procedure_code) DO UPDATE SET
    received_online = dossier_counts.received_online + excluded.received_online,
    received_direct = dossier_counts.received_direct + excluded.received_direct,
    early = dossier_counts.early + excluded.early,
    on_time = dossier_counts.on_time + excluded.on_time,
    late = dossier_counts.late + excluded.late,
    withdrawn = dossier_counts.withdrawn + excluded.withdrawn,
    due = dossier_counts.due + excluded.due,
    due_finished = dossier_counts.due_finished + excluded.due_finished;

-- name: DossierCountsClear
DELETE FROM dossier_counts WHERE unit_code = ?;

-- name: DossierCountsUnits
-- The units with dossiers whose clock started, whose counts a rebuild recomputes, and
-- those with counts, whose stale rows it clears.
SELECT DISTINCT unit_code FROM dossiers WHERE received_at IS NOT NULL
UNION
SELECT DISTINCT unit_code FROM dossier_counts;

-- name: DossierCountsSource
-- What report.Contribution reads of each dossier of a unit whose clock started, from
-- the projection (the legal appointment is original_due_at, else due_at, as in the
-- summaries of the lists).
SELECT procedure_code, channel, status, received_at, finished_at, original_due_at, due_at
FROM dossiers
WHERE unit_code = ? AND received_at IS NOT NULL;

-- name: DossierCountsOfUnit
SELECT procedure_code, first_day, received_online, received_direct, early, on_time, late,
    withdrawn, due, due_finished
FROM dossier_counts
WHERE unit_code = ? AND grain = 'd';

-- name: DossierCountsRowsInScope
-- The rows of each grain of the unit (and with the subtree flag every unit below it).
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id WHERE ? = 1
)
SELECT
    COALESCE(SUM(CASE WHEN grain = 'd' THEN 1 ELSE 0 END), 0),
    COALESCE(SUM(CASE WHEN grain = 'h' THEN 1 ELSE 0 END), 0),
    COALESCE(SUM(CASE WHEN grain = 'y' THEN 1 ELSE 0 END), 0)
FROM dossier_counts
WHERE unit_code IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id);

-- name: DossierCountsRule
SELECT rule FROM dossier_counts_rule WHERE id = 1;

-- name: DossierCountsRuleSet
UPDATE dossier_counts_rule SET rule = ? WHERE id = 1;

-- name: II06aSums
-- report.PeriodSums per field of the unit (and with the subtree flag every unit below
-- it) for a period, from two prefix sums (report.PrefixBefore, report.PeriodSums.AddPrefixes):
-- side 1 the prefix before the day after the last day, side -1 the prefix before the
-- first day, each the years before its year start, the half-months from that to its
-- half-month start and the days from that to its end, each a range of the primary key
-- per unit. Parameters: unit, subtree flag,
-- then year start, year start, half start, half start, end for side 1 and for side -1.
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id WHERE ? = 1
), scope(code) AS (
    SELECT u.code FROM units u JOIN tree t ON t.id = u.id
), picked(procedure_code, side, received_online, received_direct, early, on_time, late,
    withdrawn, due, due_finished) AS (
    SELECT c.procedure_code, 1, c.received_online, c.received_direct, c.early, c.on_time,
        c.late, c.withdrawn, c.due, c.due_finished
    FROM dossier_counts c
    WHERE c.unit_code IN (SELECT code FROM scope) AND c.grain = 'y' AND c.first_day < ?
    UNION ALL
    SELECT c.procedure_code, 1, c.received_online, c.received_direct, c.early, c.on_time,
        c.late, c.withdrawn, c.due, c.due_finished
    FROM dossier_counts c
    WHERE c.unit_code IN (SELECT code FROM scope) AND c.grain = 'h' AND c.first_day >= ? AND c.first_day < ?
    UNION ALL
    SELECT c.procedure_code, 1, c.received_online, c.received_direct, c.early, c.on_time,
        c.late, c.withdrawn, c.due, c.due_finished
    FROM dossier_counts c
    WHERE c.unit_code IN (SELECT code FROM scope) AND c.grain = 'd' AND c.first_day >= ? AND c.first_day < ?
    UNION ALL
    SELECT c.procedure_code, -1, c.received_online, c.received_direct, c.early, c.on_time,
        c.late, c.withdrawn, c.due, c.due_finished
    FROM dossier_counts c
    WHERE c.unit_code IN (SELECT code FROM scope) AND c.grain = 'y' AND c.first_day < ?
    UNION ALL
    SELECT c.procedure_code, -1, c.received_online, c.received_direct, c.early, c.on_time,
        c.late, c.withdrawn, c.due, c.due_finished
    FROM dossier_counts c
    WHERE c.unit_code IN (SELECT code FROM scope) AND c.grain = 'h' AND c.first_day >= ? AND c.first_day < ?
    UNION ALL
    SELECT c.procedure_code, -1, c.received_online, c.received_direct, c.early, c.on_time,
        c.late, c.withdrawn, c.due, c.due_finished
    FROM dossier_counts c
    WHERE c.unit_code IN (SELECT code FROM scope) AND c.grain = 'd' AND c.first_day >= ? AND c.first_day < ?
), sums(procedure_code, received_online, received_direct, open_before, early, on_time, late,
    withdrawn, overdue) AS (
    SELECT c.procedure_code,
        SUM(c.side * c.received_online), SUM(c.side * c.received_direct),
        SUM(CASE WHEN c.side = -1 THEN c.received_online + c.received_direct
            - c.early - c.on_time - c.late - c.withdrawn ELSE 0 END),
        SUM(c.side * c.early), SUM(c.side * c.on_time), SUM(c.side * c.late),
        SUM(c.side * c.withdrawn),
        SUM(CASE WHEN c.side = 1 THEN c.due - c.due_finished ELSE 0 END)
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
