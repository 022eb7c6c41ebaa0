-- The legal clock as data: days off and swapped working days decided each year
-- (country-wide when unit_code is ''), and each unit's working sessions.
CREATE TABLE calendar_days (
    id          INTEGER PRIMARY KEY,
    day         TEXT NOT NULL,
    unit_code   TEXT NOT NULL DEFAULT '',
    off         INTEGER NOT NULL,
    name        TEXT NOT NULL,
    reference   TEXT NOT NULL DEFAULT '',
    created_by  TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL,
    UNIQUE (day, unit_code)
);
CREATE INDEX calendar_days_unit ON calendar_days(unit_code, day);

ALTER TABLE units ADD COLUMN schedule TEXT NOT NULL DEFAULT '';
