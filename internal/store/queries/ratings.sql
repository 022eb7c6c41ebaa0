-- Ratings of the service (đánh giá mức độ hài lòng): one per dossier, append-only.

-- name: RatingInsert
INSERT INTO dossier_ratings (dossier_id, level, attitude, time_taken, guidance, comment, channel, rated_at)
SELECT d.id, ?, ?, ?, ?, ?, ?, ? FROM dossiers d WHERE d.code = ?
ON CONFLICT (dossier_id) DO NOTHING
RETURNING id;

-- name: RatingDossierID
SELECT id FROM dossiers WHERE code = ?;

-- name: RatingOfficerInsert
INSERT INTO dossier_rating_officers (rating_id, username) VALUES (?, ?)
ON CONFLICT (rating_id, username) DO NOTHING;

-- name: RatingByDossier
SELECT r.id, r.level, r.attitude, r.time_taken, r.guidance, r.comment, r.channel, r.rated_at
FROM dossier_ratings r JOIN dossiers d ON d.id = r.dossier_id
WHERE d.code = ?;

-- name: RatingOfficers
SELECT username FROM dossier_rating_officers WHERE rating_id = ? ORDER BY username;

-- The tallies of a unit (and, when the second parameter is 1, the units below it) over
-- the ratings given in [from, to).

-- name: RatingTallyByOfficer
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id WHERE ? = 1
)
SELECT o.username, r.level, COUNT(*)
FROM dossier_ratings r
JOIN dossiers d ON d.id = r.dossier_id
JOIN dossier_rating_officers o ON o.rating_id = r.id
WHERE d.unit_code IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id)
  AND r.rated_at >= ? AND r.rated_at < ?
GROUP BY o.username, r.level
ORDER BY o.username;

-- name: RatingTallyByProcedure
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id WHERE ? = 1
)
SELECT d.procedure_code, MAX(d.procedure_name), r.level, COUNT(*)
FROM dossier_ratings r
JOIN dossiers d ON d.id = r.dossier_id
WHERE d.unit_code IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id)
  AND r.rated_at >= ? AND r.rated_at < ?
GROUP BY d.procedure_code, r.level
ORDER BY d.procedure_code;

-- The levels of the ratings of the dossiers of a unit and the units below it whose
-- processing finished in [from, to), whenever the rating was given.

-- name: RatingLevelsFinished
WITH RECURSIVE tree(id) AS (
    SELECT id FROM units WHERE code = ?
    UNION ALL
    SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
)
SELECT d.code, r.level
FROM dossier_ratings r
JOIN dossiers d ON d.id = r.dossier_id
WHERE d.unit_code IN (SELECT u.code FROM units u JOIN tree t ON t.id = u.id)
  AND d.finished_at >= ? AND d.finished_at < ?;

-- The bulk import of the demo history's ratings (ImportRatings).

-- name: RatingImport
INSERT INTO dossier_ratings (dossier_id, level, attitude, time_taken, guidance, comment, channel, rated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (dossier_id) DO NOTHING;

-- name: RatingImportDossiers
SELECT code, id FROM dossiers WHERE unit_code = ?;

-- name: RatingImportIDs
SELECT r.dossier_id, r.id FROM dossier_ratings r JOIN dossiers d ON d.id = r.dossier_id WHERE d.unit_code = ?;
