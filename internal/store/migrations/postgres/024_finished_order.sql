-- The dossiers of many units (a province's search in the finished view, the
-- administrators' finished view) last finished first: a common text walks this index in
-- its order and stops at the page, instead of sorting every finished dossier of the scope
-- (queries/inbox.sql InboxTreeSearchFinished, InboxAllFinished).
CREATE INDEX dossiers_finished_all ON dossiers(finished_at, id) WHERE finished_at IS NOT NULL;
