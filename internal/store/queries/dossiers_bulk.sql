-- name: DossierSequenceRaise
INSERT INTO dossier_sequences (unit_code, day, last) VALUES (?, ?, ?)
ON CONFLICT (unit_code, day) DO UPDATE SET last = CASE
    WHEN excluded.last > dossier_sequences.last THEN excluded.last ELSE dossier_sequences.last END;
