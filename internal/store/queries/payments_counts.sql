-- The payment marks of a dossier in the maintained counts (report.Dossier FeeDue and
-- PaidOnline, PaymentMarks): whether a waiver was recorded and whether an online
-- payment was paid (even if refunded since).

-- name: DossierPaymentMarks
SELECT
    COALESCE(MAX(CASE WHEN status = 'waived' THEN 1 ELSE 0 END), 0),
    COALESCE(MAX(CASE WHEN method = 'online' AND status IN ('paid', 'refunded') THEN 1 ELSE 0 END), 0)
FROM payments
WHERE dossier_id = ?;

-- name: PaymentDossierID
SELECT dossier_id FROM payments WHERE id = ?;
