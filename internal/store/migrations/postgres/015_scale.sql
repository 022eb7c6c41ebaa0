-- Years of history (issue 15): the audit log is browsed by time range with keyset paging
-- on (at, id), filtered by unit or action through their own indexes; entries older than
-- the retention policy move to audit_archive, kept in full and never deleted.
CREATE INDEX audit_log_at_id ON audit_log(at, id);
CREATE INDEX audit_log_actor_id ON audit_log(actor, at, id);
CREATE INDEX audit_log_unit ON audit_log(unit_code, at, id);
CREATE INDEX audit_log_action ON audit_log(action, at, id);

CREATE TABLE audit_archive (
    id          BIGINT PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT NOT NULL,
    unit_code   TEXT NOT NULL DEFAULT '',
    action      TEXT NOT NULL,
    target      TEXT NOT NULL DEFAULT '',
    detail      TEXT NOT NULL DEFAULT '',
    ip          TEXT NOT NULL DEFAULT '',
    request_id  TEXT NOT NULL DEFAULT '',
    archived_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX audit_archive_at ON audit_archive(at);

-- Open dossiers apart from finished history: reports count those carried into a period,
-- and work queues list them, without walking years of finished ones.
CREATE INDEX dossiers_open ON dossiers(unit_code, received_at) WHERE finished_at IS NULL;
