-- The portal's images and PDFs go to the files store (the data directory or the S3 bucket
-- that every server reaches), like the dossiers' attachments: a row of portal_files then
-- names the stored file by its SHA-256 and holds no bytes. Rows written before keep their
-- bytes in data and are served from there.
ALTER TABLE portal_files ADD COLUMN sha256 TEXT NOT NULL DEFAULT '';
