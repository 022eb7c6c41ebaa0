-- Procedure catalogue (danh mục thủ tục hành chính).

-- name: FieldUpsert
INSERT INTO fields (code, name, position) VALUES (?, ?, ?)
ON CONFLICT (code) DO UPDATE SET name = excluded.name, position = excluded.position;

-- name: FieldExists
SELECT COUNT(*) FROM fields WHERE code = ?;

-- name: FieldNextPosition
SELECT COALESCE(MAX(position), 0) + 1 FROM fields;

-- name: FieldCounts
SELECT f.code, f.name, COUNT(p.id)
FROM fields f LEFT JOIN procedures p ON p.field_code = f.code
GROUP BY f.code, f.name, f.position
ORDER BY f.position, f.code;

-- name: ProcedureDoc
SELECT d.doc FROM procedures p JOIN procedure_docs d ON d.procedure_id = p.id WHERE p.code = ?;

-- name: ProcedureCurrent
SELECT p.id, p.process_version, d.doc FROM procedures p JOIN procedure_docs d ON d.procedure_id = p.id WHERE p.code = ?;

-- name: ProcedureNextPosition
SELECT COALESCE(MAX(position), 0) + 1 FROM procedures;

-- name: ProcedureInsert
INSERT INTO procedures (code, name, folded, search, field_code, online, deadline_days, deadline_mode, fee_vnd,
    process_version, position, updated_at, updated_by)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
RETURNING id;

-- name: ProcedureUpdate
UPDATE procedures SET name = ?, folded = ?, search = ?, field_code = ?, online = ?, deadline_days = ?, deadline_mode = ?,
    fee_vnd = ?, process_version = ?, position = ?, updated_at = ?, updated_by = ?
WHERE id = ?;

-- name: ProcedureDocs
SELECT d.doc FROM procedures p JOIN procedure_docs d ON d.procedure_id = p.id ORDER BY p.position, p.code;

-- name: ProcedureDocPut
INSERT INTO procedure_docs (procedure_id, doc) VALUES (?, ?)
ON CONFLICT (procedure_id) DO UPDATE SET doc = excluded.doc;

-- name: FieldList
SELECT code, name FROM fields ORDER BY position, code;

-- name: ProcedureBrowse
SELECT p.code, p.name, p.folded, p.field_code, f.name, p.deadline_days, p.deadline_mode, p.online, p.fee_vnd, p.process_version
FROM procedures p JOIN fields f ON f.code = p.field_code
WHERE (? = '' OR p.field_code = ?)
  AND (? = '' OR EXISTS (SELECT 1 FROM unit_procedures up WHERE up.unit_code = ? AND up.procedure_code = p.code))
ORDER BY p.position, p.code
LIMIT ? OFFSET ?;

-- name: ProcedureBrowseCount
SELECT COUNT(*)
FROM procedures p
WHERE (? = '' OR p.field_code = ?)
  AND (? = '' OR EXISTS (SELECT 1 FROM unit_procedures up WHERE up.unit_code = ? AND up.procedure_code = p.code));

-- name: ProcessVersionInsert
INSERT INTO process_versions (procedure_code, version, steps, published_at, published_by)
VALUES (?, ?, ?, ?, ?);

-- name: ProcessVersionList
SELECT version, steps, published_at, published_by FROM process_versions
WHERE procedure_code = ? ORDER BY version;

-- name: ProcessVersionGet
SELECT steps FROM process_versions WHERE procedure_code = ? AND version = ?;

-- name: UnitExists
SELECT COUNT(*) FROM units WHERE code = ?;

-- name: OffersDeleteUnit
DELETE FROM unit_procedures WHERE unit_code = ?;

-- name: OfferInsert
INSERT INTO unit_procedures (unit_code, procedure_code) VALUES (?, ?)
ON CONFLICT (unit_code, procedure_code) DO NOTHING;

-- name: OffersAll
SELECT up.unit_code, up.procedure_code
FROM unit_procedures up JOIN procedures p ON p.code = up.procedure_code
ORDER BY up.unit_code, p.position, p.code;

-- name: OffersOfUnit
SELECT up.procedure_code
FROM unit_procedures up JOIN procedures p ON p.code = up.procedure_code
WHERE up.unit_code = ?
ORDER BY p.position, p.code;

-- name: OfferExists
SELECT COUNT(*) FROM unit_procedures WHERE unit_code = ? AND procedure_code = ?;

-- name: OfferedProcedureDoc
SELECT d.doc FROM unit_procedures o
JOIN procedures p ON p.code = o.procedure_code
JOIN procedure_docs d ON d.procedure_id = p.id
WHERE o.unit_code = ? AND o.procedure_code = ?;

-- name: ProcedurePosition
SELECT position FROM procedures WHERE id = ?;

-- name: ProcedureSetPosition
UPDATE procedures SET position = ? WHERE id = ?;
