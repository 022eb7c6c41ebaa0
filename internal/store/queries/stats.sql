-- Biểu II.07b, the leaders' dashboard and the competition scorecard.

-- name: II07bUnits
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id WHERE ? = 1
)
SELECT u.code, u.name, u.level,
    (SELECT COUNT(*) FROM unit_procedures up WHERE up.unit_code = u.code),
    (SELECT COUNT(*) FROM unit_procedures up WHERE up.unit_code = u.code
        AND EXISTS (SELECT 1 FROM process_versions pv WHERE pv.procedure_code = up.procedure_code
            AND pv.published_at < ? AND pv.steps <> '[]'))
FROM units u JOIN tree t ON t.id = u.id
ORDER BY u.code;

-- name: ProcedureDocsAll
SELECT d.doc FROM procedures p JOIN procedure_docs d ON d.procedure_id = p.id;

-- name: OpenDossiers
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id WHERE ? = 1
)
SELECT d.code, d.procedure_name, d.status, d.step, COALESCE(p.body, d.process), d.assignee, COALESCE(us.full_name, ''),
    d.received_at, d.original_due_at, d.due_at
FROM dossiers d
LEFT JOIN dossier_texts p ON p.id = d.process_text
LEFT JOIN users us ON us.username = d.assignee
WHERE d.unit_code IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id)
  AND d.status IN ('submitted', 'received', 'processing', 'supplement_requested')
ORDER BY d.id DESC
LIMIT 5001;

-- name: ScorecardSchemeGet
SELECT doc FROM scorecard_schemes WHERE year = ?;

-- name: ScorecardSchemePut
INSERT INTO scorecard_schemes (year, doc, updated_at, updated_by) VALUES (?, ?, ?, ?)
ON CONFLICT (year) DO UPDATE SET doc = excluded.doc, updated_at = excluded.updated_at, updated_by = excluded.updated_by;

-- name: ScorecardEntries
SELECT criterion, self_points, self_note, appraised_points, appraisal_note
FROM scorecard_entries WHERE year = ? AND unit_code = ?;

-- name: ScorecardSelfPut
INSERT INTO scorecard_entries (year, unit_code, criterion, self_points, self_note, self_by, self_at)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (year, unit_code, criterion) DO UPDATE SET self_points = excluded.self_points,
    self_note = excluded.self_note, self_by = excluded.self_by, self_at = excluded.self_at;

-- name: ScorecardAppraisalPut
INSERT INTO scorecard_entries (year, unit_code, criterion, appraised_points, appraisal_note, appraised_by, appraised_at)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (year, unit_code, criterion) DO UPDATE SET appraised_points = excluded.appraised_points,
    appraisal_note = excluded.appraisal_note, appraised_by = excluded.appraised_by, appraised_at = excluded.appraised_at;

-- name: ScorecardEvidenceAdd
INSERT INTO scorecard_evidence (year, unit_code, criterion, sha256, size, content_type, file_name, uploaded_by, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
RETURNING id;

-- name: ScorecardEvidenceList
SELECT id, year, unit_code, criterion, sha256, size, content_type, file_name, uploaded_by, created_at
FROM scorecard_evidence WHERE year = ? AND unit_code = ? ORDER BY criterion, id;

-- name: ScorecardEvidenceGet
SELECT id, year, unit_code, criterion, sha256, size, content_type, file_name, uploaded_by, created_at
FROM scorecard_evidence WHERE id = ?;

-- name: ScorecardEvidenceCount
SELECT COUNT(*) FROM scorecard_evidence WHERE year = ? AND unit_code = ? AND criterion = ?;
