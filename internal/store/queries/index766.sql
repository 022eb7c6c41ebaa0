-- The QĐ 766 measures counted per root unit (each root with every unit below it) for
-- many roots at once, beside IndexDossierCounts (index766.sqlite.sql,
-- index766.postgres.sql). Roots: the units directly
-- below the first parameter's unit, or the second parameter's unit ('' for none).

-- 4.1: dossiers resolved with a result in the period, and those with a signed electronic
-- result. Then: start, end.

-- name: IndexResultCounts
WITH RECURSIVE tree(id, code, root) AS (
    SELECT id, code, code FROM units
    WHERE parent_id IN (SELECT p.id FROM units p WHERE p.code = ?) OR code = ?
    UNION ALL
    SELECT u.id, u.code, t.root FROM units u JOIN tree t ON u.parent_id = t.id
)
SELECT t.root, COUNT(*),
    COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM attachments a WHERE a.dossier_code = d.code AND a.purpose = 'result')
        THEN 1 ELSE 0 END), 0)
FROM tree t JOIN dossiers d ON d.unit_code = t.code
WHERE d.finished_at >= ? AND d.finished_at < ?
  AND d.status IN ('result_ready', 'returned')
GROUP BY t.root;

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
