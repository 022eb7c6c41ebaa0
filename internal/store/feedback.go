package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/feedback"
	"motcua/internal/report"
)

// StoredFeedback is a PAKN as stored: its record, its events, their projection and the
// due instant of its running clock (zero when none runs).
type StoredFeedback struct {
	ID        int64
	Record    feedback.Record
	State     feedback.State
	Events    []feedback.Event
	CitizenID int64
	DueAt     time.Time
}

// NewFeedback is a PAKN to store: the checked submission and where it came from.
type NewFeedback struct {
	feedback.Submission
	// CitizenID is the sender's account, 0 without one.
	CitizenID int64
	// ClientIP is the address it was sent from (for rate limits; never shown).
	ClientIP string
	// APIKeyID is the Open311 key it came through, 0 otherwise.
	APIKeyID int64
	Actor    string
	Role     feedback.Role
	At       time.Time
}

// FeedbackWrite accompanies every PAKN write: the audit line and the messages committed
// in the same transaction, and the version the caller saw (0 = the current one).
type FeedbackWrite struct {
	Audit    AuditEntry
	Messages func(f StoredFeedback) []OutboxMessage
	Version  int
}

// CreateFeedback allocates the PAKN's code PA-{unit}-{YYMMDD}-{NNNN} and stores it with
// its submission event and projection, the audit line and messages in one transaction.
func (s *Store) CreateFeedback(ctx context.Context, n NewFeedback, w FeedbackWrite) (StoredFeedback, error) {
	if _, err := s.Unit(ctx, n.UnitCode); err != nil {
		return StoredFeedback{}, err
	}
	at := n.At
	if at.IsZero() {
		at = s.Now()
	}
	at = at.UTC()
	key, err := dossier.NewLookupKey()
	if err != nil {
		return StoredFeedback{}, err
	}
	rec := feedback.Record{
		LookupKey: key, UnitCode: n.UnitCode, Channel: n.Channel, Kind: n.Kind, DossierCode: n.DossierCode,
		Title: n.Title, Content: n.Content, Sender: n.Sender, ReceivedAt: at,
		Rules: feedback.RulesAt(calendar.DateOf(at)).Version,
	}
	var out StoredFeedback
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var seq int
		day := at.In(calendar.Zone()).Format("060102")
		if err := s.row(ctx, tx, "", "FeedbackSequenceNext", []any{n.UnitCode, day}, &seq); err != nil {
			return err
		}
		rec.Code = feedback.FormatCode(n.UnitCode, at, seq)
		e := feedback.Event{Seq: 1, Action: feedback.ActionSubmit, Actor: n.Actor, Role: n.Role, Unit: n.UnitCode, At: at}
		f := StoredFeedback{Record: rec, Events: []feedback.Event{e}, CitizenID: n.CitizenID}
		var err error
		if f.State, err = feedback.Project(rec, f.Events); err != nil {
			return err
		}
		if f.DueAt, err = s.feedbackDue(ctx, f); err != nil {
			return err
		}
		var citizen, apiKey any
		if n.CitizenID != 0 {
			citizen = n.CitizenID
		}
		if n.APIKeyID != 0 {
			apiKey = n.APIKeyID
		}
		st := f.State
		err = s.row(ctx, tx, "", "FeedbackInsert", []any{rec.Code, rec.LookupKey, rec.UnitCode, st.Unit,
			string(rec.Channel), string(rec.Kind), rec.DossierCode, rec.Title, rec.Content,
			rec.Sender.Name, rec.Sender.Email, rec.Sender.Phone, rec.Sender.Address, citizen, n.ClientIP, apiKey,
			rec.Rules, string(st.Status), string(st.Class), st.Assignee, st.Answer, string(st.Reaction),
			at, nullTime(f.DueAt), nil, st.Version, at}, &f.ID)
		if err != nil {
			return err
		}
		if err := s.insertFeedbackEvent(ctx, tx, f.ID, e); err != nil {
			return err
		}
		if err := s.feedbackAfter(ctx, tx, f, w); err != nil {
			return err
		}
		out = f
		return nil
	})
	return out, err
}

// feedbackAfter writes the audit line and the messages of a PAKN write inside tx.
func (s *Store) feedbackAfter(ctx context.Context, tx *sql.Tx, f StoredFeedback, w FeedbackWrite) error {
	if err := s.auditInTx(ctx, tx, w.Audit, f.Record.Code); err != nil {
		return err
	}
	if w.Messages == nil {
		return nil
	}
	for _, m := range w.Messages(f) {
		if _, err := s.EnqueueTx(ctx, tx, m); err != nil {
			return err
		}
	}
	return nil
}

