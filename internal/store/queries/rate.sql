-- name: RateHit
INSERT INTO rate_hits (scope, key, window_start, hits) VALUES (?, ?, ?, 1)
ON CONFLICT (scope, key, window_start) DO UPDATE SET hits = rate_hits.hits + 1
RETURNING hits;

-- name: RateHitsPurge
DELETE FROM rate_hits WHERE window_start < ?;
