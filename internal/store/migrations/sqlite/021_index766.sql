-- The QĐ 766 index and the rankings count every dossier of a period for all the units
-- below a parent at once, grouped by unit: these indexes hold every column those counts
-- read, so that a year of a province is read from the indexes alone (covering indexes),
-- not from the wide dossier rows. One for the dossiers received in a period, one for
-- those finished in it.
CREATE INDEX dossiers_index766_received ON dossiers (unit_code, received_at,
    finished_at, status, channel, supplements, due_at, original_due_at, fee_vnd, procedure_code, code);
CREATE INDEX dossiers_index766_finished ON dossiers (unit_code, finished_at,
    received_at, status, channel, supplements, due_at, original_due_at, fee_vnd, procedure_code, code);
-- 5.4 counts the dissatisfied ratings of the resolved dossiers.
CREATE INDEX dossier_ratings_level ON dossier_ratings (dossier_id, level);
