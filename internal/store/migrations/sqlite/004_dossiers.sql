-- Dossiers (hồ sơ): what was fixed at creation, the projection of their events kept as a
-- cache for lists, the append-only events themselves, and the daily sequence of codes.
CREATE TABLE dossiers (
    id                  INTEGER PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE,
    unit_code           TEXT NOT NULL,
    procedure_code      TEXT NOT NULL,
    procedure_name      TEXT NOT NULL,
    process_version     INTEGER NOT NULL,
    process             TEXT NOT NULL,
    deadline_days       REAL NOT NULL,
    deadline_mode       TEXT NOT NULL,
    supplement_rule     TEXT NOT NULL,
    channel             TEXT NOT NULL,
    applicant_name      TEXT NOT NULL,
    applicant_id_number TEXT NOT NULL DEFAULT '',
    applicant_phone     TEXT NOT NULL DEFAULT '',
    applicant_email     TEXT NOT NULL DEFAULT '',
    applicant_address   TEXT NOT NULL DEFAULT '',
    form                TEXT NOT NULL DEFAULT '{}',
    documents           TEXT NOT NULL DEFAULT '[]',
    sets                INTEGER NOT NULL DEFAULT 1,
    fee_vnd             INTEGER NOT NULL DEFAULT 0,
    lookup_key          TEXT NOT NULL,
    status              TEXT NOT NULL,
    step                INTEGER NOT NULL DEFAULT 0,
    step_role           TEXT NOT NULL DEFAULT '',
    holder_unit         TEXT NOT NULL,
    assignee            TEXT NOT NULL DEFAULT '',
    submitted_at        TIMESTAMP,
    received_at         TIMESTAMP,
    due_at              TIMESTAMP,
    finished_at         TIMESTAMP,
    returned_at         TIMESTAMP,
    supplements         INTEGER NOT NULL DEFAULT 0,
    version             INTEGER NOT NULL,
    created_by          TEXT NOT NULL DEFAULT '',
    created_at          TIMESTAMP NOT NULL,
    updated_at          TIMESTAMP NOT NULL
);
CREATE INDEX dossiers_inbox ON dossiers(unit_code, status, due_at);
CREATE INDEX dossiers_holder ON dossiers(holder_unit, status, due_at);
CREATE INDEX dossiers_received ON dossiers(unit_code, received_at);
CREATE INDEX dossiers_finished ON dossiers(unit_code, finished_at);
CREATE INDEX dossiers_procedure ON dossiers(procedure_code, received_at);

CREATE TABLE dossier_events (
    id          INTEGER PRIMARY KEY,
    dossier_id  INTEGER NOT NULL REFERENCES dossiers(id),
    seq         INTEGER NOT NULL,
    action      TEXT NOT NULL,
    actor       TEXT NOT NULL,
    role        TEXT NOT NULL,
    unit        TEXT NOT NULL DEFAULT '',
    at          TIMESTAMP NOT NULL,
    payload     TEXT NOT NULL,
    UNIQUE (dossier_id, seq)
);
CREATE INDEX dossier_events_at ON dossier_events(at, action);

CREATE TABLE dossier_sequences (
    unit_code  TEXT NOT NULL,
    day        TEXT NOT NULL,
    last       INTEGER NOT NULL,
    PRIMARY KEY (unit_code, day)
);
