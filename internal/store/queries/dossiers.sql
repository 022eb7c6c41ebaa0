-- name: DossierSequenceNext
INSERT INTO dossier_sequences (unit_code, day, last) VALUES (?, ?, 1)
ON CONFLICT (unit_code, day) DO UPDATE SET last = dossier_sequences.last + 1
RETURNING last;

-- name: DossierInsert
INSERT INTO dossiers (code, unit_code, procedure_code, procedure_name, process_version, process,
    deadline_days, deadline_mode, supplement_rule, channel,
    applicant_name, applicant_id_number, applicant_phone, applicant_email, applicant_address,
    form, documents, sets, fee_vnd, lookup_key,
    status, step, step_role, holder_unit, assignee,
    submitted_at, received_at, due_at, finished_at, returned_at, supplements,
    version, created_by, created_at, updated_at, original_due_at, applicant_folded)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
RETURNING id;

-- name: DossierProjectionUpdate
UPDATE dossiers SET status = ?, step = ?, step_role = ?, holder_unit = ?, assignee = ?,
    submitted_at = ?, received_at = ?, due_at = ?, finished_at = ?, returned_at = ?, supplements = ?,
    version = ?, updated_at = ?, original_due_at = ?
WHERE id = ? AND version = ?;

-- name: DossierEventInsert
INSERT INTO dossier_events (dossier_id, seq, action, actor, role, unit, at, payload)
VALUES (?, ?, ?, ?, ?, ?, ?, ?);

-- name: DossierByCode
SELECT id, code, unit_code, procedure_code, procedure_name, process_version, process,
    deadline_days, deadline_mode, supplement_rule, channel,
    applicant_name, applicant_id_number, applicant_phone, applicant_email, applicant_address,
    form, documents, sets, fee_vnd, lookup_key, version, created_by, created_at
FROM dossiers WHERE code = ?;

-- name: DossierEvents
SELECT seq, payload FROM dossier_events WHERE dossier_id = ? ORDER BY seq;

-- name: DossierBook
SELECT code, procedure_name, sets, applicant_name, applicant_address, applicant_phone,
    status, received_at, due_at, returned_at, finished_at, original_due_at, supplements
FROM dossiers
WHERE unit_code = ? AND received_at >= ? AND received_at < ?
ORDER BY received_at, id;

-- name: DossierExtendedWithoutOriginal
SELECT code FROM dossiers WHERE original_due_at IS NULL AND due_at IS NOT NULL ORDER BY id;

-- name: DossierOriginalDueSet
UPDATE dossiers SET original_due_at = ? WHERE code = ?;

-- name: DossierUnfoldedNames
SELECT id, applicant_name FROM dossiers WHERE applicant_folded = '' AND applicant_name <> '' ORDER BY id;

-- name: DossierFoldedNameSet
UPDATE dossiers SET applicant_folded = ? WHERE id = ?;

-- name: DossierSequenceTake
-- One row per (unit, day) of a group, written as several rows in one statement.
INSERT INTO dossier_sequences (unit_code, day, last) VALUES (?, ?, ?)
ON CONFLICT (unit_code, day) DO UPDATE SET last = dossier_sequences.last + excluded.last
RETURNING unit_code, day, last;

