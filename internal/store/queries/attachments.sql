-- Attachments (tệp đính kèm): metadata of files kept on disk by their SHA-256.

-- name: AttachmentInsert
INSERT INTO attachments (dossier_code, draft_id, doc_index, doc_name, sha256, size, content_type,
    file_name, uploaded_kind, uploaded_by, created_at, purpose, reused_from)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
RETURNING id

-- name: AttachmentByID
SELECT id, dossier_code, draft_id, doc_index, doc_name, sha256, size, content_type, file_name,
    uploaded_kind, uploaded_by, created_at, purpose, reused_from
FROM attachments WHERE id = ?

-- name: AttachmentsOfDossier
SELECT id, dossier_code, draft_id, doc_index, doc_name, sha256, size, content_type, file_name,
    uploaded_kind, uploaded_by, created_at, purpose, reused_from
FROM attachments WHERE dossier_code = ? ORDER BY id

-- name: AttachmentsOfDraft
SELECT id, dossier_code, draft_id, doc_index, doc_name, sha256, size, content_type, file_name,
    uploaded_kind, uploaded_by, created_at, purpose, reused_from
FROM attachments WHERE draft_id = ? ORDER BY id

-- name: AttachmentBytesOfDossier
SELECT COALESCE(SUM(size), 0) FROM attachments WHERE dossier_code = ?

-- name: AttachmentBytesOfDraft
SELECT COALESCE(SUM(size), 0) FROM attachments WHERE draft_id = ?

-- name: AttachmentsMoveToDossier
UPDATE attachments SET dossier_code = ?, draft_id = NULL WHERE draft_id = ?

-- name: AttachmentDeleteFromDraft
DELETE FROM attachments WHERE id = ? AND draft_id = ?

-- name: CitizenStorageBytes
SELECT COALESCE(SUM(a.size), 0) FROM attachments a
WHERE a.uploaded_kind = ?
  AND (a.draft_id IN (SELECT id FROM drafts WHERE citizen_id = ?)
       OR a.dossier_code IN (SELECT dossier_code FROM dossier_owners WHERE citizen_id = ?))
