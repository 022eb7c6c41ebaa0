-- Pages that do not grow with history (docs/PERFORMANCE.md, "Pages over a million dossiers").
-- The few dossiers held by a unit other than the one that received them (liên thông), in
-- the form the lists test, "(holder_unit <> unit_code) IS TRUE" (the PostgreSQL planner
-- estimates it from statistics of the expression; SQLite uses a partial index when the
-- query repeats its condition).
DROP INDEX IF EXISTS dossiers_transferred;
CREATE INDEX dossiers_transferred ON dossiers(holder_unit, id) WHERE (holder_unit <> unit_code) IS TRUE;
-- A work queue of one role's steps (a leader's, a specialist's) reads that role's dossiers,
-- not every dossier in processing at the unit (queries/inbox.sql InboxWorkStep).
CREATE INDEX dossiers_holder_step ON dossiers(holder_unit, status, step_role, due_at);
