package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"motcua/internal/dossier"
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

// Write is what accompanies every dossier write (CreateDossier, ActOnDossier): the audit
// line committed in the same transaction, the composer of the message that tells the
// dossier's owner about the event, and the version the caller saw. It is a parameter, not
// a context value, so that no caller can forget it.
type Write struct {
	// Audit is the audit line; an entry without an Action writes no line (the applicant's
	// own actions and the demo). An entry without a target gets the dossier code.
	Audit AuditEntry
	// Notice composes the owner's message about the event; nil sends none.
	Notice Notice
	// Version is the dossier version (its number of events) the caller acted on: when
	// it is not the current one, ActOnDossier answers fault.Conflict and changes nothing.
	// Zero means the caller did not say: a race with another action then retries the
	// whole decision on the new state.
	Version int
	// Attach are files recorded with the event in the same transaction (the signed
	// electronic result of an approval); their DossierCode is the dossier's.
	Attach []Attachment
}

// Notice composes the message telling a dossier's owner (ownerName) about the event e
// that brought the dossier to st, and false for events the owner is not told about.
type Notice func(rec DossierRecord, e dossier.Event, st dossier.State, ownerName string) (subject, body string, ok bool)

// auditInTx writes the audit entry, if it has an action, inside tx; an entry without a
// target gets the dossier code.
func (s *Store) auditInTx(ctx context.Context, tx *sql.Tx, e AuditEntry, code string) error {
	if e.Action == "" {
		return nil
	}
	if e.Target == "" {
		e.Target = code
	}
	_, err := s.exec(ctx, tx, "AuditInsert", s.Now(), e.Actor, e.UnitCode, e.Action, e.Target, e.Detail, e.IP, e.RequestID)
	return err
}
