package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"reflect"

	"motcua/internal/catalog"
	"motcua/internal/fault"
	"motcua/internal/fold"
)

// FieldCount is a lĩnh vực with the number of procedures filed under it.
type FieldCount struct {
	catalog.Field
	Count int `json:"count"`
}

// Fields lists the fields of the catalogue in catalogue order with their procedure counts.
func (s *Store) Fields(ctx context.Context) ([]FieldCount, error) {
	rows, err := s.query(ctx, s.read, "FieldCounts")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []FieldCount
	for rows.Next() {
		var f FieldCount
		if err := rows.Scan(&f.Code, &f.Name, &f.Count); err != nil {
			return nil, fmt.Errorf("store: fields: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// Procedure returns the procedure with the code, its Process being the current version,
// or a fault.NotFound. A change made by another server shows within referenceTTL.
func (s *Store) Procedure(ctx context.Context, code string) (catalog.Procedure, error) {
	doc, gen, ok := s.procedureDocs.get(code)
	if !ok {
		err := s.row(ctx, s.read, fmt.Sprintf("Không tìm thấy thủ tục có mã %q.", code), "ProcedureDoc", []any{code}, &doc)
		if err != nil {
			return catalog.Procedure{}, err
		}
		s.procedureDocs.put(code, doc, gen)
	}
	return s.procedures.decode(code, doc)
}

func decodeProcedure(doc string) (catalog.Procedure, error) {
	var p catalog.Procedure
	if err := json.Unmarshal([]byte(doc), &p); err != nil {
		return p, fmt.Errorf("store: decode procedure: %w", err)
	}
	return p, nil
}

// SaveProcedure validates p and creates or replaces the procedure with its code. The
// field must exist. When the steps of the process differ from the current version, a
// new process version is published (the current one plus one; p.Process.Version for a
// new procedure); otherwise the version is kept. It returns the procedure as saved.
func (s *Store) SaveProcedure(ctx context.Context, p catalog.Procedure, by string) (catalog.Procedure, error) {
	defer s.forgetReference()
	if errs := p.Validate(); len(errs) > 0 {
		return p, fault.WithFields("Thông tin thủ tục chưa hợp lệ.", errs.Map())
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := s.row(ctx, tx, "", "FieldExists", []any{p.FieldCode}, &n); err != nil {
			return err
		}
		if n == 0 {
			return fault.WithFields("Thông tin thủ tục chưa hợp lệ.", map[string]string{
				"field_code": fmt.Sprintf("Lĩnh vực %q không có trong danh mục.", p.FieldCode)})
		}
		saved, _, err := s.upsertProcedure(ctx, tx, p, -1, by)
		p = saved
		return err
	})
	return p, err
}

// upsertOutcome says what upsertProcedure did.
type upsertOutcome int

const (
	procCreated upsertOutcome = iota
	procUpdated
	procUnchanged
	procNewVersion // updated, with a new process version
)

// upsertProcedure writes p inside tx. position < 0 keeps the current position (or
// appends a new procedure at the end). It publishes a process version when the
// procedure is new or its steps changed, and keeps the search index in step.
func (s *Store) upsertProcedure(ctx context.Context, tx *sql.Tx, p catalog.Procedure, position int, by string) (catalog.Procedure, upsertOutcome, error) {
	now := s.Now()
	var id int64
	var curVersion int
	var curDoc string
	err := s.row(ctx, tx, "", "ProcedureCurrent", []any{p.Code}, &id, &curVersion, &curDoc)
	exists := err == nil
	if err != nil && !isNotFound(err) {
		return p, 0, err
	}
	if position < 0 {
		if exists {
			if err := s.row(ctx, tx, "", "ProcedurePosition", []any{id}, &position); err != nil {
				return p, 0, err
			}
		} else if err := s.row(ctx, tx, "", "ProcedureNextPosition", nil, &position); err != nil {
			return p, 0, err
		}
	}
	outcome := procCreated
	newVersion := !exists
	if exists {
		cur, err := decodeProcedure(curDoc)
		if err != nil {
			return p, 0, err
		}
		p.Process.Version = curVersion
		if !reflect.DeepEqual(normSteps(cur.Process.Steps), normSteps(p.Process.Steps)) {
			p.Process.Version = curVersion + 1
			newVersion = true
		}
		switch {
		case newVersion:
			outcome = procNewVersion
		case reflect.DeepEqual(cur, p):
			outcome = procUnchanged
		default:
			outcome = procUpdated
		}
	}
	if p.Process.Version < 1 {
		p.Process.Version = 1
	}
	doc, err := json.Marshal(p)
	if err != nil {
		return p, 0, fmt.Errorf("store: encode procedure: %w", err)
	}
	folded := fold.Fold(p.Name)
	search := fold.Fold(p.Name + " " + p.Code)
	if exists {
		if outcome == procUnchanged {
			return p, outcome, s.updatePosition(ctx, tx, id, position)
		}
		_, err = s.exec(ctx, tx, "ProcedureUpdate", p.Name, folded, search, p.FieldCode, string(p.Online), p.DeadlineDays,
			string(p.DeadlineMode), p.FeeVND, p.Process.Version, position, now, by, id)
	} else {
		err = s.row(ctx, tx, "", "ProcedureInsert", []any{p.Code, p.Name, folded, search, p.FieldCode, string(p.Online),
			p.DeadlineDays, string(p.DeadlineMode), p.FeeVND, p.Process.Version, position, now, by}, &id)
	}
	if err != nil {
		return p, 0, err
	}
	if _, err := s.exec(ctx, tx, "ProcedureDocPut", id, string(doc)); err != nil {
		return p, 0, err
	}
	if newVersion {
		if err := s.insertVersion(ctx, tx, p.Code, p.Process, by); err != nil {
			return p, 0, err
		}
	}
	if s.dialect == SQLite {
		if exists {
			if _, err := s.exec(ctx, tx, "SearchIndexDelete", id); err != nil {
				return p, 0, err
			}
		}
		if _, err := s.exec(ctx, tx, "SearchIndexInsert", id, search); err != nil {
			return p, 0, err
		}
	}
	return p, outcome, nil
}

func (s *Store) updatePosition(ctx context.Context, tx *sql.Tx, id int64, position int) error {
	_, err := s.exec(ctx, tx, "ProcedureSetPosition", position, id)
	return err
}

func (s *Store) insertVersion(ctx context.Context, tx *sql.Tx, code string, p catalog.Process, by string) error {
	steps, err := json.Marshal(normSteps(p.Steps))
	if err != nil {
		return fmt.Errorf("store: encode steps: %w", err)
	}
	_, err = s.exec(ctx, tx, "ProcessVersionInsert", code, p.Version, string(steps), s.Now(), by)
	if fault.Is(err, fault.Conflict) {
		return fault.Newf(fault.Conflict, "Quy trình của thủ tục %s vừa được người khác cập nhật; vui lòng tải lại trang.", code)
	}
	return err
}

// normSteps returns steps with nil for an empty list, so that comparisons do not tell
// nil from empty.
func normSteps(steps []catalog.Step) []catalog.Step {
	if len(steps) == 0 {
		return nil
	}
	return steps
}