// feedbackDue is the due instant of the PAKN's first running clock on its unit's calendar.
func (s *Store) feedbackDue(ctx context.Context, f StoredFeedback) (time.Time, error) {
	cal, err := s.UnitCalendar(ctx, f.State.Unit)
	if err != nil {
		return time.Time{}, err
	}
	cs, err := feedback.Clocks(f.Record, f.State, cal, s.Now())
	if err != nil {
		return time.Time{}, err
	}
	return feedback.NextDue(cs), nil
}

func (s *Store) insertFeedbackEvent(ctx context.Context, tx *sql.Tx, id int64, e feedback.Event) error {
	payload, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("store: feedback event: %w", err)
	}
	_, err = s.exec(ctx, tx, "FeedbackEventInsert", id, e.Seq, string(e.Action), e.Actor, string(e.Role), e.Unit, e.At.UTC(), string(payload))
	return err
}

// Feedback returns the PAKN with its events and projection; an unknown code is
// fault.NotFound.
func (s *Store) Feedback(ctx context.Context, code string) (StoredFeedback, error) {
	var f StoredFeedback
	var due sql.NullTime
	r := &f.Record
	err := s.row(ctx, s.read, "Không tìm thấy phản ánh, kiến nghị với mã này.", "FeedbackByCode", []any{code},
		&f.ID, &r.Code, &r.LookupKey, &r.UnitCode, &r.Channel, &r.Kind, &r.DossierCode, &r.Title, &r.Content,
		&r.Sender.Name, &r.Sender.Email, &r.Sender.Phone, &r.Sender.Address, &f.CitizenID, &r.Rules, &r.ReceivedAt, &due)
	if err != nil {
		return f, err
	}
	r.ReceivedAt = r.ReceivedAt.UTC()
	f.DueAt = timeOf(due)
	rows, err := s.query(ctx, s.read, "FeedbackEvents", f.ID)
	if err != nil {
		return f, err
	}
	defer rows.Close()
	for rows.Next() {
		var payload string
		if err := rows.Scan(&payload); err != nil {
			return f, fmt.Errorf("store: feedback events: %w", err)
		}
		var e feedback.Event
		if err := json.Unmarshal([]byte(payload), &e); err != nil {
			return f, fmt.Errorf("store: feedback event: %w", err)
		}
		f.Events = append(f.Events, e)
	}
	if err := rows.Err(); err != nil {
		return f, err
	}
	f.State, err = feedback.Project(f.Record, f.Events)
	return f, err
}

// ActOnFeedback appends the event that decide makes from the PAKN as it is now, updates
// the projection and writes the audit line and messages, all in one transaction. When
// w.Version is set and is not the PAKN's version, or another action won the race, it
// answers fault.Conflict and changes nothing.
func (s *Store) ActOnFeedback(ctx context.Context, code string, decide func(StoredFeedback) (feedback.Event, error), w FeedbackWrite) (StoredFeedback, error) {
	f, err := s.Feedback(ctx, code)
	if err != nil {
		return f, err
	}
	if w.Version != 0 && w.Version != f.State.Version {
		return f, errFeedbackMoved
	}
	e, err := decide(f)
	if err != nil {
		return f, err
	}
	prev := f.State.Version
	f.Events = append(f.Events, e)
	f.State = f.State.Apply(e)
	if f.DueAt, err = s.feedbackDue(ctx, f); err != nil {
		return f, err
	}
	st := f.State
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := s.exec(ctx, tx, "FeedbackProjectionUpdate", st.Unit, string(st.Status), string(st.Class), st.Assignee,
			st.Answer, string(st.Reaction), nullTime(f.DueAt), nullTime(st.PublishedAt), st.Version, s.Now(), f.ID, prev)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("store: feedback %s: %w", code, err)
		} else if n != 1 {
			return errFeedbackMoved
		}
		if err := s.insertFeedbackEvent(ctx, tx, f.ID, e); err != nil {
			return err
		}
		return s.feedbackAfter(ctx, tx, f, w)
	})
	return f, err
}

var errFeedbackMoved = fault.New(fault.Conflict, "Phản ánh, kiến nghị vừa được người khác cập nhật. Vui lòng tải lại trang.")

