-- Export jobs (công việc xuất tệp): a file too large to make within a request (a dossier
-- book of many volumes, a long list of dossiers) is made in the background. One row per
-- job; the worker that claims it (claimed_by, renewed until claimed_until) writes the
-- file to the files store and records its progress; finished files expire.
CREATE TABLE export_jobs (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL,
    requester      TEXT NOT NULL,
    unit_code      TEXT NOT NULL,
    params         TEXT NOT NULL,
    state          TEXT NOT NULL,
    done           INTEGER NOT NULL DEFAULT 0,
    total          INTEGER NOT NULL DEFAULT 0,
    file_key       TEXT NOT NULL DEFAULT '',
    file_name      TEXT NOT NULL DEFAULT '',
    content_type   TEXT NOT NULL DEFAULT '',
    size           INTEGER NOT NULL DEFAULT 0,
    error          TEXT NOT NULL DEFAULT '',
    attempts       INTEGER NOT NULL DEFAULT 0,
    claimed_by     TEXT NOT NULL DEFAULT '',
    claimed_until  TIMESTAMP,
    created_at     TIMESTAMP NOT NULL,
    started_at     TIMESTAMP,
    finished_at    TIMESTAMP,
    expires_at     TIMESTAMP
);
CREATE INDEX export_jobs_requester ON export_jobs (requester, id);
CREATE INDEX export_jobs_pending ON export_jobs (id) WHERE state IN ('queued', 'running');
CREATE INDEX export_jobs_expiry ON export_jobs (expires_at) WHERE state = 'done';
