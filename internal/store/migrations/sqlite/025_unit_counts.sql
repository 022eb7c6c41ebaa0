-- The maintained counts summed over the procedures: per receiving unit, grain and first
-- day, the same measures as dossier_counts (report.DayMeasure). The rankings and a unit's
-- index read a unit's sums from here, a few rows per unit, where dossier_counts holds a
-- row per procedure too (hundreds per commune); only indicator 3.4 (procedures with fee
-- dossiers) reads dossier_counts, within the period. Every change of dossier_counts adds
-- the same change here in the same statement group and transaction (store.countRows);
-- a test checks that this table equals dossier_counts summed by unit, grain and day.
CREATE TABLE dossier_unit_counts (
    unit_code          TEXT NOT NULL,
    grain              TEXT NOT NULL,
    first_day          TEXT NOT NULL,
    received_online    INTEGER NOT NULL DEFAULT 0,
    received_direct    INTEGER NOT NULL DEFAULT 0,
    early              INTEGER NOT NULL DEFAULT 0,
    on_time            INTEGER NOT NULL DEFAULT 0,
    late               INTEGER NOT NULL DEFAULT 0,
    withdrawn          INTEGER NOT NULL DEFAULT 0,
    due                INTEGER NOT NULL DEFAULT 0,
    due_finished       INTEGER NOT NULL DEFAULT 0,
    result_dossiers    INTEGER NOT NULL DEFAULT 0,
    twice_received     INTEGER NOT NULL DEFAULT 0,
    twice_finished     INTEGER NOT NULL DEFAULT 0,
    twice_late         INTEGER NOT NULL DEFAULT 0,
    twice_withdrawn    INTEGER NOT NULL DEFAULT 0,
    twice_due          INTEGER NOT NULL DEFAULT 0,
    twice_due_finished INTEGER NOT NULL DEFAULT 0,
    fee_due            INTEGER NOT NULL DEFAULT 0,
    paid_online        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_code, grain, first_day)
);
INSERT INTO dossier_unit_counts (unit_code, grain, first_day, received_online, received_direct, early, on_time, late, withdrawn, due, due_finished, result_dossiers, twice_received, twice_finished, twice_late, twice_withdrawn, twice_due, twice_due_finished, fee_due, paid_online)
SELECT unit_code, grain, first_day, SUM(received_online), SUM(received_direct), SUM(early), SUM(on_time), SUM(late), SUM(withdrawn), SUM(due), SUM(due_finished), SUM(result_dossiers), SUM(twice_received), SUM(twice_finished), SUM(twice_late), SUM(twice_withdrawn), SUM(twice_due), SUM(twice_due_finished), SUM(fee_due), SUM(paid_online)
FROM dossier_counts
GROUP BY unit_code, grain, first_day;
-- Indicators 3.4 and 3.6 read the rows of every procedure that cover a period
-- (report.Cover) but only those with a fee due (a row paid online has one too): the few
-- of them, from the index alone.
CREATE INDEX dossier_counts_fees ON dossier_counts (grain, first_day, unit_code, procedure_code, fee_due, paid_online)
    WHERE fee_due > 0;
