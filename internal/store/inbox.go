package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/fold"
)

// InboxOrder is the order of an inbox list.
type InboxOrder int

// The inbox orders.
const (
	// ByDue puts the nearest appointment first, dossiers without one last.
	ByDue InboxOrder = iota
	// Newest puts the dossiers created last first.
	Newest
	// LastFinished puts the dossiers finished last first.
	LastFinished
)

// InboxQuery selects the dossiers of an officer's inbox (hộp hồ sơ). Unit keeps those
// held by the unit (the receiving unit, or the unit of a liên thông step); Scope those
// received or held by the unit or a unit below it; with neither, every dossier — the
// caller (internal/app) decides which the officer may see. The other fields narrow the
// list; an empty one does not.
type InboxQuery struct {
	Unit  string
	Scope string
	// Statuses keeps the dossiers in one of them (all when empty).
	Statuses []dossier.Status
	StepRole dossier.Role
	Assignee string
	// ProcedureCode and FieldCode keep one procedure, or the procedures of one field.
	ProcedureCode, FieldCode string
	// ReceivedFrom and ReceivedTo bound the instant the clock started: at or after
	// ReceivedFrom, before ReceivedTo; a bound excludes dossiers never received.
	ReceivedFrom, ReceivedTo time.Time
	// Overdue keeps open dossiers past their appointment (not those waiting for a
	// supplement) and finished ones that ended after the legal appointment or with two
	// supplement requests.
	Overdue bool
	// Q matches part of the dossier code, part of the applicant's name (accents, case
	// and đ ignored) or the whole ID number.
	Q     string
	Order InboxOrder
	// Limit is 1–500 (50 when zero); Offset skips that many.
	Limit, Offset int
}

// args returns the parameters of the inbox queries' conditions at now.
func (q InboxQuery) args(now time.Time) []any {
	statuses := make([]string, len(q.Statuses))
	for i, st := range q.Statuses {
		statuses[i] = string(st)
	}
	list := strings.Join(statuses, ",")
	text := strings.TrimSpace(q.Q)
	escape := strings.NewReplacer("!", "!!", "%", "!%", "_", "!_").Replace
	name := fold.Fold(text)
	return []any{
		q.Scope,
		q.Unit, q.Unit,
		flag(q.Scope != ""),
		list, list,
		string(q.StepRole), string(q.StepRole),
		q.Assignee, q.Assignee,
		q.ProcedureCode, q.ProcedureCode,
		q.FieldCode, q.FieldCode,
		flag(!q.ReceivedFrom.IsZero()), q.ReceivedFrom.UTC(), flag(!q.ReceivedTo.IsZero()), q.ReceivedTo.UTC(),
		flag(q.Overdue), string(dossier.StatusSupplementRequested), now.UTC(),
		text, "%" + escape(strings.ToUpper(text)) + "%", name, "%" + escape(name) + "%", text,
	}
}

// InboxItem is one line of an inbox, from the projection kept for lists. ApplicantName
// is personal data: only officers who may see the dossier read it.
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

// InboxCountAhead is how far past the page asked for Inbox counts the matching dossiers.
const InboxCountAhead = 1000

// CountCap is the most Inbox counts for the query: a total equal to it means "at least".
func (q InboxQuery) CountCap() int { return q.Offset + q.Limit + InboxCountAhead }

// Inbox lists the dossiers of the query in its order, with the total number that match,
// counted up to q.CountCap() (so a view of years of history costs the same as a short one).
func (s *Store) Inbox(ctx context.Context, q InboxQuery) ([]InboxItem, int, error) {
	if q.Limit == 0 {
		q.Limit = 50
	}
	if q.Limit < 1 || q.Limit > 500 || q.Offset < 0 {
		return nil, 0, fault.New(fault.Invalid, "Tham số phân trang không hợp lệ.")
	}
	args := q.args(s.Now())
	var total int
	if err := s.row(ctx, s.read, "", "DossierInboxCount", append(args[:len(args):len(args)], q.CountCap()), &total); err != nil {
		return nil, 0, err
	}
	rows, err := s.query(ctx, s.read, "DossierInbox", append(args, int(q.Order), int(q.Order), q.Limit, q.Offset)...)
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
