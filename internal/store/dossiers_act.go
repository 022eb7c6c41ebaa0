package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"motcua/internal/dossier"
	"motcua/internal/fault"
)

// actAttempts is how many times ActOnDossier runs load-decide-append, and Dossier its
// reads, when other actions on the same dossier keep winning the race.
const actAttempts = 8

// errVersion means another action was appended between load and append.
var errVersion = errors.New("store: dossier version changed")

// dossierNotFound is the one answer for an unknown code, also used by Lookup for a wrong
// key so that a key cannot be told from a code.
func dossierNotFound() error {
	return fault.New(fault.NotFound, "Không tìm thấy hồ sơ. Vui lòng kiểm tra lại mã hồ sơ và mã tra cứu.")
}

// Dossier returns the dossier with the code: its record, its events and the state
// projected from them with the unit's calendar, or fault.NotFound. When actions keep
// being appended between its two reads, it reads again a few times, then answers
// fault.Conflict.
func (s *Store) Dossier(ctx context.Context, code string) (StoredDossier, error) {
	return retryVersion(ctx, func() (StoredDossier, error) {
		return s.loadDossier(ctx, s.read, code)
	})
}

// retryVersion runs fn until it returns something other than errVersion, at most
// actAttempts times with a short jittered pause between attempts, then answers
// fault.Conflict.
func retryVersion(ctx context.Context, fn func() (StoredDossier, error)) (StoredDossier, error) {
	for attempt := range actAttempts {
		if attempt > 0 {
			wait := time.Duration(rand.IntN(5*attempt)+1) * time.Millisecond
			select {
			case <-ctx.Done():
				return StoredDossier{}, ctx.Err()
			case <-time.After(wait):
			}
		}
		out, err := fn()
		if !errors.Is(err, errVersion) {
			return out, err
		}
	}
	return StoredDossier{}, fault.New(fault.Conflict, "Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại và thử lại.")
}

func (s *Store) loadDossier(ctx context.Context, db querier, code string) (StoredDossier, error) {
	var (
		rec                       StoredDossier
		process, form, docs, mode string
		version                   int
		days                      float64
		channel, rule             string
		procVersion               int
	)
	r := &rec.Record
	a := &r.Applicant
	err := s.row(ctx, db, "Không tìm thấy hồ sơ.", "DossierByCode", []any{code},
		&r.ID, &r.Code, &r.UnitCode, &r.ProcedureCode, &r.ProcedureName, &procVersion, &process,
		&days, &mode, &rule, &channel,
		&a.FullName, &a.IDNumber, &a.Phone, &a.Email, &a.Address,
		&form, &docs, &r.Sets, &r.FeeVND, &r.LookupKey, &version, &r.CreatedBy, &r.CreatedAt)
	if err != nil {
		if isNotFound(err) {
			return StoredDossier{}, dossierNotFound()
		}
		return StoredDossier{}, err
	}
	r.CreatedAt = r.CreatedAt.UTC()
	r.Channel = dossier.Channel(channel)
	r.Form = json.RawMessage(form)
	if err := json.Unmarshal([]byte(docs), &r.Documents); err != nil {
		return StoredDossier{}, fmt.Errorf("store: dossier %s documents: %w", code, err)
	}
	d := dossier.Dossier{
		Code: r.Code, ProcedureCode: r.ProcedureCode, UnitCode: r.UnitCode, Channel: r.Channel,
		Deadline:       deadlineOf(days, mode),
		SupplementRule: rule,
	}
	if err := json.Unmarshal([]byte(process), &d.Process); err != nil {
		return StoredDossier{}, fmt.Errorf("store: dossier %s process: %w", code, err)
	}
	if d.Events, err = s.loadEvents(ctx, db, r.ID, code); err != nil {
		return StoredDossier{}, err
	}
	if len(d.Events) != version {
		// An action committed between the two reads; the caller retries or reads again.
		return StoredDossier{}, errVersion
	}
	cal, err := s.UnitCalendar(ctx, d.UnitCode)
	if err != nil {
		return StoredDossier{}, err
	}
	st, err := dossier.Project(d, cal)
	if err != nil {
		return StoredDossier{}, fmt.Errorf("store: %w", err)
	}
	rec.Dossier, rec.State = d, st
	return rec, nil
}

