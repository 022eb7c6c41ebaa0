-- name: CalendarDayListAll
SELECT id, day, unit_code, off, name, reference
FROM calendar_days
WHERE day >= ? AND day <= ?
ORDER BY day, unit_code;

-- name: CalendarDayByID
SELECT id, day, unit_code, off, name, reference
FROM calendar_days
WHERE id = ?;
