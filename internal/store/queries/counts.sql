-- The maintained counts of the statistics (report.Contribution, migration 017): one
-- row per receiving unit, grain (report.Grain), first day and procedure, a column per
-- report.DayMeasure.

-- name: DossierCountsAdd
-- Adds a change (one row per key of report.Tallies.AtGrains, several rows in bulk).
INSERT INTO dossier_counts (unit_code, grain, first_day, procedure_code, received_online,
    received_direct, early, on_time, late, withdrawn, due, due_finished, result_dossiers,
    twice_received, twice_finished, twice_late, twice_withdrawn, twice_due, twice_due_finished,
    fee_due, paid_online)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (unit_code, grain, first_day, procedure_code) DO UPDATE SET
    received_online = dossier_counts.received_online + excluded.received_online,
    received_direct = dossier_counts.received_direct + excluded.received_direct,
    early = dossier_counts.early + excluded.early,
    on_time = dossier_counts.on_time + excluded.on_time,
    late = dossier_counts.late + excluded.late,
    withdrawn = dossier_counts.withdrawn + excluded.withdrawn,
    due = dossier_counts.due + excluded.due,
    due_finished = dossier_counts.due_finished + excluded.due_finished,
    result_dossiers = dossier_counts.result_dossiers + excluded.result_dossiers,
    twice_received = dossier_counts.twice_received + excluded.twice_received,
    twice_finished = dossier_counts.twice_finished + excluded.twice_finished,
    twice_late = dossier_counts.twice_late + excluded.twice_late,
    twice_withdrawn = dossier_counts.twice_withdrawn + excluded.twice_withdrawn,
    twice_due = dossier_counts.twice_due + excluded.twice_due,
    twice_due_finished = dossier_counts.twice_due_finished + excluded.twice_due_finished,
    fee_due = dossier_counts.fee_due + excluded.fee_due,
    paid_online = dossier_counts.paid_online + excluded.paid_online;

-- name: DossierCountsClear
DELETE FROM dossier_counts WHERE unit_code = ?;

-- name: DossierUnitCountsAdd
-- Adds a change summed over the procedures (store.countRows; migration 025).
INSERT INTO dossier_unit_counts (unit_code, grain, first_day, received_online, received_direct, early, on_time, late, withdrawn, due, due_finished, result_dossiers, twice_received, twice_finished, twice_late, twice_withdrawn, twice_due, twice_due_finished, fee_due, paid_online)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (unit_code, grain, first_day) DO UPDATE SET
    received_online = dossier_unit_counts.received_online + excluded.received_online,
    received_direct = dossier_unit_counts.received_direct + excluded.received_direct,
    early = dossier_unit_counts.early + excluded.early,
    on_time = dossier_unit_counts.on_time + excluded.on_time,
    late = dossier_unit_counts.late + excluded.late,
    withdrawn = dossier_unit_counts.withdrawn + excluded.withdrawn,
    due = dossier_unit_counts.due + excluded.due,
    due_finished = dossier_unit_counts.due_finished + excluded.due_finished,
    result_dossiers = dossier_unit_counts.result_dossiers + excluded.result_dossiers,
    twice_received = dossier_unit_counts.twice_received + excluded.twice_received,
    twice_finished = dossier_unit_counts.twice_finished + excluded.twice_finished,
    twice_late = dossier_unit_counts.twice_late + excluded.twice_late,
    twice_withdrawn = dossier_unit_counts.twice_withdrawn + excluded.twice_withdrawn,
    twice_due = dossier_unit_counts.twice_due + excluded.twice_due,
    twice_due_finished = dossier_unit_counts.twice_due_finished + excluded.twice_due_finished,
    fee_due = dossier_unit_counts.fee_due + excluded.fee_due,
    paid_online = dossier_unit_counts.paid_online + excluded.paid_online;

-- name: DossierUnitCountsClear
DELETE FROM dossier_unit_counts WHERE unit_code = ?;

