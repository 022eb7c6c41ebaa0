-- Procedure search on SQLite: an FTS5 table whose rowid is procedures.id, kept in step
-- by the store. The MATCH argument is built by the store from folded query words
-- ("dang"* AND "ky"*), passed as a parameter.

-- name: ProcedureSearch
SELECT p.code, p.name, p.folded, p.field_code, f.name, p.deadline_days, p.deadline_mode, p.online, p.fee_vnd, p.process_version
FROM procedures p
JOIN fields f ON f.code = p.field_code
WHERE p.id IN (SELECT rowid FROM procedure_search WHERE procedure_search MATCH ?)
  AND (? = '' OR p.field_code = ?)
  AND (? = '' OR EXISTS (SELECT 1 FROM unit_procedures up WHERE up.unit_code = ? AND up.procedure_code = p.code));

-- name: SearchIndexDelete
DELETE FROM procedure_search WHERE rowid = ?;

-- name: SearchIndexInsert
INSERT INTO procedure_search (rowid, search) VALUES (?, ?);
