-- The QĐ 766 index reads indicators 3.4 and 3.6 from the maintained counts too
-- (report.Contribution): the dossiers received with a fee due (phí, lệ phí above zero,
-- not waived) and those of them paid online, per unit, procedure and day received. The
-- program's report.CountsRule is raised with these columns, so the first start after
-- this migration rebuilds the counts from the dossiers and their payments.
ALTER TABLE dossier_counts ADD COLUMN fee_due INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier_counts ADD COLUMN paid_online INTEGER NOT NULL DEFAULT 0;
-- No query reads the dossiers by unit and finish any more (the finished dossiers of the
-- index and the rankings come from the counts); the index of migration 021 only cost
-- every write.
DROP INDEX IF EXISTS dossiers_index766_finished;
-- Nor by the fee-bearing dossiers received in a period (migration 019): 3.4 and 3.6
-- come from the counts.
DROP INDEX IF EXISTS dossiers_fee_received;
