package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"motcua/internal/dossier"
	"motcua/internal/fault"
)

// Draft is a hồ sơ nháp: an online dossier that a citizen has started but not submitted,
// one per citizen and procedure. Form is what the citizen entered so far, as a JSON object
// (the web layer keeps the e-form and the applicant's details in it).
type Draft struct {
	ID            int64
	CitizenID     int64
	ProcedureCode string
	UnitCode      string
	Form          json.RawMessage
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// SaveDraft creates or replaces the citizen's draft for the procedure and returns it. A
// draft with an ID updates that draft only: when it is gone (it was just submitted by
// another request), the answer is fault.Conflict and no new draft is made, so that one
// draft cannot become two dossiers.
func (s *Store) SaveDraft(ctx context.Context, d Draft) (Draft, error) {
	if strings.TrimSpace(d.ProcedureCode) == "" || d.CitizenID == 0 {
		return Draft{}, fault.New(fault.Invalid, "Cần chọn thủ tục hành chính.")
	}
	if len(strings.TrimSpace(string(d.Form))) == 0 {
		d.Form = json.RawMessage("{}")
	}
	var obj map[string]any
	if err := json.Unmarshal(d.Form, &obj); err != nil {
		return Draft{}, fault.New(fault.Invalid, "Tờ khai phải là một đối tượng JSON.")
	}
	if len(d.Form) > 256<<10 {
		return Draft{}, fault.New(fault.TooLarge, "Tờ khai quá dài.")
	}
	d.UpdatedAt = s.Now()
	if d.ID != 0 {
		err := s.row(ctx, s.write, "", "DraftUpdate",
			[]any{d.UnitCode, string(d.Form), d.UpdatedAt, d.ID, d.CitizenID, d.ProcedureCode}, &d.ID, &d.CreatedAt)
		if isNotFound(err) {
			return Draft{}, errDraftGone
		}
		d.CreatedAt = d.CreatedAt.UTC()
		return d, err
	}
	err := s.row(ctx, s.write, "", "DraftUpsert",
		[]any{d.CitizenID, d.ProcedureCode, d.UnitCode, string(d.Form), d.UpdatedAt, d.UpdatedAt},
		&d.ID, &d.CreatedAt)
	d.CreatedAt = d.CreatedAt.UTC()
	return d, err
}

// DraftFor returns the citizen's draft for the procedure, or fault.NotFound.
func (s *Store) DraftFor(ctx context.Context, citizenID int64, procedure string) (Draft, error) {
	return s.draft(ctx, "DraftByProcedure", citizenID, procedure)
}

// DraftByID returns a draft by its id, or fault.NotFound.
func (s *Store) DraftByID(ctx context.Context, id int64) (Draft, error) {
	return s.draft(ctx, "DraftByID", id)
}

func (s *Store) draft(ctx context.Context, query string, args ...any) (Draft, error) {
	var d Draft
	var form string
	err := s.row(ctx, s.write, "Không tìm thấy hồ sơ nháp.", query, args,
		&d.ID, &d.CitizenID, &d.ProcedureCode, &d.UnitCode, &form, &d.CreatedAt, &d.UpdatedAt)
	d.Form = json.RawMessage(form)
	d.CreatedAt, d.UpdatedAt = d.CreatedAt.UTC(), d.UpdatedAt.UTC()
	return d, err
}

// Drafts lists the citizen's drafts, the most recently saved first.
func (s *Store) Drafts(ctx context.Context, citizenID int64) ([]Draft, error) {
	rows, err := s.query(ctx, s.read, "DraftsOfCitizen", citizenID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Draft
	for rows.Next() {
		var d Draft
		var form string
		if err := rows.Scan(&d.ID, &d.CitizenID, &d.ProcedureCode, &d.UnitCode, &form, &d.CreatedAt, &d.UpdatedAt); err != nil {
			return nil, fmt.Errorf("store: drafts: %w", err)
		}
		d.Form = json.RawMessage(form)
		out = append(out, d)
	}
	return out, rows.Err()
}

// CitizenDossier is one line of "Hồ sơ của tôi": a dossier the citizen submitted online.
type CitizenDossier struct {
	Code          string
	ProcedureCode string
	ProcedureName string
	UnitCode      string
	Status        dossier.Status
	SubmittedAt   time.Time
	ReceivedAt    time.Time
	DueAt         time.Time
	UpdatedAt     time.Time
}

// CitizenDossiers lists the dossiers the citizen submitted, the newest first.
func (s *Store) CitizenDossiers(ctx context.Context, citizenID int64) ([]CitizenDossier, error) {
	rows, err := s.query(ctx, s.read, "CitizenDossiers", citizenID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CitizenDossier
	for rows.Next() {
		var d CitizenDossier
		var status string
		var sub, rec, due sql.NullTime
		if err := rows.Scan(&d.Code, &d.ProcedureCode, &d.ProcedureName, &d.UnitCode, &status,
			&sub, &rec, &due, &d.UpdatedAt); err != nil {
			return nil, fmt.Errorf("store: citizen dossiers: %w", err)
		}
		d.Status = dossier.Status(status)
		d.SubmittedAt, d.ReceivedAt, d.DueAt = timeOf(sub), timeOf(rec), timeOf(due)
		d.UpdatedAt = d.UpdatedAt.UTC()
		out = append(out, d)
	}
	return out, rows.Err()
}

// dossierOwner is the citizen who submitted a dossier online.
type dossierOwner struct {
	ID       int64
	Email    string
	FullName string
}

func (s *Store) dossierOwner(ctx context.Context, db querier, code string) (dossierOwner, error) {
	var o dossierOwner
	err := s.row(ctx, db, "Hồ sơ không được nộp bằng tài khoản công dân.", "DossierOwner", []any{code},
		&o.ID, &o.Email, &o.FullName)
	return o, err
}

// DossierOwner returns the id of the citizen who submitted the dossier online, or
// fault.NotFound for a dossier received at the counter.
func (s *Store) DossierOwner(ctx context.Context, code string) (int64, error) {
	o, err := s.dossierOwner(ctx, s.read, code)
	return o.ID, err
}
