-- Texts many dossiers share (văn bản dùng chung), stored once: the process pinned at
-- reception and the list of documents received are, for most dossiers of a procedure
-- version, the same bytes (about 580 of a row's 1,500 at a million dossiers). Each distinct
-- text is kept here under the SHA-256 of its bytes (hex), and a new dossier row refers to
-- it (process_text, documents_text) with its own columns left empty. Rows written before
-- this migration keep their texts in their own columns and no reference: readers take
-- the shared text when there is one, else the row's own (COALESCE), so nothing is
-- rewritten and the migration is instant at any size. Texts are never changed or deleted
-- (a digest names one text forever); the references carry no foreign key, which would
-- cost a lookup per row in a bulk load for a table that only grows.
CREATE TABLE dossier_texts (
    id     INTEGER PRIMARY KEY,
    digest TEXT NOT NULL UNIQUE,
    body   TEXT NOT NULL
);
ALTER TABLE dossiers ADD COLUMN process_text INTEGER;
ALTER TABLE dossiers ADD COLUMN documents_text INTEGER;
