-- The procedure catalogue: fields, procedures (the columns filtered and sorted on, and the
-- full procedure as a JSON document in procedure_docs), versioned internal processes, which units offer
-- which procedures, and the full-text index over the folded names and codes. The store
-- keeps procedure_search in step with procedures in the same transaction.
CREATE TABLE fields (
    code      TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    position  INTEGER NOT NULL
);

CREATE TABLE procedures (
    id               INTEGER PRIMARY KEY,
    code             TEXT NOT NULL UNIQUE,
    name             TEXT NOT NULL,
    folded           TEXT NOT NULL,
    search           TEXT NOT NULL,
    field_code       TEXT NOT NULL REFERENCES fields(code),
    online           TEXT NOT NULL,
    deadline_days    REAL NOT NULL,
    deadline_mode    TEXT NOT NULL,
    fee_vnd          INTEGER NOT NULL,
    process_version  INTEGER NOT NULL,
    position         INTEGER NOT NULL,
    updated_at       TIMESTAMP NOT NULL,
    updated_by       TEXT NOT NULL
);
-- The full procedure as JSON (catalog's encoding), apart so that the rows searched and
-- listed stay small.
CREATE TABLE procedure_docs (
    procedure_id  INTEGER PRIMARY KEY REFERENCES procedures(id),
    doc           TEXT NOT NULL
);
CREATE INDEX procedures_field ON procedures(field_code, position);
CREATE INDEX procedures_position ON procedures(position, code);

CREATE TABLE process_versions (
    id              INTEGER PRIMARY KEY,
    procedure_code  TEXT NOT NULL REFERENCES procedures(code) ON UPDATE CASCADE,
    version         INTEGER NOT NULL,
    steps           TEXT NOT NULL,
    published_at    TIMESTAMP NOT NULL,
    published_by    TEXT NOT NULL,
    UNIQUE (procedure_code, version)
);

CREATE TABLE unit_procedures (
    unit_code       TEXT NOT NULL REFERENCES units(code) ON UPDATE CASCADE,
    procedure_code  TEXT NOT NULL REFERENCES procedures(code) ON UPDATE CASCADE,
    PRIMARY KEY (unit_code, procedure_code)
);
CREATE INDEX unit_procedures_procedure ON unit_procedures(procedure_code);

-- rowid = procedures.id; search = folded name and code.
CREATE VIRTUAL TABLE procedure_search USING fts5(search, tokenize = 'unicode61', detail = 'none', prefix = '1 2 3 4 5 6');
