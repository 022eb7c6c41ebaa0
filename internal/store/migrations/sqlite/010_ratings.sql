-- Ratings of the service (đánh giá mức độ hài lòng): at most one per dossier, given after
-- its result was returned, never changed (append-only), with the officers who handled the
-- dossier at that moment, so that every statistic can be recomputed from them.
CREATE TABLE dossier_ratings (
    id          INTEGER PRIMARY KEY,
    dossier_id  INTEGER NOT NULL UNIQUE REFERENCES dossiers(id),
    level       TEXT NOT NULL CHECK (level IN ('satisfied', 'neutral', 'dissatisfied')),
    attitude    TEXT NOT NULL DEFAULT '',
    time_taken  TEXT NOT NULL DEFAULT '',
    guidance    TEXT NOT NULL DEFAULT '',
    comment     TEXT NOT NULL DEFAULT '',
    channel     TEXT NOT NULL,
    rated_at    TIMESTAMP NOT NULL
);
CREATE INDEX dossier_ratings_at ON dossier_ratings(rated_at);

CREATE TABLE dossier_rating_officers (
    rating_id   INTEGER NOT NULL REFERENCES dossier_ratings(id),
    username    TEXT NOT NULL,
    PRIMARY KEY (rating_id, username)
);
CREATE INDEX dossier_rating_officers_user ON dossier_rating_officers(username);
