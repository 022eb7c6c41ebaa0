-- The applicant's name in its search form (fold.Fold: lower case, no diacritics, đ → d),
-- so that officers find a dossier by the name typed with or without accents. Computed in
-- Go: the store fills it for the dossiers created before this migration.
ALTER TABLE dossiers ADD COLUMN applicant_folded TEXT NOT NULL DEFAULT '';