// FeedbackSummary is one line of the officers' list of PAKN.
type FeedbackSummary struct {
	Code, UnitCode, Title, Assignee, DossierCode string
	Channel                                      feedback.Channel
	Kind                                         feedback.Kind
	Status                                       feedback.Status
	Class                                        feedback.Class
	Reaction                                     feedback.Reaction
	ReceivedAt, DueAt, PublishedAt               time.Time
}

// FeedbackFilter selects PAKN for the officers' list.
type FeedbackFilter struct {
	Unit    string
	Subtree bool
	Status  feedback.Status
	// Running keeps the PAKN with a running clock; DueBefore those due before it.
	Running   bool
	DueBefore time.Time
	Assignee  string
	// ReceivedFrom and ReceivedTo bound the instant of receipt, [from, to).
	ReceivedFrom, ReceivedTo time.Time
	Limit                    int
}

// FeedbackList lists PAKN of a unit (and the units below it), soonest due first.
func (s *Store) FeedbackList(ctx context.Context, f FeedbackFilter) ([]FeedbackSummary, error) {
	if f.Limit <= 0 || f.Limit > 1000 {
		f.Limit = 200
	}
	rows, err := s.query(ctx, s.read, "FeedbackList", f.Unit, flag(f.Subtree), string(f.Status), string(f.Status),
		flag(f.Running), flag(!f.DueBefore.IsZero()), f.DueBefore.UTC(), f.Assignee, f.Assignee,
		flag(!f.ReceivedFrom.IsZero()), f.ReceivedFrom.UTC(), flag(!f.ReceivedTo.IsZero()), f.ReceivedTo.UTC(), f.Limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []FeedbackSummary
	for rows.Next() {
		var x FeedbackSummary
		var due, pub sql.NullTime
		if err := rows.Scan(&x.Code, &x.UnitCode, &x.Channel, &x.Kind, &x.Title, &x.Status, &x.Class, &x.Assignee,
			&x.Reaction, &x.ReceivedAt, &due, &pub, &x.DossierCode); err != nil {
			return nil, fmt.Errorf("store: feedback list: %w", err)
		}
		x.ReceivedAt, x.DueAt, x.PublishedAt = x.ReceivedAt.UTC(), timeOf(due), timeOf(pub)
		out = append(out, x)
	}
	return out, rows.Err()
}

// PublishedAnswer is a published question and answer, without anything about the sender.
type PublishedAnswer struct {
	Code, UnitCode, Title, Content, Answer string
	Kind                                   feedback.Kind
	PublishedAt                            time.Time
}

// PublishedFeedback lists the published answers of a unit and the units below it (all
// units when unit is empty), newest first.
func (s *Store) PublishedFeedback(ctx context.Context, unit string, limit int) ([]PublishedAnswer, error) {
	if limit <= 0 || limit > 500 {
		limit = 50
	}
	rows, err := s.query(ctx, s.read, "FeedbackPublished", unit, 1, unit, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PublishedAnswer
	for rows.Next() {
		var p PublishedAnswer
		var pub sql.NullTime
		if err := rows.Scan(&p.Code, &p.UnitCode, &p.Kind, &p.Title, &p.Content, &p.Answer, &pub); err != nil {
			return nil, fmt.Errorf("store: published feedback: %w", err)
		}
		p.PublishedAt = timeOf(pub)
		out = append(out, p)
	}
	return out, rows.Err()
}

// FeedbackForPeriod returns the PAKN now at the unit or a unit below it that were
// received within the period, with their events (no sender data), for the QĐ 766 index.
func (s *Store) FeedbackForPeriod(ctx context.Context, unit string, p report.Period) ([]StoredFeedback, error) {
	rows, err := s.query(ctx, s.read, "FeedbackForPeriod", unit, p.Start().UTC(), p.End().UTC())
	if err != nil {
		return nil, err
	}
	out, _, err := scanPeriodFeedback(rows, false)
	return out, err
}

// scanPeriodFeedback reads PAKN rows joined with their events, one row per event in
// order, and projects each PAKN's state; with root, each row starts with the code of
// the root unit it counts under, returned beside each PAKN.
func scanPeriodFeedback(rows *sql.Rows, root bool) ([]StoredFeedback, []string, error) {
	defer rows.Close()
	var out []StoredFeedback
	var roots []string
	for rows.Next() {
		var f StoredFeedback
		var due sql.NullTime
		var payload, rootCode string
		r := &f.Record
		dest := []any{&f.ID, &r.Code, &r.LookupKey, &r.UnitCode, &r.Channel, &r.Kind, &r.DossierCode, &r.Title,
			&r.Content, &r.Sender.Name, &r.Sender.Email, &r.Sender.Phone, &r.Sender.Address, &f.CitizenID, &r.Rules,
			&r.ReceivedAt, &due, &payload}
		if root {
			dest = append([]any{&rootCode}, dest...)
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, nil, fmt.Errorf("store: feedback for period: %w", err)
		}
		var e feedback.Event
		if err := json.Unmarshal([]byte(payload), &e); err != nil {
			return nil, nil, fmt.Errorf("store: feedback event: %w", err)
		}
		if n := len(out); n > 0 && out[n-1].ID == f.ID {
			out[n-1].Events = append(out[n-1].Events, e)
			continue
		}
		r.ReceivedAt = r.ReceivedAt.UTC()
		f.DueAt = timeOf(due)
		f.Events = []feedback.Event{e}
		out = append(out, f)
		roots = append(roots, rootCode)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	for i := range out {
		st, err := feedback.Project(out[i].Record, out[i].Events)
		if err != nil {
			return nil, nil, err
		}
		out[i].State = st
	}
	return out, roots, nil
}

// DossiersWithFeedback counts the dossiers of a unit and the units below it that had at
// least one PAKN about them received within the period (for QĐ 766 indicator 5.4).
func (s *Store) DossiersWithFeedback(ctx context.Context, unit string, p report.Period) (int, error) {
	var n int
	err := s.row(ctx, s.read, "", "FeedbackDossiersCount", []any{unit, p.Start().UTC(), p.End().UTC()}, &n)
	return n, err
}

// RecentFeedback counts the PAKN received since the instant from the address, from the
// e-mail address and from the phone number (empty ones count 0), for rate limits.
func (s *Store) RecentFeedback(ctx context.Context, ip, email, phone string, since time.Time) (byIP, byContact int, err error) {
	count := func(name, v string) (int, error) {
		if v == "" {
			return 0, nil
		}
		var n int
		err := s.row(ctx, s.read, "", name, []any{v, since.UTC()}, &n)
		return n, err
	}
	if byIP, err = count("FeedbackRecentByIP", ip); err != nil {
		return
	}
	e, err := count("FeedbackRecentByEmail", email)
	if err != nil {
		return
	}
	p, err := count("FeedbackRecentByPhone", phone)
	return byIP, max(e, p), err
}

// FeedbackDue is a PAKN whose running clock falls due soon, not yet warned about.
type FeedbackDue struct {
	Code, UnitCode, Title, Assignee string
	DueAt                           time.Time
}

// FeedbackDueSoon lists up to n PAKN due at or before the instant that were not warned
// about for their current due instant.
func (s *Store) FeedbackDueSoon(ctx context.Context, before time.Time, n int) ([]FeedbackDue, error) {
	rows, err := s.query(ctx, s.read, "FeedbackDueSoon", before.UTC(), n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []FeedbackDue
	for rows.Next() {
		var d FeedbackDue
		if err := rows.Scan(&d.Code, &d.UnitCode, &d.Title, &d.Assignee, &d.DueAt); err != nil {
			return nil, fmt.Errorf("store: feedback due: %w", err)
		}
		d.DueAt = d.DueAt.UTC()
		out = append(out, d)
	}
	return out, rows.Err()
}

// MarkFeedbackWarned records that the warnings for the PAKN's due instant were queued,
// together with the messages, in one transaction.
func (s *Store) MarkFeedbackWarned(ctx context.Context, d FeedbackDue, msgs []OutboxMessage) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := s.exec(ctx, tx, "FeedbackWarned", d.DueAt.UTC(), d.Code); err != nil {
			return err
		}
		for _, m := range msgs {
			if _, err := s.EnqueueTx(ctx, tx, m); err != nil {
				return err
			}
		}
		return nil
	})
}

// DossierCodesWithFeedback returns the codes of the dossiers of the unit and the units
// below it, finished within the period, that have a PAKN about them (received whenever),
// for QĐ 766 indicator 5.4.
func (s *Store) DossierCodesWithFeedback(ctx context.Context, unit string, p report.Period) (map[string]bool, error) {
	rows, err := s.query(ctx, s.read, "FeedbackDossierCodes", unit, p.Start().UTC(), p.End().UTC())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var code string
		if err := rows.Scan(&code); err != nil {
			return nil, err
		}
		out[code] = true
	}
	return out, rows.Err()
}
