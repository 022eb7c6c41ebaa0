package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/feedback"
)

// errRated answers a second rating of a dossier (feedback.CanRate says the same).
var errRated = fault.New(fault.Conflict, "Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.")

// AddRating stores the rating of its dossier with the officers who handled it, in one
// transaction. A dossier already rated is fault.Conflict (whoever came first wins, also
// under concurrency: the table holds one rating per dossier); an unknown dossier
// fault.NotFound. The caller checks that the dossier may be rated (feedback.NewRating).
func (s *Store) AddRating(ctx context.Context, r feedback.Rating) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := s.addRating(ctx, tx, r)
		return err
	})
}

// addRating inserts the rating; it reports false, with no error, when the dossier was
// already rated.
func (s *Store) addRating(ctx context.Context, tx *sql.Tx, r feedback.Rating) (bool, error) {
	c := r.Criteria
	var id int64
	err := s.row(ctx, tx, "", "RatingInsert", []any{string(r.Level), string(c[feedback.CriterionAttitude]),
		string(c[feedback.CriterionTime]), string(c[feedback.CriterionGuidance]), r.Comment, string(r.Channel),
		r.At.UTC(), r.DossierCode}, &id)
	if fault.Is(err, fault.NotFound) {
		// No row: either no such dossier or a rating already there.
		var dossierID int64
		if derr := s.row(ctx, tx, "Không tìm thấy hồ sơ.", "RatingDossierID", []any{r.DossierCode}, &dossierID); derr != nil {
			return false, derr
		}
		return false, errRated
	}
	if err != nil {
		return false, err
	}
	for _, u := range r.Officers {
		if _, err := s.exec(ctx, tx, "RatingOfficerInsert", id, u); err != nil {
			return false, err
		}
	}
	return true, nil
}

// ImportRatings stores the ratings in bulk (the demo history), in one transaction, a
// few multi-row statements per unit: ratings of unknown dossiers are left out, dossiers
// already rated keep their rating.
func (s *Store) ImportRatings(ctx context.Context, rs []feedback.Rating) error {
	byUnit := map[string][]feedback.Rating{}
	var units []string
	for _, r := range rs {
		unit, _, _, err := dossier.ParseCode(r.DossierCode)
		if err != nil {
			return fmt.Errorf("store: import rating %q: %w", r.DossierCode, err)
		}
		if _, ok := byUnit[unit]; !ok {
			units = append(units, unit)
		}
		byUnit[unit] = append(byUnit[unit], r)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, u := range units {
			if err := s.importUnitRatings(ctx, tx, u, byUnit[u]); err != nil {
				return err
			}
		}
		return nil
	})
}

// importChunk is the number of rows of one multi-row INSERT of ImportRatings.
const importChunk = 400

func (s *Store) importUnitRatings(ctx context.Context, tx *sql.Tx, unit string, rs []feedback.Rating) error {
	ids, err := s.idMap(ctx, tx, "RatingImportDossiers", unit)
	if err != nil {
		return err
	}
	var args []any
	n := 0
	flush := func(name string) error {
		err := s.bulkExec(ctx, tx, name, n, args)
		args, n = args[:0], 0
		return err
	}
	for _, r := range rs {
		id, ok := ids[r.DossierCode]
		if !ok {
			continue
		}
		c := r.Criteria
		args = append(args, id, string(r.Level), string(c[feedback.CriterionAttitude]), string(c[feedback.CriterionTime]),
			string(c[feedback.CriterionGuidance]), r.Comment, string(r.Channel), r.At.UTC())
		if n++; n == importChunk {
			if err := flush("RatingImport"); err != nil {
				return err
			}
		}
	}
	if err := flush("RatingImport"); err != nil {
		return err
	}
	rated, err := s.idPairs(ctx, tx, "RatingImportIDs", unit)
	if err != nil {
		return err
	}
	for _, r := range rs {
		rid, ok := rated[ids[r.DossierCode]]
		if !ok {
			continue
		}
		for _, u := range r.Officers {
			args = append(args, rid, u)
			if n++; n == importChunk {
				if err := flush("RatingOfficerInsert"); err != nil {
					return err
				}
			}
		}
	}
	return flush("RatingOfficerInsert")
}

// idMap reads (text, id) rows into a map.
func (s *Store) idMap(ctx context.Context, tx *sql.Tx, name string, args ...any) (map[string]int64, error) {
	rows, err := s.query(ctx, tx, name, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var k string
		var id int64
		if err := rows.Scan(&k, &id); err != nil {
			return nil, fmt.Errorf("store: %s: %w", name, err)
		}
		out[k] = id
	}
	return out, rows.Err()
}