// ActOnDossier takes an action on the dossier: it loads the dossier, lets dossier.Act
// decide (Conflict when the status does not allow the action, Forbidden when the role or
// unit does not, Invalid for bad input), then appends the event and updates the
// projection only if no other action was appended meanwhile (optimistic version = number
// of events). When another action wins the race, the whole load-decide-append runs again,
// a few times, before answering fault.Conflict — unless the caller named the version it
// acted on (w.Version), which must then still be the current one: otherwise the answer is
// fault.Conflict at once, before any rule is applied. now is the instant of the action;
// the store's clock when zero. The audit line and the owner's message of w are written in
// the same transaction as the event.
func (s *Store) ActOnDossier(ctx context.Context, code string, cmd dossier.Command, now time.Time, w Write) (StoredDossier, error) {
	if w.Version != 0 {
		out, err := s.actOnce(ctx, code, cmd, now, w)
		if errors.Is(err, errVersion) {
			return StoredDossier{}, errStale
		}
		return out, err
	}
	return retryVersion(ctx, func() (StoredDossier, error) {
		return s.actOnce(ctx, code, cmd, now, w)
	})
}

// errStale answers an action decided on a version of the dossier that is no longer current.
var errStale = fault.New(fault.Conflict, "Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại trang và thử lại.")

func (s *Store) actOnce(ctx context.Context, code string, cmd dossier.Command, now time.Time, w Write) (StoredDossier, error) {
	cur, err := s.loadDossier(ctx, s.read, code)
	if err != nil {
		return StoredDossier{}, err
	}
	if w.Version != 0 && w.Version != cur.Dossier.Version() {
		return StoredDossier{}, errStale
	}
	cal, err := s.UnitCalendar(ctx, cur.Dossier.UnitCode)
	if err != nil {
		return StoredDossier{}, err
	}
	if now.IsZero() {
		now = s.Now()
	}
	next, st, err := dossier.Act(cur.Dossier, cmd, cal, now)
	if err != nil {
		return StoredDossier{}, err
	}
	e := next.Events[len(next.Events)-1]
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.insertEvent(ctx, tx, cur.Record.ID, e); err != nil {
			if fault.Is(err, fault.Conflict) {
				return errVersion
			}
			return err
		}
		res, err := s.exec(ctx, tx, "DossierProjectionUpdate",
			string(st.Status), st.Step, string(st.StepRole), st.Unit, st.Assignee,
			nullTime(st.SubmittedAt), nullTime(st.ReceivedAt), nullTime(st.DueAt), nullTime(st.FinishedAt),
			nullTime(st.ReturnedAt), st.Supplements, st.Version, e.At.UTC(), nullTime(st.OriginalDueAt),
			cur.Record.ID, cur.Dossier.Version())
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("store: dossier %s: %w", code, err)
		} else if n == 0 {
			return errVersion
		}
		if err := s.countChange(ctx, tx, cur, st); err != nil {
			return err
		}
		if err := s.dossierHook(ctx, tx, cur.Record, 0, e, st, w); err != nil {
			return err
		}
		if err := s.attachInTx(ctx, tx, code, w.Attach); err != nil {
			return err
		}
		return s.auditInTx(ctx, tx, w.Audit, code)
	})
	if err != nil {
		return StoredDossier{}, err
	}
	cur.Dossier, cur.State = next, st
	return cur, nil
}

// loadEvents reads the events of a dossier in order.
func (s *Store) loadEvents(ctx context.Context, db querier, id int64, code string) ([]dossier.Event, error) {
	rows, err := s.query(ctx, db, "DossierEvents", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var events []dossier.Event
	for rows.Next() {
		var seq int
		var action, actor, role, unit, payload string
		if err := rows.Scan(&seq, &action, &actor, &role, &unit, &payload); err != nil {
			return nil, fmt.Errorf("store: dossier %s events: %w", code, err)
		}
		var e dossier.Event
		if err := dossier.DecodeEvent([]byte(payload), &e); err != nil {
			return nil, fmt.Errorf("store: dossier %s event %d: %w", code, seq, err)
		}
		withColumns(&e, seq, action, actor, role, unit)
		events = append(events, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: dossier %s events: %w", code, err)
	}
	return events, nil
}
