package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
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
	// After is the key of the last dossier of the previous page (keyset paging) in the
	// lists of every dossier in scope: its ID, and its finish in the LastFinished order.
	// Zero starts at the first dossier.
	After InboxKey
	// Before asks for the page before After instead: the Limit dossiers (past Offset)
	// that come just before it in the list's order, given in that order. Nothing comes
	// before the zero key.
	Before bool
}

// InboxKey is where a page of a list in scope ends: the last dossier's ID and finish.
type InboxKey struct {
	ID       int64
	Finished time.Time
}

// Key returns the item's place in the lists in scope.
func (it InboxItem) Key() InboxKey { return InboxKey{ID: it.ID, Finished: it.FinishedAt} }

// statusSlots is the number of statuses an inbox statement compares with: every status.
const statusSlots = 8

// statusArgs returns the statuses as the statusSlots parameters of an IN list, padded
// with a value no dossier has.
func statusArgs(list []dossier.Status) []any {
	out := make([]any, statusSlots)
	for i := range out {
		out[i] = "-"
		if i < len(list) {
			out[i] = string(list[i])
		}
	}
	return out
}

// filterArgs returns the parameters of the InboxFilters fragment at now; with
// statuses false the status condition is off (the statement leads with it instead).
func (q InboxQuery) filterArgs(now time.Time, statuses bool) []any {
	text := strings.TrimSpace(q.Q)
	escape := strings.NewReplacer("!", "!!", "%", "!%", "_", "!_").Replace
	name := fold.Fold(text)
	out := []any{flag(statuses && len(q.Statuses) > 0)}
	out = append(out, statusArgs(q.Statuses)...)
	return append(out,
		string(q.StepRole), string(q.StepRole),
		q.Assignee, q.Assignee,
		q.ProcedureCode, q.ProcedureCode,
		q.FieldCode, q.FieldCode,
		flag(!q.ReceivedFrom.IsZero()), q.ReceivedFrom.UTC(), flag(!q.ReceivedTo.IsZero()), q.ReceivedTo.UTC(),
		flag(q.Overdue), string(dossier.StatusSupplementRequested), now.UTC(),
		text, "%"+escape(strings.ToUpper(text))+"%", name, "%"+escape(name)+"%", text,
	)
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
	// ID orders the lists in scope (newest first).
	ID int64 `json:"-"`
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
const InboxCountAhead = 200

// CountCap is the most Inbox counts for the query: a total equal to it means "at least".
func (q InboxQuery) CountCap() int { return q.Offset + q.Limit + InboxCountAhead }

// Inbox lists the dossiers of the query in its order, with the total number that match,
// counted up to q.CountCap() (so a view of years of history costs the same as a short one).
// A query with Unit is a work queue, in order of appointment; the others list the
// dossiers in scope newest first (LastFinished: last finished first), one indexed
// statement per unit of the scope, merged.
func (s *Store) Inbox(ctx context.Context, q InboxQuery) ([]InboxItem, int, error) {
	if q.Limit == 0 {
		q.Limit = 50
	}
	if q.Limit < 1 || q.Limit > 500 || q.Offset < 0 {
		return nil, 0, fault.New(fault.Invalid, "Tham số phân trang không hợp lệ.")
	}
	now := s.Now()
	if q.Unit != "" {
		return s.inboxWork(ctx, q, now)
	}
	if strings.TrimSpace(q.Q) != "" {
		if items, total, ok, err := s.inboxExact(ctx, q, now); err != nil || ok {
			return items, total, err
		}
	}
	arms, err := s.inboxArms(ctx, q)
	if err != nil {
		return nil, 0, err
	}
	filters := q.filterArgs(now, true)
	total := 0
	for _, a := range arms {
		var n int
		lead := a.countLead
		if lead == nil {
			lead = a.lead
		}
		args := append(append(append([]any{}, lead...), a.filters(filters)...), q.CountCap())
		if err := s.row(ctx, s.read, "", a.count, args, &n); err != nil {
			return nil, 0, err
		}
		total += n
	}
	total = min(total, q.CountCap())
	finished := q.Order == LastFinished
	after := q.After
	if after.ID == 0 {
		if q.Before {
			return []InboxItem{}, total, nil
		}
		after = InboxKey{ID: math.MaxInt64, Finished: time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)}
	}
	// One statement skips the offset itself; several each give their first
	// offset+limit rows, merged here.
	limit, offset := q.Limit, q.Offset
	if len(arms) > 1 {
		limit, offset = q.Offset+q.Limit, 0
	}
	var out []InboxItem
	for _, a := range arms {
		args := append([]any{}, a.lead...)
		if finished {
			args = append(args, after.Finished.UTC())
		}
		args = append(append(append(args, after.ID), a.filters(filters)...), limit, offset)
		name := a.rows
		if q.Before {
			name += "Back"
		}
		items, err := s.inboxRows(ctx, name, args)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, items...)
	}
	// The list's order; the statements of the page before give the opposite one.
	order := func(a, b InboxItem) int {
		if finished {
			if c := b.FinishedAt.Compare(a.FinishedAt); c != 0 {
				return c
			}
		}
		return cmp.Compare(b.ID, a.ID)
	}
	if len(arms) > 1 {
		slices.SortFunc(out, func(a, b InboxItem) int {
			if q.Before {
				return order(b, a)
			}
			return order(a, b)
		})
		out = out[min(q.Offset, len(out)):]
		out = out[:min(q.Limit, len(out))]
	}
	if q.Before {
		slices.Reverse(out)
	}
	if out == nil {
		out = []InboxItem{}
	}
	return out, total, nil
}

