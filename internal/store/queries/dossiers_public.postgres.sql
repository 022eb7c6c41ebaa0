-- name: DossierPublicByCode
-- What the public lookup reads, in one row: the dossier's columns once and its events as
-- "seq<TAB>payload" lines in the order of seq (a payload is JSON on one line: no raw
-- tab or newline), a compact payload followed by the columns it leaves out, each after a
-- tab (eventJSON: those columns then hold no control character). One row instead of one
-- per event.
-- A shared process (process_text, migration 026) is taken from the store's cache of the
-- shared texts (Store.sharedText), not joined: the join made the statement a third slower.
SELECT d.id, d.code, d.unit_code, d.procedure_code, d.procedure_name, d.process, d.process_text,
    d.deadline_days, d.deadline_mode, d.supplement_rule, d.channel, d.lookup_key,
    (SELECT string_agg(e.seq::text || chr(9) || CASE WHEN e.payload LIKE '{"seq":%' THEN e.payload
        ELSE e.payload || chr(9) || e.action || chr(9) || e.actor || chr(9) || e.role || chr(9) || e.unit END, chr(10) ORDER BY e.seq)
     FROM dossier_events e WHERE e.dossier_id = d.id)
FROM dossiers d
WHERE d.code = ?;
