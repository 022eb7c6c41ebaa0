-- Large synthetic histories (motcua demo generate): where each unit's daily sequence of
-- dossier codes stands, so that generated codes continue it without a gap.

-- name: DossierSequencesOfUnit
SELECT day, last FROM dossier_sequences WHERE unit_code = ?;
