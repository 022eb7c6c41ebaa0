package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/report"
)

// UnitOffers is what Biểu II.07b reads of one unit: its tier, the number of procedures
// it offers at its desk, and how many of them had a published internal process.
type UnitOffers struct {
	Unit               org.Unit
	OneStop, Processes int
}

// II07bUnits lists the unit (and with subtree every unit below it) with its offered
// procedures and those with an internal process published before the instant.
func (s *Store) II07bUnits(ctx context.Context, unit string, subtree bool, before time.Time) ([]UnitOffers, error) {
	rows, err := s.query(ctx, s.read, "II07bUnits", unit, flag(subtree), before.UTC())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []UnitOffers
	for rows.Next() {
		var o UnitOffers
		var level string
		if err := rows.Scan(&o.Unit.Code, &o.Unit.Name, &level, &o.OneStop, &o.Processes); err != nil {
			return nil, fmt.Errorf("store: II.07b: %w", err)
		}
		o.Unit.Level = org.Level(level)
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: II.07b: %w", err)
	}
	return out, nil
}

// ProceduresByLevel counts the catalogue's procedures by the level codes they are
// carried out at (catalog.LevelCommune, …); a procedure of several levels counts in each.
func (s *Store) ProceduresByLevel(ctx context.Context) (map[string]int, error) {
	rows, err := s.query(ctx, s.read, "ProcedureDocsAll")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var doc string
		if err := rows.Scan(&doc); err != nil {
			return nil, fmt.Errorf("store: procedure levels: %w", err)
		}
		var p struct {
			Levels []string `json:"levels"`
		}
		if err := json.Unmarshal([]byte(doc), &p); err != nil {
			return nil, fmt.Errorf("store: procedure levels: %w", err)
		}
		for _, l := range p.Levels {
			out[l]++
		}
	}
	return out, rows.Err()
}

// MaxOpenDossiers is how many open dossiers the dashboard reads at most.
const MaxOpenDossiers = 5000

// OpenDossiers lists the dossiers of the unit (and the units below it) still in
// processing (a result ready to return has finished, as in the reports), newest
// first, at most MaxOpenDossiers (more is true when there were more), with the name of
// their current step and the officer holding them.
func (s *Store) OpenDossiers(ctx context.Context, unit string, subtree bool) (out []report.OpenDossier, more bool, err error) {
	rows, err := s.query(ctx, s.read, "OpenDossiers", unit, flag(subtree))
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			o              report.OpenDossier
			status, proc   string
			step           int
			rec, orig, due sql.NullTime
		)
		if err := rows.Scan(&o.Code, &o.ProcedureName, &status, &step, &proc, &o.Assignee, &o.AssigneeName, &rec, &orig, &due); err != nil {
			return nil, false, fmt.Errorf("store: open dossiers: %w", err)
		}
		o.ReceivedAt, o.DueAt = timeOf(rec), timeOf(orig)
		if o.DueAt.IsZero() {
			o.DueAt = timeOf(due)
		}
		o.Step = stepName(dossier.Status(status), step, proc)
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("store: open dossiers: %w", err)
	}
	if len(out) > MaxOpenDossiers {
		return out[:MaxOpenDossiers], true, nil
	}
	return out, false, nil
}

// stepName names where an open dossier stands: its process step while processing, else
// its status.
func stepName(st dossier.Status, step int, process string) string {
	switch st {
	case dossier.StatusSubmitted:
		return "Chờ tiếp nhận"
	case dossier.StatusReceived:
		return "Đã tiếp nhận, chờ chuyển xử lý"
	case dossier.StatusSupplementRequested:
		return "Chờ bổ sung hồ sơ"
	}
	var p dossier.Process
	if json.Unmarshal([]byte(process), &p) == nil && step >= 0 && step < len(p.Steps) && p.Steps[step].Name != "" {
		return p.Steps[step].Name
	}
	return "Đang xử lý"
}

// ScorecardScheme returns the competition's criteria of the year as saved by an
// administrator, and false when none was saved.
func (s *Store) ScorecardScheme(ctx context.Context, year int) (report.Scheme, bool, error) {
	var doc string
	err := s.row(ctx, s.read, "none", "ScorecardSchemeGet", []any{year}, &doc)
	if err != nil {
		if isNotFound(err) {
			return report.Scheme{}, false, nil
		}
		return report.Scheme{}, false, err
	}
	var sc report.Scheme
	if err := json.Unmarshal([]byte(doc), &sc); err != nil {
		return report.Scheme{}, false, fmt.Errorf("store: scorecard scheme %d: %w", year, err)
	}
	return sc, true, nil
}

