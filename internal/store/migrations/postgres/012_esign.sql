-- Electronic results signed by the unit, digitisation and the citizen's documents store
-- (kết quả điện tử, số hóa, kho dữ liệu). An attachment's purpose: '' a file of the
-- dossier, 'scan' the digitised copy of a paper component (doc_name), 'result_draft' the
-- electronic result waiting for approval, 'result' the signed result, 'result_scan' the
-- digitised paper result. reused_from is the dossier a citizen's stored document came from.
ALTER TABLE attachments ADD COLUMN purpose TEXT NOT NULL DEFAULT '';
ALTER TABLE attachments ADD COLUMN reused_from TEXT NOT NULL DEFAULT '';
CREATE INDEX attachments_purpose ON attachments(dossier_code, purpose);

-- A unit's signing certificate (chứng thư số) with its private key sealed (AES-256-GCM
-- under the master key in the data directory).
CREATE TABLE unit_certificates (
    unit_code    TEXT PRIMARY KEY,
    subject      TEXT NOT NULL,
    issuer       TEXT NOT NULL,
    serial       TEXT NOT NULL,
    not_before   TIMESTAMPTZ NOT NULL,
    not_after    TIMESTAMPTZ NOT NULL,
    chain_pem    TEXT NOT NULL,
    key_sealed   TEXT NOT NULL,
    imported_by  TEXT NOT NULL,
    imported_at  TIMESTAMPTZ NOT NULL
);

-- Documents a citizen removed from their store; the dossiers keep their files.
CREATE TABLE citizen_document_removals (
    citizen_id     BIGINT NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
    attachment_id  BIGINT NOT NULL,
    removed_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (citizen_id, attachment_id)
);
