-- Large synthetic histories (motcua demo generate): where each unit's daily sequence of
-- dossier codes stands, so that generated codes continue it without a gap.

-- name: DossierSequencesOfUnit
SELECT day, last FROM dossier_sequences WHERE unit_code = ?;

-- The dossier book in volumes (quyển): how many dossiers the unit received in a period,
-- and one volume of them, both read from the index on (unit_code, received_at).

-- name: DossierBookCount
SELECT COUNT(*) FROM dossiers WHERE unit_code = ? AND received_at >= ? AND received_at < ?;

-- name: DossierBookPage
SELECT code, procedure_name, sets, applicant_name, applicant_address, applicant_phone,
    status, received_at, due_at, returned_at, finished_at, original_due_at, supplements
FROM dossiers
WHERE unit_code = ? AND received_at >= ? AND received_at < ?
ORDER BY received_at, id
LIMIT ? OFFSET ?;
