-- The yearly administrative-reform competition (chuyên đề thi đua CCHC): the tree of
-- criteria of each year as a JSON document (report.Scheme; a year without a row uses the
-- illustrative default), each unit's self-score and its parent's appraised score per
-- leaf criterion, and the evidence files (minh chứng) of a self-score.
CREATE TABLE scorecard_schemes (
    year        INTEGER PRIMARY KEY,
    doc         TEXT NOT NULL,
    updated_at  TIMESTAMP NOT NULL,
    updated_by  TEXT NOT NULL
);

CREATE TABLE scorecard_entries (
    year              INTEGER NOT NULL,
    unit_code         TEXT NOT NULL REFERENCES units(code) ON UPDATE CASCADE,
    criterion         TEXT NOT NULL,
    self_points       REAL,
    self_note         TEXT NOT NULL DEFAULT '',
    self_by           TEXT NOT NULL DEFAULT '',
    self_at           TIMESTAMP,
    appraised_points  REAL,
    appraisal_note    TEXT NOT NULL DEFAULT '',
    appraised_by      TEXT NOT NULL DEFAULT '',
    appraised_at      TIMESTAMP,
    PRIMARY KEY (year, unit_code, criterion)
);

CREATE TABLE scorecard_evidence (
    id            INTEGER PRIMARY KEY,
    year          INTEGER NOT NULL,
    unit_code     TEXT NOT NULL REFERENCES units(code) ON UPDATE CASCADE,
    criterion     TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    size          INTEGER NOT NULL,
    content_type  TEXT NOT NULL,
    file_name     TEXT NOT NULL,
    uploaded_by   TEXT NOT NULL,
    created_at    TIMESTAMP NOT NULL
);
CREATE INDEX scorecard_evidence_unit ON scorecard_evidence(year, unit_code, criterion);
