-- What the daily counts read of a dossier (as DossierCountsSource), read inside the
-- transaction that changes its payments (SQLite transactions are immediate: writers
-- already take turns).

-- name: DossierCountsLock
SELECT unit_code, procedure_code, channel, status, received_at, finished_at, original_due_at, due_at,
    supplements, fee_vnd
FROM dossiers WHERE id = ?
