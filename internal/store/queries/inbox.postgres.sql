-- A search in a unit's dossiers on PostgreSQL (docs/PERFORMANCE.md, "Searches over ten
-- million dossiers"). The trigram indexes of migration 023 span every unit: a common name
-- ("Nguyễn Văn") has trigrams in a large share of all rows, and reading their posting lists
-- costs more than the unit's whole list. These statements walk the unit's list instead,
-- newest first, on the index that carries the code, the folded name and the ID number
-- (dossiers_list, migration 018), testing the text on the index alone (an index-only scan);
-- only the dossiers that match are read from the table, for the other filters and the
-- columns shown. The text is compared as an expression (`|| ''`) that no index answers, so
-- that no plan (a generic one of a prepared statement included) takes the trigram indexes
-- for a unit; OFFSET 0 keeps the walk apart from the join. A common name stops after the
-- page's few hundred rows of the index; a rare one reads the unit's entries of the index,
-- never the rows. Parameters as the portable statements (queries/inbox.sql).

-- name: InboxUnitSearch
SELECT {{InboxColumns}}
FROM (SELECT l.id FROM dossiers l
      WHERE l.unit_code = ? AND l.id < ?
        AND (? = '' OR (l.code || '') LIKE ? ESCAPE '!' OR (? <> '' AND (l.applicant_folded || '') LIKE ? ESCAPE '!')
             OR (l.applicant_id_number || '') = ?)
      ORDER BY l.id DESC OFFSET 0) m
JOIN dossiers d ON d.id = m.id
WHERE 1 = 1
  {{InboxFilterRest}}
ORDER BY d.id DESC
LIMIT ? OFFSET ?;

-- name: InboxUnitSearchBack
SELECT {{InboxColumns}}
FROM (SELECT l.id FROM dossiers l
      WHERE l.unit_code = ? AND l.id > ?
        AND (? = '' OR (l.code || '') LIKE ? ESCAPE '!' OR (? <> '' AND (l.applicant_folded || '') LIKE ? ESCAPE '!')
             OR (l.applicant_id_number || '') = ?)
      ORDER BY l.id OFFSET 0) m
JOIN dossiers d ON d.id = m.id
WHERE 1 = 1
  {{InboxFilterRest}}
ORDER BY d.id
LIMIT ? OFFSET ?;

-- name: InboxUnitSearchCount
SELECT COUNT(*) FROM (SELECT 1 AS x
FROM (SELECT l.id FROM dossiers l
      WHERE l.unit_code = ? AND l.id < ?
        AND (? = '' OR (l.code || '') LIKE ? ESCAPE '!' OR (? <> '' AND (l.applicant_folded || '') LIKE ? ESCAPE '!')
             OR (l.applicant_id_number || '') = ?)
      OFFSET 0) m
JOIN dossiers d ON d.id = m.id
WHERE 1 = 1
  {{InboxFilterRest}}
LIMIT ?) capped;
