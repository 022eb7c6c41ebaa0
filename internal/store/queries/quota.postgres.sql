-- The citizen's row, locked for the upload's transaction: one citizen's uploads are
-- counted against the quota one after the other.

-- name: CitizenLock
SELECT id FROM citizens WHERE id = ? FOR UPDATE
