-- The unit's portal: articles (news, announcements, documents of direction, static
-- pages) with their revisions, the images and attached files they use, the slideshow and
-- the links block. Published articles show from publish_at on; views counts visits.
CREATE TABLE portal_articles (
    id           INTEGER PRIMARY KEY,
    unit_code    TEXT NOT NULL,
    category     TEXT NOT NULL,
    slug         TEXT NOT NULL,
    title        TEXT NOT NULL,
    title_folded TEXT NOT NULL DEFAULT '',
    text_folded  TEXT NOT NULL DEFAULT '',
    summary      TEXT NOT NULL DEFAULT '',
    body         TEXT NOT NULL DEFAULT '',
    image        TEXT NOT NULL DEFAULT '',
    image_alt    TEXT NOT NULL DEFAULT '',
    author       TEXT NOT NULL DEFAULT '',
    doc_number   TEXT NOT NULL DEFAULT '',
    doc_date     TEXT NOT NULL DEFAULT '',
    doc_signer   TEXT NOT NULL DEFAULT '',
    doc_file     TEXT NOT NULL DEFAULT '',
    state        TEXT NOT NULL,
    publish_at   TIMESTAMP,
    created_by   TEXT NOT NULL,
    approved_by  TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    views        INTEGER NOT NULL DEFAULT 0,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL,
    UNIQUE (unit_code, slug)
);
CREATE INDEX portal_articles_live ON portal_articles(state, publish_at);

CREATE TABLE portal_revisions (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES portal_articles(id) ON DELETE CASCADE,
    n           INTEGER NOT NULL,
    title       TEXT NOT NULL,
    summary     TEXT NOT NULL,
    body        TEXT NOT NULL,
    editor      TEXT NOT NULL,
    at          TIMESTAMP NOT NULL,
    UNIQUE (article_id, n)
);

CREATE TABLE portal_files (
    name          TEXT PRIMARY KEY,
    unit_code     TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    data          BLOB NOT NULL,
    created_at    TIMESTAMP NOT NULL
);

CREATE TABLE portal_slides (
    id         INTEGER PRIMARY KEY,
    unit_code  TEXT NOT NULL,
    image      TEXT NOT NULL,
    alt        TEXT NOT NULL,
    caption    TEXT NOT NULL DEFAULT '',
    link       TEXT NOT NULL DEFAULT '',
    position   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE portal_links (
    id         INTEGER PRIMARY KEY,
    unit_code  TEXT NOT NULL,
    title      TEXT NOT NULL,
    url        TEXT NOT NULL,
    position   INTEGER NOT NULL DEFAULT 0
);
