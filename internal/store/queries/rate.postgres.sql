-- name: RateHit
-- A hit of a shared limit is counted without waiting for its commit to reach the disk
-- (synchronous_commit off for the transaction of this statement only, set_config(…, true)):
-- a crash forgets at most the last fraction of a second of hits, which only lets a client
-- a few more requests, and a public lookup no longer waits for a WAL flush. It must run on
-- its own (autocommit), never inside a transaction that writes anything else.
INSERT INTO rate_hits (scope, key, window_start, hits)
SELECT CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TIMESTAMPTZ), 1 FROM (SELECT set_config('synchronous_commit', 'off', true)) AS relaxed
ON CONFLICT (scope, key, window_start) DO UPDATE SET hits = rate_hits.hits + 1
RETURNING hits;
