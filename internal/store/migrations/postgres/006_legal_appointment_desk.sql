-- The legal appointment (ngày hẹn trả theo quy định) kept beside the appointment in force:
-- an extension (hẹn lại) moves due_at, while timeliness and reports compare with
-- original_due_at. Dossiers never extended take due_at; the store fills in the extended
-- ones from their events after this migration.
ALTER TABLE dossiers ADD COLUMN original_due_at TIMESTAMPTZ;
UPDATE dossiers SET original_due_at = due_at
WHERE id NOT IN (SELECT dossier_id FROM dossier_events WHERE action = 'extend');

-- The one-stop desk's name as printed on the forms (tên Bộ phận Một cửa / Trung tâm Phục
-- vụ hành chính công); empty means the default for the form's date.
ALTER TABLE units ADD COLUMN desk_name TEXT NOT NULL DEFAULT '';
