-- Maintained counts for the statistics (report.Contribution): per receiving unit,
-- grain (d: a civil day in UTC+7, h: a half-month, y: a statutory year from 15 December;
-- report.Grain), first day of the span (YYYY-MM-DD) and procedure, how many dossiers were
-- received online or directly, finished early, on time, late or withdrawn, and fell due
-- (unfinished or finished), each column a report.DayMeasure. Every write of a dossier's
-- projection applies the change of its contribution at the three grains in the same
-- transaction; the counts are rebuilt from the dossiers when dossier_counts_rule differs
-- from the program's report.CountsRule (0 here, so the first start after this migration
-- fills them).
CREATE TABLE dossier_counts (
    unit_code       TEXT NOT NULL,
    grain           TEXT NOT NULL,
    first_day       TEXT NOT NULL,
    procedure_code  TEXT NOT NULL,
    received_online INTEGER NOT NULL DEFAULT 0,
    received_direct INTEGER NOT NULL DEFAULT 0,
    early           INTEGER NOT NULL DEFAULT 0,
    on_time         INTEGER NOT NULL DEFAULT 0,
    late            INTEGER NOT NULL DEFAULT 0,
    withdrawn       INTEGER NOT NULL DEFAULT 0,
    due             INTEGER NOT NULL DEFAULT 0,
    due_finished    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_code, grain, first_day, procedure_code)
) WITHOUT ROWID;

CREATE TABLE dossier_counts_rule (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    rule INTEGER NOT NULL
);
INSERT INTO dossier_counts_rule (id, rule) VALUES (1, 0);
