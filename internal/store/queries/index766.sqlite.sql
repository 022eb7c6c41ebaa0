-- The QĐ 766 indicators counted from the dossiers, per root unit (each root with every
-- unit below it), in one pass over three ranges of the covering indexes on (unit_code,
-- received_at) and (unit_code, finished_at): received in the period; received before it
-- and finished in or after it; received before it and still open (as ReportDossiers).
-- report.ClassifyII06a's rules are written in SQL, civil dates in UTC+7; this file and
-- its twin for the other database differ only in how a civil date is taken.
--
--   2.1 on_time / processed, 3.3 online / received (report.DossierMeasures);
--   5.4 resolved, late, disliked, with_feedback (feedback.ServiceSatisfaction);
--   4.2, 4.3 digitised, reused / started (received in the period);
--   3.6 paid_online / fee_dossiers, 3.4 paid_procedures / fee_procedures.
--
-- Roots: the units directly below the first parameter's unit, or the second
-- parameter's unit ('' for none). The dossiers are read unit by unit (a semi-join on the
-- tree, so that the planners expect one index range per unit) and counted per unit and
-- procedure; the few rows of that count are then summed per root and procedure (3.4's
-- distinct procedures) and per root. SQLite is told which index serves the dossiers
-- carried into the period: the covering index on received_at would read the whole
-- history before it. Then: start, end, start, start, start (the ranges);
-- start, end, start (received, finished, counted), end (in time).

