package store

import (
	"context"
	"crypto/subtle"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"motcua/internal/dossier"
	"motcua/internal/fault"
)

// InboxQuery selects the dossiers an officer works on (hộp hồ sơ): those held by Unit
// (the receiving unit, or the unit of a liên thông step), in one of Statuses (all when
// empty), at a step of StepRole and assigned to Assignee when those are given.
type InboxQuery struct {
	Unit     string
	Statuses []dossier.Status
	StepRole dossier.Role
	Assignee string
	// Limit is 1–500 (50 when zero); Offset skips that many.
	Limit, Offset int
}

// InboxItem is one line of an inbox, from the projection kept for lists. ApplicantName
// is personal data: show it masked (dossier.Applicant.Masked) in lists.
type InboxItem struct {
	Code          string          `json:"code"`
	UnitCode      string          `json:"unit_code"`
	ProcedureCode string          `json:"procedure_code"`
	ProcedureName string          `json:"procedure_name"`
	Channel       dossier.Channel `json:"channel"`
	ApplicantName string          `json:"applicant_name"`
	Status        dossier.Status  `json:"status"`
	Step          int             `json:"step"`
	StepRole      dossier.Role    `json:"step_role,omitempty"`
	HolderUnit    string          `json:"holder_unit"`
	Assignee      string          `json:"assignee,omitempty"`
	SubmittedAt   time.Time       `json:"submitted_at,omitzero"`
	ReceivedAt    time.Time       `json:"received_at,omitzero"`
	// DueAt is the appointment in force (moved by an extension); OriginalDueAt the legal
	// one that timeliness compares with.
	DueAt         time.Time `json:"due_at,omitzero"`
	OriginalDueAt time.Time `json:"original_due_at,omitzero"`
	FinishedAt    time.Time `json:"finished_at,omitzero"`
	Supplements   int       `json:"supplements"`
}

// State returns the part of the dossier's state that the inbox needs for
// dossier.Urgency and Timeliness.
func (it InboxItem) State() dossier.State {
	return dossier.State{
		Status: it.Status, Step: it.Step, StepRole: it.StepRole, Unit: it.HolderUnit,
		SubmittedAt: it.SubmittedAt, ReceivedAt: it.ReceivedAt, DueAt: it.DueAt, FinishedAt: it.FinishedAt,
		OriginalDueAt: it.OriginalDueAt, Supplements: it.Supplements,
		Extended: !it.OriginalDueAt.IsZero() && !it.OriginalDueAt.Equal(it.DueAt),
		Paused:   it.Status == dossier.StatusSupplementRequested && !it.ReceivedAt.IsZero(),
	}
}