// SaveScorecardScheme saves the year's criteria (checked by the caller) with its audit line.
func (s *Store) SaveScorecardScheme(ctx context.Context, sc report.Scheme, by string, audit AuditEntry) error {
	doc, err := json.Marshal(sc)
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := s.exec(ctx, tx, "ScorecardSchemePut", sc.Year, string(doc), s.Now(), by); err != nil {
			return err
		}
		return s.auditInTx(ctx, tx, audit, "")
	})
}

// ScorecardEntries returns the unit's self-scores and appraised scores of the year by
// criterion code.
func (s *Store) ScorecardEntries(ctx context.Context, year int, unit string) (map[string]report.Entry, error) {
	rows, err := s.query(ctx, s.read, "ScorecardEntries", year, unit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]report.Entry{}
	for rows.Next() {
		var e report.Entry
		var self, appr sql.NullFloat64
		if err := rows.Scan(&e.Criterion, &self, &e.SelfNote, &appr, &e.AppraisalNote); err != nil {
			return nil, fmt.Errorf("store: scorecard entries: %w", err)
		}
		if self.Valid {
			e.Self = &self.Float64
		}
		if appr.Valid {
			e.Appraised = &appr.Float64
		}
		out[e.Criterion] = e
	}
	return out, rows.Err()
}

// ScoreKind says which score of a criterion is saved: the unit's own (tự chấm) or the
// parent unit's appraisal (thẩm định).
type ScoreKind int

// The kinds of score.
const (
	SelfScore ScoreKind = iota
	Appraisal
)

// SaveScore records one score of the unit's criterion for the year with its note and
// audit line; points nil clears it.
func (s *Store) SaveScore(ctx context.Context, kind ScoreKind, year int, unit, criterion string, points *float64, note, by string, audit AuditEntry) error {
	name := "ScorecardSelfPut"
	if kind == Appraisal {
		name = "ScorecardAppraisalPut"
	}
	var p any
	if points != nil {
		p = *points
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := s.exec(ctx, tx, name, year, unit, criterion, p, note, by, s.Now()); err != nil {
			return err
		}
		return s.auditInTx(ctx, tx, audit, "")
	})
}

// Evidence is a file proving a self-score (tệp minh chứng).
type Evidence struct {
	ID                                int64
	Year                              int
	UnitCode, Criterion               string
	SHA256                            string
	Size                              int64
	ContentType, FileName, UploadedBy string
	CreatedAt                         time.Time
}

// EvidenceCount counts the files of one criterion.
func (s *Store) EvidenceCount(ctx context.Context, year int, unit, criterion string) (int, error) {
	var n int
	err := s.row(ctx, s.read, "", "ScorecardEvidenceCount", []any{year, unit, criterion}, &n)
	return n, err
}

// AddEvidence records a stored file as evidence, with its audit line.
func (s *Store) AddEvidence(ctx context.Context, e Evidence, audit AuditEntry) (Evidence, error) {
	e.CreatedAt = s.Now()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.row(ctx, tx, "", "ScorecardEvidenceAdd", []any{e.Year, e.UnitCode, e.Criterion, e.SHA256, e.Size,
			e.ContentType, e.FileName, e.UploadedBy, e.CreatedAt}, &e.ID); err != nil {
			return err
		}
		return s.auditInTx(ctx, tx, audit, "")
	})
	return e, err
}

// EvidenceList lists the unit's evidence files of the year by criterion.
func (s *Store) EvidenceList(ctx context.Context, year int, unit string) ([]Evidence, error) {
	rows, err := s.query(ctx, s.read, "ScorecardEvidenceList", year, unit)
	if err != nil {
		return nil, err
	}
	return scanEvidence(rows)
}

// EvidenceByID returns one evidence file's record, or fault.NotFound.
func (s *Store) EvidenceByID(ctx context.Context, id int64) (Evidence, error) {
	rows, err := s.query(ctx, s.read, "ScorecardEvidenceGet", id)
	if err != nil {
		return Evidence{}, err
	}
	out, err := scanEvidence(rows)
	if err != nil {
		return Evidence{}, err
	}
	if len(out) == 0 {
		return Evidence{}, fault.New(fault.NotFound, "Không tìm thấy tệp minh chứng.")
	}
	return out[0], nil
}

func scanEvidence(rows *sql.Rows) ([]Evidence, error) {
	defer rows.Close()
	var out []Evidence
	for rows.Next() {
		var e Evidence
		if err := rows.Scan(&e.ID, &e.Year, &e.UnitCode, &e.Criterion, &e.SHA256, &e.Size, &e.ContentType,
			&e.FileName, &e.UploadedBy, &e.CreatedAt); err != nil {
			return nil, fmt.Errorf("store: evidence: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
