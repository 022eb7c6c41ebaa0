package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"reflect"
	"time"

	"motcua/internal/catalog"
	"motcua/internal/fault"
)

// ProcessVersion is one published version of a procedure's quy trình nội bộ, with who
// published it and when.
type ProcessVersion struct {
	catalog.Process
	PublishedAt time.Time `json:"published_at"`
	PublishedBy string    `json:"published_by"`
}

// PublishProcess publishes proc as the next version of the procedure's internal process
// after checking it against the procedure's deadline with the same rules as import. The
// version number is the current one plus one, whatever proc.Version says. Steps equal to
// the current version are refused with a fault.Conflict. It returns the new version.
func (s *Store) PublishProcess(ctx context.Context, code string, proc catalog.Process, by string) (catalog.Process, error) {
	defer s.forgetReference()
	var out catalog.Process
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var id int64
		var version int
		var doc string
		if err := s.row(ctx, tx, fmt.Sprintf("Không tìm thấy thủ tục có mã %q.", code), "ProcedureCurrent", []any{code}, &id, &version, &doc); err != nil {
			return err
		}
		p, err := decodeProcedure(doc)
		if err != nil {
			return err
		}
		if reflect.DeepEqual(normSteps(p.Process.Steps), normSteps(proc.Steps)) {
			return fault.New(fault.Conflict, "Quy trình không có thay đổi so với phiên bản hiện hành.")
		}
		p.Process = catalog.Process{Version: version + 1, Steps: proc.Steps}
		var problems catalog.FieldErrors
		for _, fe := range p.Validate() {
			if len(fe.Path) >= 8 && fe.Path[:8] == "process." {
				problems = append(problems, catalog.FieldError{Path: fe.Path[8:], Message: fe.Message})
			}
		}
		if len(problems) > 0 {
			return fault.WithFields("Quy trình nội bộ chưa hợp lệ.", problems.Map())
		}
		saved, _, err := s.upsertProcedure(ctx, tx, p, -1, by)
		out = saved.Process
		return err
	})
	return out, err
}

// ProcessVersions lists every published version of the procedure's process, oldest
// first; an unknown procedure is a fault.NotFound.
func (s *Store) ProcessVersions(ctx context.Context, code string) ([]ProcessVersion, error) {
	if _, err := s.Procedure(ctx, code); err != nil {
		return nil, err
	}
	rows, err := s.query(ctx, s.read, "ProcessVersionList", code)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ProcessVersion
	for rows.Next() {
		var v ProcessVersion
		var steps string
		if err := rows.Scan(&v.Version, &steps, &v.PublishedAt, &v.PublishedBy); err != nil {
			return nil, fmt.Errorf("store: process versions: %w", err)
		}
		if err := json.Unmarshal([]byte(steps), &v.Steps); err != nil {
			return nil, fmt.Errorf("store: process versions: %w", err)
		}
		v.PublishedAt = v.PublishedAt.UTC()
		out = append(out, v)
	}
	return out, rows.Err()
}

// ProcessVersion returns one version of the procedure's internal process, the one a
// dossier pinned when it started, or a fault.NotFound.
func (s *Store) ProcessVersion(ctx context.Context, code string, version int) (catalog.Process, error) {
	var steps string
	err := s.row(ctx, s.read, fmt.Sprintf("Không tìm thấy phiên bản %d của quy trình thủ tục %q.", version, code),
		"ProcessVersionGet", []any{code, version}, &steps)
	if err != nil {
		return catalog.Process{}, err
	}
	p := catalog.Process{Version: version}
	if err := json.Unmarshal([]byte(steps), &p.Steps); err != nil {
		return p, fmt.Errorf("store: process version: %w", err)
	}
	return p, nil
}