// Inbox lists the dossiers of the query ordered by due date (those without one last),
// with the total number that match.
func (s *Store) Inbox(ctx context.Context, q InboxQuery) ([]InboxItem, int, error) {
	if q.Limit == 0 {
		q.Limit = 50
	}
	if q.Limit < 1 || q.Limit > 500 || q.Offset < 0 {
		return nil, 0, fault.New(fault.Invalid, "Tham số phân trang không hợp lệ.")
	}
	statuses := make([]string, len(q.Statuses))
	for i, st := range q.Statuses {
		statuses[i] = string(st)
	}
	list := strings.Join(statuses, ",")
	args := []any{q.Unit, list, list, string(q.StepRole), string(q.StepRole), q.Assignee, q.Assignee}
	var total int
	if err := s.row(ctx, s.read, "", "DossierInboxCount", args, &total); err != nil {
		return nil, 0, err
	}
	rows, err := s.query(ctx, s.read, "DossierInbox", append(args, q.Limit, q.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	out := []InboxItem{}
	for rows.Next() {
		var it InboxItem
		var channel, status, role string
		var sub, rec, due, fin, orig sql.NullTime
		if err := rows.Scan(&it.Code, &it.UnitCode, &it.ProcedureCode, &it.ProcedureName, &channel, &it.ApplicantName,
			&status, &it.Step, &role, &it.HolderUnit, &it.Assignee, &sub, &rec, &due, &fin, &orig, &it.Supplements); err != nil {
			return nil, 0, fmt.Errorf("store: inbox: %w", err)
		}
		it.Channel, it.Status, it.StepRole = dossier.Channel(channel), dossier.Status(status), dossier.Role(role)
		it.SubmittedAt, it.ReceivedAt, it.DueAt, it.FinishedAt = timeOf(sub), timeOf(rec), timeOf(due), timeOf(fin)
		it.OriginalDueAt = timeOf(orig)
		out = append(out, it)
	}
	return out, total, rows.Err()
}

// PublicEvent is one step of the public timeline: when and what, never who or why.
type PublicEvent struct {
	At     time.Time      `json:"at"`
	Action dossier.Action `json:"action"`
	// Label names the event in a citizen's words (dossier.PublicLabels).
	Label string `json:"label"`
}

// PublicDossier is what anyone holding the code and the lookup key may see (tra cứu hồ
// sơ): the procedure, the status, the dates and the timeline. It holds no personal data,
// no officer names and no notes.
type PublicDossier struct {
	Code          string         `json:"code"`
	UnitCode      string         `json:"unit_code"`
	ProcedureName string         `json:"procedure"`
	Status        dossier.Status `json:"status"`
	SubmittedAt   time.Time      `json:"submitted_at,omitzero"`
	ReceivedAt    time.Time      `json:"received_at,omitzero"`
	// DueAt is the appointment in force: the new one after an extension (hẹn lại), when
	// Extended is true.
	DueAt      time.Time          `json:"due_at,omitzero"`
	Extended   bool               `json:"extended"`
	FinishedAt time.Time          `json:"finished_at,omitzero"`
	ReturnedAt time.Time          `json:"returned_at,omitzero"`
	Timeliness dossier.Timeliness `json:"timeliness"`
	Timeline   []PublicEvent      `json:"timeline"`
}

// Lookup returns the public view of the dossier when key is its lookup key (case does
// not matter). An unknown code and a wrong key give the same fault.NotFound.
func (s *Store) Lookup(ctx context.Context, code, key string) (PublicDossier, error) {
	code = strings.TrimSpace(code)
	key = strings.ToUpper(strings.TrimSpace(key))
	if code == "" || !dossier.ValidLookupKey(key) {
		return PublicDossier{}, dossierNotFound()
	}
	d, err := s.publicDossier(ctx, code)
	if err != nil {
		return PublicDossier{}, err
	}
	if subtle.ConstantTimeCompare([]byte(d.Record.LookupKey), []byte(key)) != 1 {
		return PublicDossier{}, dossierNotFound()
	}
	st := d.State
	out := PublicDossier{
		Code: d.Record.Code, UnitCode: d.Record.UnitCode, ProcedureName: d.Record.ProcedureName,
		Status: st.Status, SubmittedAt: st.SubmittedAt, ReceivedAt: st.ReceivedAt, DueAt: st.DueAt, Extended: st.Extended,
		FinishedAt: st.FinishedAt, ReturnedAt: st.ReturnedAt, Timeliness: st.Timeliness(s.Now()),
		Timeline: make([]PublicEvent, 0, len(d.Dossier.Events)),
	}
	labels := dossier.PublicLabels(d.Dossier)
	for i, e := range d.Dossier.Events {
		out.Timeline = append(out.Timeline, PublicEvent{At: e.At, Action: e.Action, Label: labels[i]})
	}
	return out, nil
}

// BookEntry is one dossier of the dossier book (sổ theo dõi hồ sơ). DueAt is the
// appointment in force, OriginalDueAt the legal one (equal unless extended).
type BookEntry struct {
	Code, ProcedureName string
	Sets                int
	Applicant           dossier.Applicant
	Status              dossier.Status
	ReceivedAt, DueAt   time.Time
	OriginalDueAt       time.Time
	ReturnedAt          time.Time
	FinishedAt          time.Time
	Supplements         int
}

// State returns the part of the dossier's state that Timeliness needs.
func (b BookEntry) State() dossier.State {
	return dossier.State{Status: b.Status, ReceivedAt: b.ReceivedAt, DueAt: b.DueAt, OriginalDueAt: b.OriginalDueAt,
		FinishedAt: b.FinishedAt, ReturnedAt: b.ReturnedAt, Supplements: b.Supplements,
		Extended: !b.OriginalDueAt.IsZero() && !b.OriginalDueAt.Equal(b.DueAt)}
}

// DossierBook lists the dossiers the unit received in [from, to), in order of receipt.
func (s *Store) DossierBook(ctx context.Context, unit string, from, to time.Time) ([]BookEntry, error) {
	rows, err := s.query(ctx, s.read, "DossierBook", unit, from.UTC(), to.UTC())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []BookEntry
	for rows.Next() {
		var b BookEntry
		var status string
		var rec, due, ret, fin, orig sql.NullTime
		if err := rows.Scan(&b.Code, &b.ProcedureName, &b.Sets, &b.Applicant.FullName, &b.Applicant.Address,
			&b.Applicant.Phone, &status, &rec, &due, &ret, &fin, &orig, &b.Supplements); err != nil {
			return nil, fmt.Errorf("store: dossier book: %w", err)
		}
		b.Status = dossier.Status(status)
		b.ReceivedAt, b.DueAt, b.ReturnedAt, b.FinishedAt = timeOf(rec), timeOf(due), timeOf(ret), timeOf(fin)
		b.OriginalDueAt = timeOf(orig)
		out = append(out, b)
	}
	return out, rows.Err()
}

// publicDossier loads what the public lookup needs — the procedure, the pinned process,
// the deadline, the events and the lookup key — in one statement (one consistent read),
// and projects the state; it never reads the applicant, the form or the documents.
func (s *Store) publicDossier(ctx context.Context, code string) (StoredDossier, error) {
	rows, err := s.query(ctx, s.read, "DossierPublicByCode", code)
	if err != nil {
		return StoredDossier{}, err
	}
	defer rows.Close()
	var (
		out                 StoredDossier
		d                   dossier.Dossier
		process, mode, rule string
		channel, payload    string
		days                float64
		seq                 int
	)
	r := &out.Record
	for rows.Next() {
		if err := rows.Scan(&r.ID, &r.Code, &r.UnitCode, &r.ProcedureCode, &r.ProcedureName, &process,
			&days, &mode, &rule, &channel, &r.LookupKey, &seq, &payload); err != nil {
			return StoredDossier{}, fmt.Errorf("store: dossier %s: %w", code, err)
		}
		var e dossier.Event
		if err := json.Unmarshal([]byte(payload), &e); err != nil {
			return StoredDossier{}, fmt.Errorf("store: dossier %s event %d: %w", code, seq, err)
		}
		e.Seq = seq
		d.Events = append(d.Events, e)
	}
	if err := rows.Err(); err != nil {
		return StoredDossier{}, fmt.Errorf("store: dossier %s: %w", code, err)
	}
	if len(d.Events) == 0 {
		return StoredDossier{}, dossierNotFound()
	}
	d.Code, d.ProcedureCode, d.UnitCode, d.Channel = r.Code, r.ProcedureCode, r.UnitCode, dossier.Channel(channel)
	d.Deadline = deadlineOf(days, mode)
	d.SupplementRule = rule
	if err := json.Unmarshal([]byte(process), &d.Process); err != nil {
		return StoredDossier{}, fmt.Errorf("store: dossier %s process: %w", code, err)
	}
	cal, err := s.UnitCalendar(ctx, d.UnitCode)
	if err != nil {
		return StoredDossier{}, err
	}
	if out.State, err = dossier.Project(d, cal); err != nil {
		return StoredDossier{}, fmt.Errorf("store: %w", err)
	}
	out.Dossier = d
	return out, nil
}