// idPairs reads (id, id) rows into a map.
func (s *Store) idPairs(ctx context.Context, tx *sql.Tx, name string, args ...any) (map[int64]int64, error) {
	rows, err := s.query(ctx, tx, name, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var k, v int64
		if err := rows.Scan(&k, &v); err != nil {
			return nil, fmt.Errorf("store: %s: %w", name, err)
		}
		out[k] = v
	}
	return out, rows.Err()
}

// DossierRating returns the rating of the dossier, or fault.NotFound when it has none.
func (s *Store) DossierRating(ctx context.Context, code string) (feedback.Rating, error) {
	r := feedback.Rating{DossierCode: code}
	var id int64
	var level, att, tm, guide, ch string
	err := s.row(ctx, s.read, "Hồ sơ chưa được đánh giá.", "RatingByDossier", []any{code},
		&id, &level, &att, &tm, &guide, &r.Comment, &ch, &r.At)
	if err != nil {
		return feedback.Rating{}, err
	}
	r.Level, r.Channel, r.At = feedback.Satisfaction(level), feedback.RatingChannel(ch), r.At.UTC()
	r.Criteria = map[feedback.Criterion]feedback.Satisfaction{}
	for c, v := range map[feedback.Criterion]string{feedback.CriterionAttitude: att, feedback.CriterionTime: tm, feedback.CriterionGuidance: guide} {
		if v != "" {
			r.Criteria[c] = feedback.Satisfaction(v)
		}
	}
	rows, err := s.query(ctx, s.read, "RatingOfficers", id)
	if err != nil {
		return feedback.Rating{}, err
	}
	defer rows.Close()
	for rows.Next() {
		var u string
		if err := rows.Scan(&u); err != nil {
			return feedback.Rating{}, fmt.Errorf("store: rating officers: %w", err)
		}
		r.Officers = append(r.Officers, u)
	}
	return r, rows.Err()
}

// RatingRow is one line of a tally of ratings: an officer's username or a procedure's
// code and name, and the counts by level.
type RatingRow struct {
	Key, Name string
	feedback.Tally
}

// RatingsByOfficer tallies the ratings given in [from, to) to the dossiers of the unit
// (with subtree, and of the units below it) by the officers who handled them; a rating
// counts once for each of its officers.
func (s *Store) RatingsByOfficer(ctx context.Context, unit string, subtree bool, from, to time.Time) ([]RatingRow, error) {
	rows, err := s.query(ctx, s.read, "RatingTallyByOfficer", unit, flag(subtree), from.UTC(), to.UTC())
	if err != nil {
		return nil, err
	}
	return scanRatingRows(rows, false)
}

// RatingsByProcedure tallies the ratings given in [from, to) to the dossiers of the
// unit (with subtree, and of the units below it) by procedure.
func (s *Store) RatingsByProcedure(ctx context.Context, unit string, subtree bool, from, to time.Time) ([]RatingRow, error) {
	rows, err := s.query(ctx, s.read, "RatingTallyByProcedure", unit, flag(subtree), from.UTC(), to.UTC())
	if err != nil {
		return nil, err
	}
	return scanRatingRows(rows, true)
}

func scanRatingRows(rows *sql.Rows, named bool) ([]RatingRow, error) {
	defer rows.Close()
	var out []RatingRow
	for rows.Next() {
		var key, name, level string
		var n int
		dest := []any{&key, &level, &n}
		if named {
			dest = []any{&key, &name, &level, &n}
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("store: rating tally: %w", err)
		}
		if len(out) == 0 || out[len(out)-1].Key != key {
			out = append(out, RatingRow{Key: key, Name: name})
		}
		out[len(out)-1].Count(feedback.Satisfaction(level), n)
	}
	return out, rows.Err()
}

// RatingLevels returns the level of the rating of each dossier of the unit and the
// units below it whose processing finished in [from, to), by dossier code, whenever the
// rating was given.
func (s *Store) RatingLevels(ctx context.Context, unit string, from, to time.Time) (map[string]feedback.Satisfaction, error) {
	rows, err := s.query(ctx, s.read, "RatingLevelsFinished", unit, from.UTC(), to.UTC())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]feedback.Satisfaction{}
	for rows.Next() {
		var code, level string
		if err := rows.Scan(&code, &level); err != nil {
			return nil, fmt.Errorf("store: rating levels: %w", err)
		}
		out[code] = feedback.Satisfaction(level)
	}
	if err := rows.Err(); err != nil {
		return nil, errors.Join(fmt.Errorf("store: rating levels"), err)
	}
	return out, nil
}
