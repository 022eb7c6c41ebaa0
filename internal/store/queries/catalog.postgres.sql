-- Procedure search on PostgreSQL: every folded query word must start a word of the
-- folded name or code. The argument is the folded query words separated by single
-- spaces; folding leaves only letters and digits, so the words hold no LIKE wildcards.
-- The trigram index on (' ' || search) serves the LIKE patterns.

-- name: ProcedureSearch
SELECT p.code, p.name, p.folded, p.field_code, f.name, p.deadline_days, p.deadline_mode, p.online, p.fee_vnd, p.process_version
FROM procedures p
JOIN fields f ON f.code = p.field_code
WHERE (' ' || p.search) LIKE ALL (SELECT '% ' || w || '%' FROM unnest(string_to_array(?::text, ' ')) AS w)
  AND (? = '' OR p.field_code = ?)
  AND (? = '' OR EXISTS (SELECT 1 FROM unit_procedures up WHERE up.unit_code = ? AND up.procedure_code = p.code));
