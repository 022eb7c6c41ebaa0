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
    version, created_by, created_at, updated_at, original_due_at, applicant_folded,
    process_text, documents_text)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
-- The process and documents are the shared texts when the row refers to them (026).
SELECT d.id, d.code, d.unit_code, d.procedure_code, d.procedure_name, d.process_version,
    COALESCE(p.body, d.process),
    d.deadline_days, d.deadline_mode, d.supplement_rule, d.channel,
    d.applicant_name, d.applicant_id_number, d.applicant_phone, d.applicant_email, d.applicant_address,
    d.form, COALESCE(t.body, d.documents), d.sets, d.fee_vnd, d.lookup_key, d.version, d.created_by, d.created_at
FROM dossiers d
LEFT JOIN dossier_texts p ON p.id = d.process_text
LEFT JOIN dossier_texts t ON t.id = d.documents_text
WHERE d.code = ?;

-- name: DossierTextBody
SELECT body FROM dossier_texts WHERE id = ?;

-- name: DossierTextPin
-- The id of a shared text (026), stored first if new. Updating the conflicting row to
-- itself makes RETURNING answer in both cases.
INSERT INTO dossier_texts (digest, body) VALUES (?, ?)
ON CONFLICT (digest) DO UPDATE SET digest = excluded.digest
RETURNING id;

-- name: DossierEvents
-- The columns complete a compact payload (eventJSON).
SELECT seq, action, actor, role, unit, payload FROM dossier_events WHERE dossier_id = ? ORDER BY seq;

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

