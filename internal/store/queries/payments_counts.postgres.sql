-- What the daily counts read of a dossier (as DossierCountsSource), its row locked for
-- the transaction that changes its payments: the dossier's actions and payments change
-- its contribution to the counts one after the other.

-- name: DossierCountsLock
SELECT unit_code, procedure_code, channel, status, received_at, finished_at, original_due_at, due_at,
    supplements, fee_vnd
FROM dossiers WHERE id = ? FOR UPDATE
