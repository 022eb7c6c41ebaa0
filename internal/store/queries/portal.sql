-- name: PortalArticleInsert
INSERT INTO portal_articles (unit_code, category, slug, title, title_folded, text_folded, summary, body, image, image_alt,
    author, doc_number, doc_date, doc_signer, doc_file, state, created_by, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
RETURNING id;

-- name: PortalArticleUpdate
UPDATE portal_articles SET category = ?, slug = ?, title = ?, title_folded = ?, text_folded = ?, summary = ?, body = ?,
    image = ?, image_alt = ?, author = ?, doc_number = ?, doc_date = ?, doc_signer = ?, doc_file = ?, state = ?,
    publish_at = NULL, approved_by = '', note = '', updated_at = ?
WHERE id = ? AND updated_at = ?;

-- name: PortalArticleMove
UPDATE portal_articles SET state = ?, publish_at = ?, approved_by = ?, note = ?, updated_at = ?
WHERE id = ? AND state = ?;

-- name: PortalArticleByID
SELECT a.id, a.unit_code, COALESCE(u.name, ''), a.category, a.slug, a.title, a.summary, a.body, a.image, a.image_alt, a.author, a.doc_number, a.doc_date, a.doc_signer, a.doc_file, a.state, a.publish_at, a.created_by, a.approved_by, a.note, a.views, a.created_at, a.updated_at
FROM portal_articles a LEFT JOIN units u ON u.code = a.unit_code
WHERE a.id = ?;

-- name: PortalArticleBySlug
SELECT a.id, a.unit_code, COALESCE(u.name, ''), a.category, a.slug, a.title, a.summary, a.body, a.image, a.image_alt, a.author, a.doc_number, a.doc_date, a.doc_signer, a.doc_file, a.state, a.publish_at, a.created_by, a.approved_by, a.note, a.views, a.created_at, a.updated_at
FROM portal_articles a LEFT JOIN units u ON u.code = a.unit_code
WHERE a.unit_code = ? AND a.slug = ?;

-- name: PortalSlugTaken
SELECT COUNT(*) FROM portal_articles WHERE unit_code = ? AND slug = ? AND id <> ?;

-- name: PortalArticlesOfUnit
SELECT a.id, a.unit_code, COALESCE(u.name, ''), a.category, a.slug, a.title, a.summary, a.body, a.image, a.image_alt, a.author, a.doc_number, a.doc_date, a.doc_signer, a.doc_file, a.state, a.publish_at, a.created_by, a.approved_by, a.note, a.views, a.created_at, a.updated_at
FROM portal_articles a LEFT JOIN units u ON u.code = a.unit_code
WHERE a.unit_code = ?
ORDER BY a.updated_at DESC, a.id DESC
LIMIT 300;

-- name: PortalLive
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
)
SELECT a.id, a.unit_code, COALESCE(u.name, ''), a.category, a.slug, a.title, a.summary, a.body, a.image, a.image_alt, a.author, a.doc_number, a.doc_date, a.doc_signer, a.doc_file, a.state, a.publish_at, a.created_by, a.approved_by, a.note, a.views, a.created_at, a.updated_at
FROM portal_articles a JOIN units u ON u.code = a.unit_code JOIN tree t ON t.id = u.id
WHERE a.state = 'published' AND a.publish_at <= ? AND a.category <> 'trang'
  AND (? = '' OR a.category = ?) AND a.text_folded LIKE ?
ORDER BY a.publish_at DESC, a.id DESC
LIMIT ? OFFSET ?;

-- name: PortalLiveCount
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
)
SELECT COUNT(*)
FROM portal_articles a JOIN units u ON u.code = a.unit_code JOIN tree t ON t.id = u.id
WHERE a.state = 'published' AND a.publish_at <= ? AND a.category <> 'trang'
  AND (? = '' OR a.category = ?) AND a.text_folded LIKE ?;

-- name: PortalViewAdd
UPDATE portal_articles SET views = views + 1 WHERE id = ?;

-- name: PortalRevisionNext
SELECT COALESCE(MAX(n), 0) + 1 FROM portal_revisions WHERE article_id = ?;

-- name: PortalRevisionInsert
INSERT INTO portal_revisions (article_id, n, title, summary, body, editor, at) VALUES (?, ?, ?, ?, ?, ?, ?);

-- name: PortalRevisions
SELECT n, title, summary, body, editor, at FROM portal_revisions WHERE article_id = ? ORDER BY n DESC;

-- name: PortalFileInsert
INSERT INTO portal_files (name, unit_code, content_type, data, created_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (name) DO NOTHING;

-- name: PortalFileRefInsert
INSERT INTO portal_files (name, unit_code, content_type, data, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (name) DO NOTHING;

-- name: PortalFile
SELECT content_type, data, sha256 FROM portal_files WHERE name = ?;

-- name: PortalSlides
SELECT id, unit_code, image, alt, caption, link, position FROM portal_slides WHERE unit_code = ? ORDER BY position, id;

-- name: PortalSlideInsert
INSERT INTO portal_slides (unit_code, image, alt, caption, link, position) VALUES (?, ?, ?, ?, ?, ?);

-- name: PortalLinks
SELECT id, unit_code, title, url, position FROM portal_links WHERE unit_code = ? ORDER BY position, id;

-- name: PortalLinkInsert
INSERT INTO portal_links (unit_code, title, url, position) VALUES (?, ?, ?, ?);