-- name: IndexDossierCounts
WITH RECURSIVE tree(id, code, root) AS (
    SELECT id, code, code FROM units
    WHERE parent_id IN (SELECT p.id FROM units p WHERE p.code = ?) OR code = ?
    UNION ALL
    SELECT u.id, u.code, t.root FROM units u JOIN tree t ON u.parent_id = t.id
), picked AS (
    SELECT d.unit_code AS unit, d.id, d.code, d.channel, d.status, d.received_at, d.finished_at, d.supplements, d.fee_vnd, d.procedure_code,
        COALESCE(d.original_due_at, d.due_at) AS due
    FROM dossiers d
    WHERE d.unit_code IN (SELECT code FROM tree) AND d.received_at >= ? AND d.received_at < ?
    UNION ALL
    SELECT d.unit_code AS unit, d.id, d.code, d.channel, d.status, d.received_at, d.finished_at, d.supplements, d.fee_vnd, d.procedure_code,
        COALESCE(d.original_due_at, d.due_at)
    FROM dossiers d INDEXED BY dossiers_index766_finished
    WHERE d.unit_code IN (SELECT code FROM tree) AND d.finished_at >= ? AND d.received_at < ?
    UNION ALL
    SELECT d.unit_code AS unit, d.id, d.code, d.channel, d.status, d.received_at, d.finished_at, d.supplements, d.fee_vnd, d.procedure_code,
        COALESCE(d.original_due_at, d.due_at)
    FROM dossiers d INDEXED BY dossiers_open
    WHERE d.unit_code IN (SELECT code FROM tree) AND d.finished_at IS NULL AND d.received_at < ?
), counted AS (
    SELECT k.*,
        CASE WHEN k.received_at < ? THEN 0 ELSE 1 END AS fresh,
        CASE WHEN k.finished_at IS NOT NULL AND k.finished_at < ? THEN 1 ELSE 0 END AS done,
        CASE WHEN k.finished_at IS NULL OR k.finished_at >= ? THEN 1 ELSE 0 END AS live
    FROM picked k
), flags AS (
    SELECT c.unit, c.id, c.code, c.supplements, c.fee_vnd, c.procedure_code, c.fresh, c.done, c.live,
        CASE WHEN c.channel = 'online' THEN 1 ELSE 0 END AS online,
        CASE WHEN c.done = 1 AND c.status = 'withdrawn' THEN 1 ELSE 0 END AS withdrawn,
        CASE WHEN c.live = 1 AND c.done = 1 AND c.status <> 'withdrawn' THEN 1 ELSE 0 END AS resolved,
        CASE WHEN c.due IS NULL THEN 1
             WHEN c.done = 1 AND date(c.finished_at, '+7 hours') <= date(c.due, '+7 hours') THEN 1
             WHEN c.done = 0 AND c.due >= ? THEN 1
             ELSE 0 END AS in_time
    FROM counted c
), per_procedure AS (
    SELECT unit, procedure_code,
        SUM(CASE WHEN live = 1 AND withdrawn = 0 AND in_time = 1 AND supplements < 2 THEN 1 ELSE 0 END) AS on_time,
        SUM(CASE WHEN live = 1 AND withdrawn = 0 THEN 1 ELSE 0 END) AS processed,
        SUM(live * fresh * online) AS online,
        SUM(live * fresh) AS received,
        SUM(resolved) AS resolved,
        SUM(CASE WHEN resolved = 1 AND (in_time = 0 OR supplements >= 2) THEN 1 ELSE 0 END) AS late,
        SUM(CASE WHEN resolved = 1 AND EXISTS (SELECT 1 FROM dossier_ratings r
            WHERE r.dossier_id = flags.id AND r.level = 'dissatisfied') THEN 1 ELSE 0 END) AS disliked,
        SUM(CASE WHEN resolved = 1 AND NOT EXISTS (SELECT 1 FROM dossier_ratings r
            WHERE r.dossier_id = flags.id AND r.level = 'dissatisfied')
            AND EXISTS (SELECT 1 FROM feedback b WHERE b.dossier_code = flags.code AND b.dossier_code <> '')
            THEN 1 ELSE 0 END) AS with_feedback,
        SUM(fresh) AS started,
        SUM(CASE WHEN fresh = 1
            AND EXISTS (SELECT 1 FROM attachments a WHERE a.dossier_code = flags.code AND a.purpose IN ('', 'scan'))
            AND EXISTS (SELECT 1 FROM attachments a WHERE a.dossier_code = flags.code AND a.purpose IN ('result', 'result_scan'))
            THEN 1 ELSE 0 END) AS digitised,
        SUM(CASE WHEN fresh = 1
            AND EXISTS (SELECT 1 FROM attachments a WHERE a.dossier_code = flags.code AND a.reused_from <> '')
            THEN 1 ELSE 0 END) AS reused,
        SUM(CASE WHEN fresh = 1 AND fee_vnd > 0
            AND NOT EXISTS (SELECT 1 FROM payments w WHERE w.dossier_id = flags.id AND w.status = 'waived')
            THEN 1 ELSE 0 END) AS fee_due,
        SUM(CASE WHEN fresh = 1 AND fee_vnd > 0
            AND NOT EXISTS (SELECT 1 FROM payments w WHERE w.dossier_id = flags.id AND w.status = 'waived')
            AND EXISTS (SELECT 1 FROM payments p WHERE p.dossier_id = flags.id
                AND p.method = 'online' AND p.status IN ('paid', 'refunded'))
            THEN 1 ELSE 0 END) AS paid_online
    FROM flags
    GROUP BY unit, procedure_code
), per_root AS (
    SELECT t.root, x.procedure_code, SUM(x.on_time) AS on_time, SUM(x.processed) AS processed, SUM(x.online) AS online,
        SUM(x.received) AS received, SUM(x.resolved) AS resolved, SUM(x.late) AS late, SUM(x.disliked) AS disliked,
        SUM(x.with_feedback) AS with_feedback, SUM(x.started) AS started, SUM(x.digitised) AS digitised,
        SUM(x.reused) AS reused, SUM(x.fee_due) AS fee_due, SUM(x.paid_online) AS paid_online
    FROM per_procedure x JOIN tree t ON t.code = x.unit
    GROUP BY t.root, x.procedure_code
)
SELECT root, SUM(on_time), SUM(processed), SUM(online), SUM(received), SUM(resolved), SUM(late),
    SUM(disliked), SUM(with_feedback), SUM(started), SUM(digitised), SUM(reused), SUM(fee_due), SUM(paid_online),
    SUM(CASE WHEN fee_due > 0 THEN 1 ELSE 0 END), SUM(CASE WHEN paid_online > 0 THEN 1 ELSE 0 END)
FROM per_root
GROUP BY root;
