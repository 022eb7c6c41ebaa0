-- The citizen's row, read inside the upload's transaction (SQLite transactions are
-- immediate: writers already take turns).

-- name: CitizenLock
SELECT id FROM citizens WHERE id = ?