-- name: DossierUnitCountsDiffer
-- The rows (not all zero) where dossier_unit_counts differs from dossier_counts summed
-- by unit, grain and day, either way: 0 when they agree.
WITH summed AS (
    SELECT unit_code, grain, first_day, SUM(received_online), SUM(received_direct), SUM(early), SUM(on_time), SUM(late), SUM(withdrawn), SUM(due), SUM(due_finished), SUM(result_dossiers), SUM(twice_received), SUM(twice_finished), SUM(twice_late), SUM(twice_withdrawn), SUM(twice_due), SUM(twice_due_finished), SUM(fee_due), SUM(paid_online)
    FROM dossier_counts
    GROUP BY unit_code, grain, first_day
    HAVING SUM(received_online) <> 0 OR SUM(received_direct) <> 0 OR SUM(early) <> 0 OR SUM(on_time) <> 0 OR SUM(late) <> 0 OR SUM(withdrawn) <> 0 OR SUM(due) <> 0 OR SUM(due_finished) <> 0 OR SUM(result_dossiers) <> 0 OR SUM(twice_received) <> 0 OR SUM(twice_finished) <> 0 OR SUM(twice_late) <> 0 OR SUM(twice_withdrawn) <> 0 OR SUM(twice_due) <> 0 OR SUM(twice_due_finished) <> 0 OR SUM(fee_due) <> 0 OR SUM(paid_online) <> 0
), kept AS (
    SELECT unit_code, grain, first_day, received_online, received_direct, early, on_time, late, withdrawn, due, due_finished, result_dossiers, twice_received, twice_finished, twice_late, twice_withdrawn, twice_due, twice_due_finished, fee_due, paid_online
    FROM dossier_unit_counts
    WHERE received_online <> 0 OR received_direct <> 0 OR early <> 0 OR on_time <> 0 OR late <> 0 OR withdrawn <> 0 OR due <> 0 OR due_finished <> 0 OR result_dossiers <> 0 OR twice_received <> 0 OR twice_finished <> 0 OR twice_late <> 0 OR twice_withdrawn <> 0 OR twice_due <> 0 OR twice_due_finished <> 0 OR fee_due <> 0 OR paid_online <> 0
)
SELECT (SELECT COUNT(*) FROM (SELECT * FROM summed EXCEPT SELECT * FROM kept) a)
    + (SELECT COUNT(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM summed) b);

-- name: DossierCountsUnits
-- The units with dossiers whose clock started, whose counts a rebuild recomputes, and
-- those with counts, whose stale rows it clears.
SELECT DISTINCT unit_code FROM dossiers WHERE received_at IS NOT NULL
UNION
SELECT DISTINCT unit_code FROM dossier_counts;

