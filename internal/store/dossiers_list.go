package store

import (
	"bytes"
	"context"
	"crypto/subtle"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"motcua/internal/dossier"
)

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
	return scanBook(rows)
}

// scanBook reads rows of the DossierBook columns.
func scanBook(rows *sql.Rows) ([]BookEntry, error) {
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
// the deadline, the events and the lookup key — in one statement of one row (one
// consistent read), and projects the state; it never reads the applicant, the form or
// the documents.
func (s *Store) publicDossier(ctx context.Context, code string) (StoredDossier, error) {
	rows, err := s.query(ctx, s.read, "DossierPublicByCode", code)
	if err != nil {
		return StoredDossier{}, err
	}
	defer rows.Close()
	var (
		out                StoredDossier
		d                  dossier.Dossier
		process            string
		mode, rule         string
		channel            string
		rawProcess, events sql.RawBytes // valid until Close: copied or decoded before it
		processText        sql.NullInt64
		days               float64
	)
	r := &out.Record
	if rows.Next() {
		if err := rows.Scan(&r.ID, &r.Code, &r.UnitCode, &r.ProcedureCode, &r.ProcedureName, &rawProcess, &processText,
			&days, &mode, &rule, &channel, &r.LookupKey, &events); err != nil {
			return StoredDossier{}, fmt.Errorf("store: dossier %s: %w", code, err)
		}
		process = string(rawProcess)
		if d.Events, err = decodePublicEvents(events); err != nil {
			return StoredDossier{}, fmt.Errorf("store: dossier %s: %w", code, err)
		}
	}
	if err := rows.Err(); err != nil {
		return StoredDossier{}, fmt.Errorf("store: dossier %s: %w", code, err)
	}
	// Give the connection back now: the calendar below takes one of its own, and a
	// lookup holding two at once could starve the pool under load.
	if err := rows.Close(); err != nil {
		return StoredDossier{}, fmt.Errorf("store: dossier %s: %w", code, err)
	}
	if len(d.Events) == 0 {
		return StoredDossier{}, dossierNotFound()
	}
	if processText.Valid {
		if process, err = s.sharedText(ctx, processText.Int64); err != nil {
			return StoredDossier{}, fmt.Errorf("store: dossier %s process: %w", code, err)
		}
	}
	d.Code, d.ProcedureCode, d.UnitCode, d.Channel = r.Code, r.ProcedureCode, r.UnitCode, dossier.Channel(channel)
	d.Deadline = deadlineOf(days, mode)
	d.SupplementRule = rule
	if d.Process, err = s.processes.decode(process); err != nil {
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

// decodePublicEvents reads the events of DossierPublicByCode: "seq<TAB>payload" lines in
// the order of seq, a compact payload followed by the columns it leaves out (action, actor,
// role, unit), each after a tab.
func decodePublicEvents(text []byte) ([]dossier.Event, error) {
	if len(text) == 0 {
		return nil, nil
	}
	out := make([]dossier.Event, 0, bytes.Count(text, []byte{'\n'})+1)
	for len(text) > 0 {
		line := text
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = nil
		}
		num, rest, ok := bytes.Cut(line, []byte{'\t'})
		if !ok {
			return nil, fmt.Errorf("event line without a sequence number")
		}
		seq, err := strconv.Atoi(string(num))
		if err != nil {
			return nil, fmt.Errorf("event sequence %q: %w", num, err)
		}
		payload, columns, compact := bytes.Cut(rest, []byte{'\t'})
		out = append(out, dossier.Event{})
		e := &out[len(out)-1]
		if err := dossier.DecodeEvent(payload, e); err != nil {
			return nil, fmt.Errorf("event %d: %w", seq, err)
		}
		e.Seq = seq
		if compact {
			f := bytes.SplitN(columns, []byte{'\t'}, 4)
			if len(f) != 4 {
				return nil, fmt.Errorf("event %d: %d columns after a compact payload, want 4", seq, len(f))
			}
			withColumns(e, seq, string(f[0]), string(f[1]), string(f[2]), string(f[3]))
		}
	}
	return out, nil
}
