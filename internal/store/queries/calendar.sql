-- name: CalendarDayList
SELECT id, day, unit_code, off, name, reference
FROM calendar_days
WHERE (unit_code = '' OR unit_code = ?) AND day >= ? AND day <= ?
ORDER BY day, unit_code;

-- name: CalendarDaysForUnit
SELECT id, day, unit_code, off, name, reference
FROM calendar_days
WHERE unit_code = '' OR unit_code = ?
ORDER BY day, unit_code;

-- name: CalendarDayUpsert
INSERT INTO calendar_days (day, unit_code, off, name, reference, created_by, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (day, unit_code) DO UPDATE SET off = excluded.off, name = excluded.name,
    reference = excluded.reference, created_by = excluded.created_by, created_at = excluded.created_at;

-- name: CalendarDaySeed
INSERT INTO calendar_days (day, unit_code, off, name, reference, created_by, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (day, unit_code) DO NOTHING;

-- name: CalendarDayDelete
DELETE FROM calendar_days WHERE id = ?;

-- name: UnitScheduleGet
SELECT schedule FROM units WHERE code = ?;

-- name: UnitScheduleSet
UPDATE units SET schedule = ?, updated_at = ? WHERE code = ?;
