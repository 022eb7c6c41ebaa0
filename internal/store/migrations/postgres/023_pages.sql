-- Pages that do not grow with history (docs/PERFORMANCE.md, "Pages over a million dossiers").
-- The few dossiers held by a unit other than the one that received them (liên thông): the
-- lists test "(holder_unit <> unit_code) IS TRUE", a condition the planner estimates from
-- the statistics of that expression (a comparison of two columns it cannot estimate, and
-- took for half the table, walking the whole table to find none).
DROP INDEX IF EXISTS dossiers_transferred;
CREATE INDEX dossiers_transferred ON dossiers(holder_unit, id) WHERE (holder_unit <> unit_code) IS TRUE;
CREATE STATISTICS IF NOT EXISTS dossiers_transferred_share ON ((holder_unit <> unit_code)) FROM dossiers;
-- A work queue of one role's steps (a leader's, a specialist's) reads that role's dossiers,
-- not every dossier in processing at the unit (queries/inbox.sql InboxWorkStep).
CREATE INDEX dossiers_holder_step ON dossiers(holder_unit, status, step_role, due_at);
-- A search by part of a name or of a code (queries/inbox.sql InboxFilters) finds its few
-- dossiers through trigrams (pg_trgm, migration 003) instead of walking a unit's whole list
-- when the name is rare; a common name still walks the list newest first and stops at the page.
CREATE INDEX dossiers_applicant_trgm ON dossiers USING gin (applicant_folded gin_trgm_ops);
CREATE INDEX dossiers_code_trgm ON dossiers USING gin (code gin_trgm_ops);
-- The statistics of the expression are read by the planner from the next ANALYZE: now.
ANALYZE dossiers;
