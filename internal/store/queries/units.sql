-- name: UnitList
SELECT u.id, u.code, u.name, COALESCE(p.code, ''), u.level, u.address, u.hotline, u.email, u.hours, u.desk_name
FROM units u LEFT JOIN units p ON p.id = u.parent_id
ORDER BY COALESCE(p.code, ''), u.level, u.name;

-- name: UnitByCode
SELECT u.id, u.code, u.name, COALESCE(p.code, ''), u.level, u.address, u.hotline, u.email, u.hours, u.desk_name
FROM units u LEFT JOIN units p ON p.id = u.parent_id
WHERE u.code = ?;

-- name: UnitIDByCode
SELECT id FROM units WHERE code = ?;

-- name: UnitInsert
INSERT INTO units (code, name, parent_id, level, address, hotline, email, hours, created_at, updated_at, desk_name)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
RETURNING id;

-- name: UnitUpdate
UPDATE units SET code = ?, name = ?, parent_id = ?, level = ?, address = ?, hotline = ?, email = ?, hours = ?, updated_at = ?,
    desk_name = ?
WHERE id = ?;

-- name: UnitCount
SELECT COUNT(*) FROM units;

-- name: UnitDescendants
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
)
SELECT u.code FROM units u JOIN tree t ON t.id = u.id;
