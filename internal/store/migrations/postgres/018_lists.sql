-- Officer lists over years of history: each view walks one index in its own order and
-- stops at the page (queries/inbox.sql, queries/dossier_list.sql).
-- A unit's dossiers newest first; the columns the lists filter on ride along, so that a
-- filter or a search by code, name or ID number reads the index and not the rows.
CREATE INDEX dossiers_list ON dossiers(unit_code, id, status, received_at, finished_at,
    code, applicant_folded, applicant_id_number);
-- A unit's finished dossiers, last finished first: finished history apart from open work.
CREATE INDEX dossiers_finished_list ON dossiers(unit_code, finished_at, id) WHERE finished_at IS NOT NULL;
-- The few dossiers held by a unit other than the one that received them (liên thông).
CREATE INDEX dossiers_transferred ON dossiers(holder_unit, id) WHERE holder_unit <> unit_code;
-- A search by a whole ID number finds the applicant's dossiers without walking a list.
CREATE INDEX dossiers_id_number ON dossiers(applicant_id_number) WHERE applicant_id_number <> '';
