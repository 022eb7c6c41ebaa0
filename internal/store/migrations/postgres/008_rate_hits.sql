-- Requests counted per client in fixed windows, shared by every server on one database so
-- that a limit holds however many servers answer (the public lookup, among others). The
-- key is a hash of the client's address, never the address itself. Old windows are
-- deleted by the limiter as it goes.
CREATE TABLE rate_hits (
    scope        TEXT NOT NULL,
    key          TEXT NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    hits         INTEGER NOT NULL,
    PRIMARY KEY (scope, key, window_start)
);
CREATE INDEX rate_hits_window ON rate_hits(window_start);
