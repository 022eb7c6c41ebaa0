-- Electronic results, unit certificates, digitisation and the citizen's documents store.

-- name: UnitCertificateUpsert
INSERT INTO unit_certificates (unit_code, subject, issuer, serial, not_before, not_after, chain_pem,
    key_sealed, imported_by, imported_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (unit_code) DO UPDATE SET subject = excluded.subject, issuer = excluded.issuer,
    serial = excluded.serial, not_before = excluded.not_before, not_after = excluded.not_after,
    chain_pem = excluded.chain_pem, key_sealed = excluded.key_sealed,
    imported_by = excluded.imported_by, imported_at = excluded.imported_at

-- name: UnitCertificate
SELECT unit_code, subject, issuer, serial, not_before, not_after, chain_pem, key_sealed, imported_by, imported_at
FROM unit_certificates WHERE unit_code = ?

-- name: UnitCertificates
SELECT unit_code, subject, issuer, serial, not_before, not_after, chain_pem, '', imported_by, imported_at
FROM unit_certificates ORDER BY unit_code

-- name: AttachmentsOfPurpose
SELECT id, dossier_code, draft_id, doc_index, doc_name, sha256, size, content_type, file_name,
    uploaded_kind, uploaded_by, created_at, purpose, reused_from
FROM attachments WHERE dossier_code = ? AND purpose = ? ORDER BY id DESC

-- name: CitizenDocuments
SELECT a.id, a.dossier_code, a.draft_id, a.doc_index, a.doc_name, a.sha256, a.size, a.content_type, a.file_name,
    a.uploaded_kind, a.uploaded_by, a.created_at, a.purpose, a.reused_from
FROM attachments a
JOIN dossier_owners o ON o.dossier_code = a.dossier_code
WHERE o.citizen_id = ?
  AND ((a.uploaded_kind = 'citizen' AND a.doc_index >= 0 AND a.purpose = '' AND a.reused_from = '')
       OR a.purpose = 'result')
  AND NOT EXISTS (SELECT 1 FROM citizen_document_removals r
                  WHERE r.citizen_id = o.citizen_id AND r.attachment_id = a.id)
ORDER BY a.id DESC
LIMIT 500

-- name: CitizenDocumentRemove
INSERT INTO citizen_document_removals (citizen_id, attachment_id, removed_at) VALUES (?, ?, ?)
ON CONFLICT (citizen_id, attachment_id) DO NOTHING

-- name: ResultMeasure
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
)
SELECT COUNT(*),
    COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM attachments a WHERE a.dossier_code = d.code AND a.purpose = 'result')
        THEN 1 ELSE 0 END), 0)
FROM dossiers d
WHERE d.unit_code IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id)
  AND d.finished_at >= ? AND d.finished_at < ?
  AND d.status IN ('result_ready', 'returned')

-- name: DigitisedMeasure
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
)
SELECT COUNT(*),
    COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM attachments a WHERE a.dossier_code = d.code AND a.purpose IN ('', 'scan'))
        AND EXISTS (SELECT 1 FROM attachments a WHERE a.dossier_code = d.code AND a.purpose IN ('result', 'result_scan'))
        THEN 1 ELSE 0 END), 0),
    COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM attachments a WHERE a.dossier_code = d.code AND a.reused_from <> '')
        THEN 1 ELSE 0 END), 0)
FROM dossiers d
WHERE d.unit_code IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id)
  AND d.received_at >= ? AND d.received_at < ?

-- name: RecentDossiersPerUnit
SELECT code, unit_code, channel, status FROM (
    SELECT d.code, d.unit_code, d.channel, d.status,
        ROW_NUMBER() OVER (PARTITION BY d.unit_code, d.status ORDER BY d.received_at DESC, d.id DESC) AS n
    FROM dossiers d
    WHERE d.received_at < ? AND d.status IN ('returned', 'result_ready', 'processing', 'received')
) ranked
WHERE n <= ?
ORDER BY unit_code, code
