-- The QĐ 766 index reads its dossier measures from the maintained counts too
-- (report.Contribution): the dossiers finished with a result (4.1), and for those with
-- two or more supplement requests, which indicators 2.1 and 5.4 count as late, their
-- receipts, finishes, late finishes, withdrawals and appointments (report.TwiceSums).
-- The program's report.CountsRule is raised with these columns, so the first start after
-- this migration rebuilds the counts from the dossiers.
ALTER TABLE dossier_counts ADD COLUMN result_dossiers INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier_counts ADD COLUMN twice_received INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier_counts ADD COLUMN twice_finished INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier_counts ADD COLUMN twice_late INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier_counts ADD COLUMN twice_withdrawn INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier_counts ADD COLUMN twice_due INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier_counts ADD COLUMN twice_due_finished INTEGER NOT NULL DEFAULT 0;
-- The measures that cannot come from the counts are driven from the smaller tables
-- (queries/index766.sql): the dissatisfied ratings (5.4), the files with a result or a
-- reused component (4.1–4.3), and the fee-bearing dossiers received in a period (3.4,
-- 3.6).
CREATE INDEX dossier_ratings_by_level ON dossier_ratings (level, dossier_id);
CREATE INDEX attachments_by_purpose ON attachments (purpose, dossier_code);
CREATE INDEX attachments_reused ON attachments (dossier_code) WHERE reused_from <> '';
CREATE INDEX dossiers_fee_received ON dossiers (unit_code, received_at, procedure_code, id) WHERE fee_vnd > 0;
CREATE INDEX payments_dossier_paid ON payments (dossier_id, status, method);
