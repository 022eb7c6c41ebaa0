-- name: PaymentInsert
INSERT INTO payments (id, dossier_id, dossier_code, unit_code, amount_vnd, method, provider, status, txn_ref,
    provider_ref, receipt_year, receipt_no, reason, created_by, created_at, paid_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- name: PaymentByID
SELECT id, dossier_code, unit_code, amount_vnd, method, provider, status, txn_ref, provider_ref,
    receipt_year, receipt_no, reason, created_by, created_at, paid_at, refunded_at
FROM payments WHERE id = ?;

-- name: PaymentByTxnRef
SELECT id, dossier_code, unit_code, amount_vnd, method, provider, status, txn_ref, provider_ref,
    receipt_year, receipt_no, reason, created_by, created_at, paid_at, refunded_at
FROM payments WHERE txn_ref = ?;

-- name: PaymentsOfDossier
-- The payments of a dossier, found by the ID of the dossier (payments_dossier), not by scanning them all.
SELECT id, dossier_code, unit_code, amount_vnd, method, provider, status, txn_ref, provider_ref,
    receipt_year, receipt_no, reason, created_by, created_at, paid_at, refunded_at
FROM payments WHERE dossier_id = (SELECT d.id FROM dossiers d WHERE d.code = ?) ORDER BY created_at, id;

-- name: PaymentSettledCount
SELECT COUNT(*) FROM payments WHERE dossier_id = ? AND status IN ('paid', 'waived');

-- name: PaymentSettle
UPDATE payments SET status = ?, provider_ref = ?, paid_at = ?, updated_at = ?
WHERE id = ? AND status = 'pending';

-- name: PaymentRefund
UPDATE payments SET status = 'refunded', reason = ?, refunded_at = ?, updated_at = ?
WHERE id = ? AND status = 'paid';

-- name: ReceiptSequenceNext
INSERT INTO receipt_sequences (unit_code, year, last) VALUES (?, ?, 1)
ON CONFLICT (unit_code, year) DO UPDATE SET last = receipt_sequences.last + 1
RETURNING last;

-- name: PaymentNoticeInsert
INSERT INTO payment_notices (at, provider, kind, txn_ref, rsp_code, ip) VALUES (?, ?, ?, ?, ?, ?);

-- name: PaymentNoticeCount
SELECT COUNT(*) FROM payment_notices WHERE txn_ref = ? AND rsp_code = ?;

-- name: SandboxLedgerInsert
INSERT INTO sandbox_ledger (transaction_no, txn_ref, amount_vnd, approved, ipn_code, at) VALUES (?, ?, ?, ?, ?, ?);

-- name: SandboxLedgerList
SELECT transaction_no, txn_ref, amount_vnd, approved, ipn_code, at
FROM sandbox_ledger WHERE at >= ? AND at < ? ORDER BY at, transaction_no;

-- name: PaymentsPaidOnline
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
)
SELECT id, dossier_code, unit_code, amount_vnd, method, provider, status, txn_ref, provider_ref,
    receipt_year, receipt_no, reason, created_by, created_at, paid_at, refunded_at
FROM payments
WHERE unit_code IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id)
  AND method = 'online' AND paid_at >= ? AND paid_at < ?
ORDER BY paid_at, id;

-- name: PaymentMeasures
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
),
due AS (
    SELECT d.id, d.procedure_code FROM dossiers d
    WHERE d.unit_code IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id)
      AND d.fee_vnd > 0 AND d.received_at >= ? AND d.received_at < ?
      AND NOT EXISTS (SELECT 1 FROM payments w WHERE w.dossier_id = d.id AND w.status = 'waived')
),
online AS (
    SELECT DISTINCT p.dossier_id FROM payments p
    WHERE p.method = 'online' AND p.status IN ('paid', 'refunded') AND p.dossier_id IN (SELECT id FROM due)
)
SELECT
    (SELECT COUNT(*) FROM due),
    (SELECT COUNT(*) FROM online),
    (SELECT COUNT(DISTINCT procedure_code) FROM due),
    (SELECT COUNT(DISTINCT d.procedure_code) FROM due d JOIN online o ON o.dossier_id = d.id);

-- name: ReceiptSequenceRaise
INSERT INTO receipt_sequences (unit_code, year, last) VALUES (?, ?, ?)
ON CONFLICT (unit_code, year) DO UPDATE SET last = CASE
    WHEN excluded.last > receipt_sequences.last THEN excluded.last ELSE receipt_sequences.last END;

-- name: SandboxLedgerImport
INSERT INTO sandbox_ledger (transaction_no, txn_ref, amount_vnd, approved, ipn_code, at) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (transaction_no) DO NOTHING;