-- name: DossierCountsSource
-- What report.Contribution reads of each dossier of a unit whose clock started, from
-- the projection (the legal appointment is original_due_at, else due_at, as in the
-- summaries of the lists), with its fee and whether a payment waived it or paid it
-- online (PaymentMarks). The payments are read for the unit at once (a payment's unit is
-- its dossier's), grouped by dossier, and joined by hash, not probed per dossier.
-- Parameters: unit, unit.
SELECT d.procedure_code, d.channel, d.status, d.received_at, d.finished_at, d.original_due_at, d.due_at,
    d.supplements, d.fee_vnd, COALESCE(p.waived, 0), COALESCE(p.online, 0)
FROM dossiers d
LEFT JOIN (
    SELECT dossier_id,
        MAX(CASE WHEN status = 'waived' THEN 1 ELSE 0 END) AS waived,
        MAX(CASE WHEN method = 'online' AND status IN ('paid', 'refunded') THEN 1 ELSE 0 END) AS online
    FROM payments
    WHERE unit_code = ? AND status IN ('waived', 'paid', 'refunded')
    GROUP BY dossier_id
) p ON p.dossier_id = d.id
WHERE d.unit_code = ? AND d.received_at IS NOT NULL;

-- name: DossierCountsOfUnit
SELECT procedure_code, first_day, received_online, received_direct, early, on_time, late,
    withdrawn, due, due_finished, result_dossiers, twice_received, twice_finished, twice_late,
    twice_withdrawn, twice_due, twice_due_finished, fee_due, paid_online
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
-- first day, each the years before a bound, and signed (w) spans of half-months and of
-- days, each a range of the primary key per unit; an empty span's weight is 0, which
-- skips its branch before it reads anything. Parameters: unit, subtree flag, then
-- report.Prefix.Args for side 1 and for side -1.
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id WHERE ? = 1
), scope(code) AS (
    SELECT u.code FROM units u JOIN tree t ON t.id = u.id
), picked(procedure_code, side, w, received_online, received_direct, early, on_time, late,
    withdrawn, due, due_finished) AS (
    SELECT c.procedure_code, 1, 1, c.received_online, c.received_direct, c.early, c.on_time,
        c.late, c.withdrawn, c.due, c.due_finished
    FROM dossier_counts c
    WHERE c.unit_code IN (SELECT code FROM scope) AND c.grain = 'y' AND c.first_day < ?
    UNION ALL
    SELECT c.procedure_code, 1, CAST(? AS INTEGER), c.received_online, c.received_direct, c.early, c.on_time,
        c.late, c.withdrawn, c.due, c.due_finished
    FROM dossier_counts c
    WHERE c.unit_code IN (SELECT code FROM scope) AND c.grain = 'h' AND c.first_day >= ? AND c.first_day < ? AND CAST(? AS INTEGER) <> 0
    UNION ALL
    SELECT c.procedure_code, 1, CAST(? AS INTEGER), c.received_online, c.received_direct, c.early, c.on_time,
        c.late, c.withdrawn, c.due, c.due_finished
    FROM dossier_counts c
    WHERE c.unit_code IN (SELECT code FROM scope) AND c.grain = 'd' AND c.first_day >= ? AND c.first_day < ? AND CAST(? AS INTEGER) <> 0
    UNION ALL
    SELECT c.procedure_code, -1, 1, c.received_online, c.received_direct, c.early, c.on_time,
        c.late, c.withdrawn, c.due, c.due_finished
    FROM dossier_counts c
    WHERE c.unit_code IN (SELECT code FROM scope) AND c.grain = 'y' AND c.first_day < ?
    UNION ALL
    SELECT c.procedure_code, -1, CAST(? AS INTEGER), c.received_online, c.received_direct, c.early, c.on_time,
        c.late, c.withdrawn, c.due, c.due_finished
    FROM dossier_counts c
    WHERE c.unit_code IN (SELECT code FROM scope) AND c.grain = 'h' AND c.first_day >= ? AND c.first_day < ? AND CAST(? AS INTEGER) <> 0
    UNION ALL
    SELECT c.procedure_code, -1, CAST(? AS INTEGER), c.received_online, c.received_direct, c.early, c.on_time,
        c.late, c.withdrawn, c.due, c.due_finished
    FROM dossier_counts c
    WHERE c.unit_code IN (SELECT code FROM scope) AND c.grain = 'd' AND c.first_day >= ? AND c.first_day < ? AND CAST(? AS INTEGER) <> 0
), sums(procedure_code, received_online, received_direct, open_before, early, on_time, late,
    withdrawn, overdue) AS (
    SELECT c.procedure_code,
        SUM(c.side * c.w * c.received_online), SUM(c.side * c.w * c.received_direct),
        SUM(CASE WHEN c.side = -1 THEN c.w * (c.received_online + c.received_direct
            - c.early - c.on_time - c.late - c.withdrawn) ELSE 0 END),
        SUM(c.side * c.w * c.early), SUM(c.side * c.w * c.on_time), SUM(c.side * c.w * c.late),
        SUM(c.side * c.w * c.withdrawn),
        SUM(CASE WHEN c.side = 1 THEN c.w * (c.due - c.due_finished) ELSE 0 END)
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

-- name: IndexCountSums
-- report.PeriodSums per root unit (each root with every unit below it) for a period: the
-- parts of the QĐ 766 index that come from the counts (report.PeriodSums.DossierMeasures,
-- ResolvedLate, Started, Results), read from the counts summed over the procedures
-- (dossier_unit_counts, migration 025) as II06aSums reads its rows (two prefix sums at the
-- three grains, each a range of the primary key per unit); and for 3.4 and 3.6, from the
-- rows of dossier_counts that cover the period (report.Cover) with a fee due (a row paid
-- online has one too; dossier_counts_fees), the dossiers with a fee due and paid online
-- and, summed per procedure first, the procedures with such dossiers.
-- Roots: the units directly below the first parameter's unit, or the second parameter's
-- unit ('' for none). Then report.Prefix.Args for side 1 (the prefix before the day after
-- the last day) and for side -1 (before the first day), then report.CoverArgs.
WITH RECURSIVE tree(id, code, root) AS (
    SELECT id, code, code FROM units
    WHERE parent_id IN (SELECT p.id FROM units p WHERE p.code = ?) OR code = ?
    UNION ALL
    SELECT u.id, u.code, t.root FROM units u JOIN tree t ON u.parent_id = t.id
), scope(code, root) AS (
    SELECT code, root FROM tree
), picked(root, side, w, received_online, received_direct, early, on_time, late, withdrawn, due, due_finished, result_dossiers, twice_received, twice_finished, twice_late, twice_withdrawn, twice_due, twice_due_finished) AS (
    SELECT s.root, 1, 1, c.received_online, c.received_direct, c.early, c.on_time, c.late, c.withdrawn, c.due, c.due_finished, c.result_dossiers, c.twice_received, c.twice_finished, c.twice_late, c.twice_withdrawn, c.twice_due, c.twice_due_finished
    FROM scope s JOIN dossier_unit_counts c ON c.unit_code = s.code
    WHERE c.grain = 'y' AND c.first_day < ?
    UNION ALL
    SELECT s.root, 1, CAST(? AS INTEGER), c.received_online, c.received_direct, c.early, c.on_time, c.late, c.withdrawn, c.due, c.due_finished, c.result_dossiers, c.twice_received, c.twice_finished, c.twice_late, c.twice_withdrawn, c.twice_due, c.twice_due_finished
    FROM scope s JOIN dossier_unit_counts c ON c.unit_code = s.code
    WHERE c.grain = 'h' AND c.first_day >= ? AND c.first_day < ? AND CAST(? AS INTEGER) <> 0
    UNION ALL
    SELECT s.root, 1, CAST(? AS INTEGER), c.received_online, c.received_direct, c.early, c.on_time, c.late, c.withdrawn, c.due, c.due_finished, c.result_dossiers, c.twice_received, c.twice_finished, c.twice_late, c.twice_withdrawn, c.twice_due, c.twice_due_finished
    FROM scope s JOIN dossier_unit_counts c ON c.unit_code = s.code
    WHERE c.grain = 'd' AND c.first_day >= ? AND c.first_day < ? AND CAST(? AS INTEGER) <> 0
    UNION ALL
    SELECT s.root, -1, 1, c.received_online, c.received_direct, c.early, c.on_time, c.late, c.withdrawn, c.due, c.due_finished, c.result_dossiers, c.twice_received, c.twice_finished, c.twice_late, c.twice_withdrawn, c.twice_due, c.twice_due_finished
    FROM scope s JOIN dossier_unit_counts c ON c.unit_code = s.code
    WHERE c.grain = 'y' AND c.first_day < ?
    UNION ALL
    SELECT s.root, -1, CAST(? AS INTEGER), c.received_online, c.received_direct, c.early, c.on_time, c.late, c.withdrawn, c.due, c.due_finished, c.result_dossiers, c.twice_received, c.twice_finished, c.twice_late, c.twice_withdrawn, c.twice_due, c.twice_due_finished
    FROM scope s JOIN dossier_unit_counts c ON c.unit_code = s.code
    WHERE c.grain = 'h' AND c.first_day >= ? AND c.first_day < ? AND CAST(? AS INTEGER) <> 0
    UNION ALL
    SELECT s.root, -1, CAST(? AS INTEGER), c.received_online, c.received_direct, c.early, c.on_time, c.late, c.withdrawn, c.due, c.due_finished, c.result_dossiers, c.twice_received, c.twice_finished, c.twice_late, c.twice_withdrawn, c.twice_due, c.twice_due_finished
    FROM scope s JOIN dossier_unit_counts c ON c.unit_code = s.code
    WHERE c.grain = 'd' AND c.first_day >= ? AND c.first_day < ? AND CAST(? AS INTEGER) <> 0
), sums AS (
    SELECT root,
        SUM(side * w * received_online) AS received_online, SUM(side * w * received_direct) AS received_direct,
        SUM(CASE WHEN side = -1 THEN w * (received_online + received_direct - early - on_time - late - withdrawn) ELSE 0 END) AS open_before,
        SUM(side * w * early) AS early, SUM(side * w * on_time) AS on_time, SUM(side * w * late) AS late,
        SUM(side * w * withdrawn) AS withdrawn,
        SUM(CASE WHEN side = 1 THEN w * (due - due_finished) ELSE 0 END) AS overdue,
        SUM(side * w * result_dossiers) AS result_dossiers,
        SUM(side * w * twice_received) AS twice_received,
        SUM(CASE WHEN side = -1 THEN w * (twice_received - twice_finished) ELSE 0 END) AS twice_open_before,
        SUM(side * w * twice_finished) AS twice_finished, SUM(side * w * twice_late) AS twice_late,
        SUM(side * w * twice_withdrawn) AS twice_withdrawn,
        SUM(CASE WHEN side = 1 THEN w * (twice_due - twice_due_finished) ELSE 0 END) AS twice_overdue
    FROM picked
    GROUP BY root
), fee_rows(root, procedure_code, fee_due, paid_online) AS (
    SELECT s.root, c.procedure_code, c.fee_due, c.paid_online
    FROM scope s JOIN dossier_counts c ON c.unit_code = s.code
    WHERE c.grain = ? AND c.first_day >= ? AND c.first_day < ? AND c.fee_due > 0 AND CAST(? AS INTEGER) <> 0
    UNION ALL
    SELECT s.root, c.procedure_code, c.fee_due, c.paid_online
    FROM scope s JOIN dossier_counts c ON c.unit_code = s.code
    WHERE c.grain = ? AND c.first_day >= ? AND c.first_day < ? AND c.fee_due > 0 AND CAST(? AS INTEGER) <> 0
    UNION ALL
    SELECT s.root, c.procedure_code, c.fee_due, c.paid_online
    FROM scope s JOIN dossier_counts c ON c.unit_code = s.code
    WHERE c.grain = ? AND c.first_day >= ? AND c.first_day < ? AND c.fee_due > 0 AND CAST(? AS INTEGER) <> 0
    UNION ALL
    SELECT s.root, c.procedure_code, c.fee_due, c.paid_online
    FROM scope s JOIN dossier_counts c ON c.unit_code = s.code
    WHERE c.grain = ? AND c.first_day >= ? AND c.first_day < ? AND c.fee_due > 0 AND CAST(? AS INTEGER) <> 0
    UNION ALL
    SELECT s.root, c.procedure_code, c.fee_due, c.paid_online
    FROM scope s JOIN dossier_counts c ON c.unit_code = s.code
    WHERE c.grain = ? AND c.first_day >= ? AND c.first_day < ? AND c.fee_due > 0 AND CAST(? AS INTEGER) <> 0
), fee_procedures AS (
    SELECT root, procedure_code, SUM(fee_due) AS fee_due, SUM(paid_online) AS paid_online
    FROM fee_rows
    GROUP BY root, procedure_code
), fees AS (
    SELECT root, SUM(fee_due) AS fee_due, SUM(paid_online) AS paid_online,
        SUM(CASE WHEN fee_due > 0 THEN 1 ELSE 0 END) AS fee_procedures,
        SUM(CASE WHEN paid_online > 0 THEN 1 ELSE 0 END) AS paid_procedures
    FROM fee_procedures
    GROUP BY root
)
SELECT s.root,
    CAST(s.received_online AS BIGINT), CAST(s.received_direct AS BIGINT),
    CAST(s.open_before AS BIGINT), CAST(s.early AS BIGINT), CAST(s.on_time AS BIGINT),
    CAST(s.late AS BIGINT), CAST(s.withdrawn AS BIGINT), CAST(s.overdue AS BIGINT),
    CAST(s.result_dossiers AS BIGINT), CAST(s.twice_received AS BIGINT),
    CAST(s.twice_open_before AS BIGINT), CAST(s.twice_finished AS BIGINT),
    CAST(s.twice_late AS BIGINT), CAST(s.twice_withdrawn AS BIGINT),
    CAST(s.twice_overdue AS BIGINT),
    CAST(COALESCE(f.fee_due, 0) AS BIGINT), CAST(COALESCE(f.paid_online, 0) AS BIGINT),
    CAST(COALESCE(f.fee_procedures, 0) AS BIGINT), CAST(COALESCE(f.paid_procedures, 0) AS BIGINT)
FROM sums s
LEFT JOIN fees f ON f.root = s.root;
