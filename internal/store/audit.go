package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// AuditEntry is one line of the audit log (nhật ký thao tác): who did what, when, from
// which address. Detail never holds personal data of citizens.
type AuditEntry struct {
	ID        int64     `json:"id"`
	At        time.Time `json:"at"`
	Actor     string    `json:"actor"`
	UnitCode  string    `json:"unit_code"`
	Action    string    `json:"action"`
	Target    string    `json:"target"`
	Detail    string    `json:"detail"`
	IP        string    `json:"ip"`
	RequestID string    `json:"request_id"`
}

// Audit appends an entry; At is set from the store's clock.
func (s *Store) Audit(ctx context.Context, e AuditEntry) error {
	_, err := s.exec(ctx, s.write, "AuditInsert", s.Now(), e.Actor, e.UnitCode, e.Action, e.Target, e.Detail, e.IP, e.RequestID)
	return err
}

// AuditFilter selects audit entries; empty strings match everything, and the period is
// [From, To).
type AuditFilter struct {
	Actor, Action, Unit string
	From, To            time.Time
	Limit, Offset       int
}

// MaxAuditOffset bounds AuditFilter.Offset: a page further than this many entries is
// empty rather than an error, however large the page number asked for.
const MaxAuditOffset = 1_000_000

// AuditLog lists entries newest first. Limit defaults to 100 (at most 500); a negative
// Offset counts as 0, one past MaxAuditOffset as MaxAuditOffset.
func (s *Store) AuditLog(ctx context.Context, f AuditFilter) ([]AuditEntry, error) {
	if f.To.IsZero() {
		f.To = s.Now().Add(time.Hour)
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 100
	}
	f.Offset = min(max(f.Offset, 0), MaxAuditOffset)
	rows, err := s.query(ctx, s.read, "AuditList", f.Actor, f.Actor, f.Action, f.Action, f.Unit, f.Unit,
		f.From.UTC(), f.To.UTC(), f.Limit, f.Offset)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		if err := rows.Scan(&e.ID, &e.At, &e.Actor, &e.UnitCode, &e.Action, &e.Target, &e.Detail, &e.IP, &e.RequestID); err != nil {
			return nil, fmt.Errorf("store: audit: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Setting returns a stored setting, or def when it is absent.
func (s *Store) Setting(ctx context.Context, key, def string) (string, error) {
	var v string
	err := s.row(ctx, s.read, "", "SettingGet", []any{key}, &v)
	if err != nil {
		if fc := err; fc != nil && isNotFound(fc) {
			return def, nil
		}
		return "", err
	}
	return v, nil
}

// PutSetting stores a setting.
func (s *Store) PutSetting(ctx context.Context, key, value string) error {
	_, err := s.exec(ctx, s.write, "SettingPut", key, value)
	return err
}

// auditKey marks the audit entry carried by a context.
type auditKey struct{}

// WithAudit returns a context that carries an audit entry: the dossier write made with
// that context (CreateDossier, ActOnDossier) records the entry in its own transaction, so
// the action and its audit line are committed together or not at all.
func WithAudit(ctx context.Context, e AuditEntry) context.Context {
	return context.WithValue(ctx, auditKey{}, e)
}

// auditInTx writes the context's audit entry, if any, inside tx; an entry without a
// target gets the dossier code.
func (s *Store) auditInTx(ctx context.Context, tx *sql.Tx, code string) error {
	e, ok := ctx.Value(auditKey{}).(AuditEntry)
	if !ok {
		return nil
	}
	if e.Target == "" {
		e.Target = code
	}
	_, err := s.exec(ctx, tx, "AuditInsert", s.Now(), e.Actor, e.UnitCode, e.Action, e.Target, e.Detail, e.IP, e.RequestID)
	return err
}
