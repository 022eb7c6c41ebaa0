-- name: PortalSlideByID
SELECT id, unit_code, image, alt, caption, link, position FROM portal_slides WHERE id = ?;

-- name: PortalSlideAppend
INSERT INTO portal_slides (unit_code, image, alt, caption, link, position)
SELECT ?, ?, ?, ?, ?, COALESCE(MAX(position) + 1, 0) FROM portal_slides WHERE unit_code = ?
RETURNING id;

-- name: PortalSlideUpdate
UPDATE portal_slides SET image = ?, alt = ?, caption = ?, link = ? WHERE id = ?;

-- name: PortalSlideDelete
DELETE FROM portal_slides WHERE id = ?;

-- name: PortalSlideIDs
SELECT id FROM portal_slides WHERE unit_code = ? ORDER BY position, id;

-- name: PortalSlidePosition
UPDATE portal_slides SET position = ? WHERE id = ? AND unit_code = ?;

-- name: PortalLinkByID
SELECT id, unit_code, title, url, position FROM portal_links WHERE id = ?;

-- name: PortalLinkAppend
INSERT INTO portal_links (unit_code, title, url, position)
SELECT ?, ?, ?, COALESCE(MAX(position) + 1, 0) FROM portal_links WHERE unit_code = ?
RETURNING id;

-- name: PortalLinkUpdate
UPDATE portal_links SET title = ?, url = ? WHERE id = ?;

-- name: PortalLinkDelete
DELETE FROM portal_links WHERE id = ?;

-- name: PortalLinkIDs
SELECT id FROM portal_links WHERE unit_code = ? ORDER BY position, id;

-- name: PortalLinkPosition
UPDATE portal_links SET position = ? WHERE id = ? AND unit_code = ?;
