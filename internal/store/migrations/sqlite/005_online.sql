-- Online submission: citizens' accounts (tài khoản công dân), their sessions and one-time
-- tokens, drafts of online dossiers, attachments (tệp đính kèm), the owner of each online
-- dossier and the notification outbox.
CREATE TABLE citizens (
    id             INTEGER PRIMARY KEY,
    login          TEXT NOT NULL UNIQUE,
    full_name      TEXT NOT NULL,
    email          TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    password_hash  TEXT NOT NULL,
    verified_at    TIMESTAMP,
    created_at     TIMESTAMP NOT NULL
);

CREATE TABLE citizen_sessions (
    token_hash  TEXT PRIMARY KEY,
    citizen_id  INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL
);
CREATE INDEX citizen_sessions_citizen ON citizen_sessions(citizen_id);

CREATE TABLE citizen_tokens (
    token_hash  TEXT PRIMARY KEY,
    purpose     TEXT NOT NULL,
    citizen_id  INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL,
    used_at     TIMESTAMP
);
CREATE INDEX citizen_tokens_citizen ON citizen_tokens(citizen_id, purpose);

CREATE TABLE drafts (
    id              INTEGER PRIMARY KEY,
    citizen_id      INTEGER NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
    procedure_code  TEXT NOT NULL,
    unit_code       TEXT NOT NULL DEFAULT '',
    form            TEXT NOT NULL DEFAULT '{}',
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    UNIQUE (citizen_id, procedure_code)
);

CREATE TABLE attachments (
    id             INTEGER PRIMARY KEY,
    dossier_code   TEXT,
    draft_id       INTEGER REFERENCES drafts(id) ON DELETE CASCADE,
    doc_index      INTEGER NOT NULL DEFAULT -1,
    doc_name       TEXT NOT NULL DEFAULT '',
    sha256         TEXT NOT NULL,
    size           INTEGER NOT NULL,
    content_type   TEXT NOT NULL,
    file_name      TEXT NOT NULL,
    uploaded_kind  TEXT NOT NULL,
    uploaded_by    TEXT NOT NULL,
    created_at     TIMESTAMP NOT NULL
);
CREATE INDEX attachments_dossier ON attachments(dossier_code);
CREATE INDEX attachments_draft ON attachments(draft_id);

CREATE TABLE dossier_owners (
    dossier_code  TEXT PRIMARY KEY,
    citizen_id    INTEGER NOT NULL REFERENCES citizens(id)
);
CREATE INDEX dossier_owners_citizen ON dossier_owners(citizen_id);

CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL,
    recipient        TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body             TEXT NOT NULL,
    created_at       TIMESTAMP NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP NOT NULL,
    sent_at          TIMESTAMP,
    given_up_at      TIMESTAMP,
    last_error       TEXT NOT NULL DEFAULT '',
    claimed_by       TEXT NOT NULL DEFAULT '',
    claimed_until    TIMESTAMP
);
CREATE INDEX outbox_pending ON outbox(next_attempt_at) WHERE sent_at IS NULL AND given_up_at IS NULL;
