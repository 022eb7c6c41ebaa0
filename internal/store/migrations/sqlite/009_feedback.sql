-- Phản ánh, kiến nghị (PAKN): what was fixed at receipt, the projection of their events
-- kept as a cache for lists and warnings, the append-only events themselves, the daily
-- sequence of codes, and the keys of Open311 integrators (only a hash of each key).
CREATE TABLE feedback (
    id              INTEGER PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    lookup_key      TEXT NOT NULL,
    first_unit      TEXT NOT NULL,
    unit_code       TEXT NOT NULL,
    channel         TEXT NOT NULL,
    kind            TEXT NOT NULL,
    dossier_code    TEXT NOT NULL DEFAULT '',
    title           TEXT NOT NULL,
    content         TEXT NOT NULL,
    sender_name     TEXT NOT NULL,
    sender_email    TEXT NOT NULL DEFAULT '',
    sender_phone    TEXT NOT NULL DEFAULT '',
    sender_address  TEXT NOT NULL DEFAULT '',
    citizen_id      INTEGER,
    client_ip       TEXT NOT NULL DEFAULT '',
    api_key_id      INTEGER,
    rules           TEXT NOT NULL,
    status          TEXT NOT NULL,
    class           TEXT NOT NULL DEFAULT '',
    assignee        TEXT NOT NULL DEFAULT '',
    answer          TEXT NOT NULL DEFAULT '',
    reaction        TEXT NOT NULL DEFAULT '',
    received_at     TIMESTAMP NOT NULL,
    due_at          TIMESTAMP,
    warned_due_at   TIMESTAMP,
    published_at    TIMESTAMP,
    version         INTEGER NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);
CREATE INDEX feedback_unit ON feedback(unit_code, status, due_at);
CREATE INDEX feedback_received ON feedback(unit_code, received_at);
CREATE INDEX feedback_dossier ON feedback(dossier_code);
CREATE INDEX feedback_ip ON feedback(client_ip, received_at);
CREATE INDEX feedback_email ON feedback(sender_email, received_at);
CREATE INDEX feedback_phone ON feedback(sender_phone, received_at);
CREATE INDEX feedback_published ON feedback(published_at);

CREATE TABLE feedback_events (
    id           INTEGER PRIMARY KEY,
    feedback_id  INTEGER NOT NULL REFERENCES feedback(id),
    seq          INTEGER NOT NULL,
    action       TEXT NOT NULL,
    actor        TEXT NOT NULL,
    role         TEXT NOT NULL,
    unit         TEXT NOT NULL DEFAULT '',
    at           TIMESTAMP NOT NULL,
    payload      TEXT NOT NULL,
    UNIQUE (feedback_id, seq)
);

CREATE TABLE feedback_sequences (
    unit_code  TEXT NOT NULL,
    day        TEXT NOT NULL,
    last       INTEGER NOT NULL,
    PRIMARY KEY (unit_code, day)
);

CREATE TABLE open311_keys (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    key_hash    TEXT NOT NULL UNIQUE,
    created_by  TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL,
    revoked_at  TIMESTAMP
);
