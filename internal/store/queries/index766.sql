-- The QĐ 766 measures counted per root unit (each root with every unit below it) for
-- many roots at once. Indicators 2.1, 3.3, 3.4 and 3.6, 5.4's resolved and late dossiers
-- and the denominators of 4.1–4.3 come from the maintained counts (IndexCountSums,
-- counts.sql); the measures that depend on other records (ratings, PAKN, files) are
-- counted here, each driven from the smaller side: the dissatisfied ratings and the
-- PAKN about a dossier, and the files with a result or a reused component (migration
-- 019's indexes), joined to the dossiers and the tree. CROSS JOIN fixes that order on SQLite; PostgreSQL plans the
-- same joins by its statistics. Roots: the units directly below the first parameter's
-- unit, or the second parameter's unit ('' for none).

-- 5.4: the dossiers resolved in the period (finished, not withdrawn, their clock
-- started) rated "không hài lòng", and those not so rated with a PAKN about them
-- (feedback.ServiceSatisfaction). Then: start, end.

-- name: IndexSatisfactionCounts
WITH RECURSIVE tree(id, code, root) AS (
    SELECT id, code, code FROM units
    WHERE parent_id IN (SELECT p.id FROM units p WHERE p.code = ?) OR code = ?
    UNION ALL
    SELECT u.id, u.code, t.root FROM units u JOIN tree t ON u.parent_id = t.id
), disliked(id) AS (
    SELECT dossier_id FROM dossier_ratings WHERE level = 'dissatisfied'
), candidates(id, disliked) AS (
    SELECT id, 1 FROM disliked
    UNION
    SELECT d.id, 0 FROM feedback b CROSS JOIN dossiers d
    WHERE b.dossier_code <> '' AND d.code = b.dossier_code AND d.id NOT IN (SELECT id FROM disliked)
)
SELECT t.root, SUM(c.disliked), SUM(1 - c.disliked)
FROM candidates c CROSS JOIN dossiers d CROSS JOIN tree t
WHERE d.id = c.id AND t.code = d.unit_code
  AND d.received_at IS NOT NULL AND d.finished_at >= ? AND d.finished_at < ? AND d.status <> 'withdrawn'
GROUP BY t.root;

-- 4.1: the dossiers finished with a result in the period that have a signed electronic
-- result; 4.2: those received in the period with a scanned or submitted component and a
-- result file; 4.3: those received in the period with a reused component. Then: start,
-- end (finished), start, end (received), start, end (received).

-- name: IndexFileCounts
WITH RECURSIVE tree(id, code, root) AS (
    SELECT id, code, code FROM units
    WHERE parent_id IN (SELECT p.id FROM units p WHERE p.code = ?) OR code = ?
    UNION ALL
    SELECT u.id, u.code, t.root FROM units u JOIN tree t ON u.parent_id = t.id
), results(code) AS (
    SELECT DISTINCT dossier_code FROM attachments WHERE purpose = 'result'
), result_files(code) AS (
    SELECT DISTINCT dossier_code FROM attachments WHERE purpose IN ('result', 'result_scan')
), reusing(code) AS (
    SELECT DISTINCT dossier_code FROM attachments WHERE reused_from <> ''
), counted(root, eresult, digitised, reused) AS (
    SELECT t.root, 1, 0, 0 FROM results r CROSS JOIN dossiers d CROSS JOIN tree t
    WHERE d.code = r.code AND t.code = d.unit_code
      AND d.finished_at >= ? AND d.finished_at < ? AND d.status IN ('result_ready', 'returned')
    UNION ALL
    SELECT t.root, 0, 1, 0 FROM result_files r CROSS JOIN dossiers d CROSS JOIN tree t
    WHERE d.code = r.code AND t.code = d.unit_code AND d.received_at >= ? AND d.received_at < ?
      AND EXISTS (SELECT 1 FROM attachments a WHERE a.dossier_code = d.code AND a.purpose IN ('', 'scan'))
    UNION ALL
    SELECT t.root, 0, 0, 1 FROM reusing r CROSS JOIN dossiers d CROSS JOIN tree t
    WHERE d.code = r.code AND t.code = d.unit_code AND d.received_at >= ? AND d.received_at < ?
)
SELECT root, SUM(eresult), SUM(digitised), SUM(reused) FROM counted GROUP BY root;

-- 5.1–5.3: the PAKN now at a unit of a root's subtree received in the period, with their
-- events (no sender data), for the Go rules of their clocks. Then: start, end.

-- name: IndexFeedback
WITH RECURSIVE tree(id, code, root) AS (
    SELECT id, code, code FROM units
    WHERE parent_id IN (SELECT p.id FROM units p WHERE p.code = ?) OR code = ?
    UNION ALL
    SELECT u.id, u.code, t.root FROM units u JOIN tree t ON u.parent_id = t.id
)
SELECT t.root, f.id, f.code, f.lookup_key, f.first_unit, f.channel, f.kind, f.dossier_code, f.title, f.content,
    '', '', '', '', COALESCE(f.citizen_id, 0), f.rules, f.received_at, f.due_at, e.payload
FROM tree t
JOIN feedback f ON f.unit_code = t.code
JOIN feedback_events e ON e.feedback_id = f.id
WHERE f.received_at >= ? AND f.received_at < ?
ORDER BY f.id, e.seq;