// inboxArm is one indexed statement of a list in scope: its rows and its count, with
// the parameters that come before the keyset and the filters.
type inboxArm struct {
	rows, count string
	// lead comes before the keyset in the rows statement; countLead, when set, before the
	// filters in the count (lead otherwise).
	lead, countLead []any
	// search puts the text of the search (the last textArgs parameters of the filters)
	// before the other filters: the statements that test it first (InboxUnitSearch…).
	search bool
}

// textArgs is how many parameters of the filters are the text of the search (Q).
const textArgs = 5

// filters returns the parameters of the filters in the order of the arm's statements.
func (a inboxArm) filters(filters []any) []any {
	if !a.search {
		return filters
	}
	n := len(filters) - textArgs
	return append(append([]any{}, filters[n:]...), filters[:n]...)
}

// treeSearchUnits is the most units a search in scope reads one statement each; a larger
// scope (a district's, a province's) is searched in one statement (InboxTreeSearch), whose
// plan walks the dossiers by id for a common text and, on PostgreSQL, takes the trigram
// indexes for a rare one.
const treeSearchUnits = 8

// inboxArms returns the statements of a list in scope: every dossier for no scope;
// otherwise those each unit of the scope received, and those held in the scope but
// received outside it.
func (s *Store) inboxArms(ctx context.Context, q InboxQuery) ([]inboxArm, error) {
	order := "Newest"
	if q.Order == LastFinished {
		order = "Finished"
	}
	if q.Scope == "" {
		return []inboxArm{{rows: "InboxAll" + order, count: "InboxAllCount"}}, nil
	}
	codes, err := s.UnitDescendants(ctx, q.Scope)
	if err != nil {
		return nil, err
	}
	// A search in the newest-first list tests the text on a unit's index first (see
	// queries/inbox.postgres.sql).
	text := strings.TrimSpace(q.Q) != ""
	rows, count, search := "InboxUnit"+order, "InboxUnitCount", false
	if order == "Newest" && text {
		rows, count, search = "InboxUnitSearch", "InboxUnitSearchCount", true
	}
	var arms []inboxArm
	apart := treeSearchUnits
	if s.treeSearch > 0 {
		apart = s.treeSearch
	}
	if text && len(codes) > apart {
		// A search over many units: one statement for all of them, in the list's order.
		tree := "InboxTreeSearch"
		if order == "Finished" {
			tree = "InboxTreeSearchFinished"
		}
		arms = append(arms, inboxArm{rows: tree, count: "InboxTreeSearchCount", lead: []any{q.Scope}})
		codes = nil
	}
	for _, c := range codes {
		arms = append(arms, inboxArm{rows: rows, count: count, lead: []any{c}, countLead: []any{c, int64(math.MaxInt64)}, search: search})
	}
	if len(arms) > 0 {
		arms = append(arms, inboxArm{rows: "InboxHeld" + order, count: "InboxHeldCount", lead: []any{q.Scope}})
	}
	return arms, nil
}

// inboxWork lists a work queue: the dossiers the unit holds in the statuses (every
// status when none), nearest appointment first, all counted (open work is bounded).
func (s *Store) inboxWork(ctx context.Context, q InboxQuery, now time.Time) ([]InboxItem, int, error) {
	statuses := q.Statuses
	if len(statuses) == 0 {
		statuses = dossier.Statuses()
	}
	lead := append([]any{q.Unit}, statusArgs(statuses)...)
	rows := "InboxWork"
	if q.StepRole != "" {
		// The role leads the statement (an index has it), not only filters it.
		rows = "InboxWorkStep"
		lead = append(lead, string(q.StepRole))
	}
	lead = append(lead, q.filterArgs(now, false)...)
	var total int
	if err := s.row(ctx, s.read, "", rows+"Count", append(lead[:len(lead):len(lead)], q.CountCap()), &total); err != nil {
		return nil, 0, err
	}
	out, err := s.inboxRows(ctx, rows, append(lead, q.Limit, q.Offset))
	if err != nil {
		return nil, 0, err
	}
	if out == nil {
		out = []InboxItem{}
	}
	return out, total, nil
}

// inboxRows runs one of the inbox statements and reads its rows.
func (s *Store) inboxRows(ctx context.Context, name string, args []any) ([]InboxItem, error) {
	rows, err := s.query(ctx, s.read, name, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []InboxItem
	for rows.Next() {
		var it InboxItem
		var channel, status, role string
		var sub, rec, due, fin, orig sql.NullTime
		if err := rows.Scan(&it.Code, &it.UnitCode, &it.ProcedureCode, &it.ProcedureName, &channel, &it.ApplicantName,
			&status, &it.Step, &role, &it.HolderUnit, &it.Assignee, &sub, &rec, &due, &fin, &orig, &it.Supplements, &it.ID); err != nil {
			return nil, fmt.Errorf("store: inbox: %w", err)
		}
		it.Channel, it.Status, it.StepRole = dossier.Channel(channel), dossier.Status(status), dossier.Role(role)
		it.SubmittedAt, it.ReceivedAt, it.DueAt, it.FinishedAt = timeOf(sub), timeOf(rec), timeOf(due), timeOf(fin)
		it.OriginalDueAt = timeOf(orig)
		out = append(out, it)
	}
	return out, rows.Err()
}
