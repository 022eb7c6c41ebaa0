package report

import (
	"fmt"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
)

// Dossier is the summary of one hồ sơ that statistics are computed from: where it was
// received and in which field, by which channel, when its clock started and when
// processing finished, and the original legal appointment. The store fills it from the
// projection it keeps for lists; FromState fills it from a dossier and its state.
type Dossier struct {
	Code          string
	UnitCode      string
	ProcedureCode string
	FieldCode     string
	Channel       dossier.Channel
	Status        dossier.Status
	// ReceivedAt is the instant the clock started (counter receipt or online
	// acceptance); zero for an online dossier never accepted.
	ReceivedAt time.Time
	// DueAt is the appointment in force (moved by an extension); OriginalDueAt the legal
	// appointment before any extension, which timeliness and every statistic use.
	DueAt, OriginalDueAt time.Time
	// FinishedAt is the end of processing (result ready, refusal or withdrawal); zero
	// while open.
	FinishedAt time.Time
	// Supplements counts the supplement requests after the clock started.
	Supplements int
	// Extended is true when an apology with a new appointment was made.
	Extended bool
}

// FromState summarises the dossier from its state. OriginalDueAt is the state's DueAt
// unless the dossier was extended, in which case it is computed by OriginalDue.
func FromState(d dossier.Dossier, st dossier.State, fieldCode string, cal *calendar.Calendar) (Dossier, error) {
	out := Dossier{
		Code: d.Code, UnitCode: d.UnitCode, ProcedureCode: d.ProcedureCode, FieldCode: fieldCode,
		Channel: d.Channel, Status: st.Status, ReceivedAt: st.ReceivedAt, DueAt: st.DueAt,
		OriginalDueAt: st.DueAt, FinishedAt: st.FinishedAt, Supplements: st.Supplements, Extended: st.Extended,
	}
	if st.Extended {
		due, err := OriginalDue(d, cal)
		if err != nil {
			return Dossier{}, err
		}
		out.OriginalDueAt = due
	}
	return out, nil
}

// OriginalDue returns the original legal appointment of the dossier: the appointment
// its events give when every extension (hẹn lại) is left out, so that pauses for
// supplements still move it and the apology's new date does not.
func OriginalDue(d dossier.Dossier, cal *calendar.Calendar) (time.Time, error) {
	events := make([]dossier.Event, 0, len(d.Events))
	for _, e := range d.Events {
		if e.Action == dossier.ActionExtend {
			continue
		}
		e.Seq = len(events) + 1
		events = append(events, e)
	}
	d.Events = events
	st, err := dossier.Project(d, cal)
	if err != nil {
		return time.Time{}, fmt.Errorf("report: original appointment: %w", err)
	}
	return st.DueAt, nil
}

// State returns the part of the dossier's state that dossier.State.Timeliness needs,
// with the original appointment as the appointment: timeliness compares against the
// legal appointment, never the apology's new one.
func (d Dossier) State() dossier.State {
	return dossier.State{
		Status: d.Status, ReceivedAt: d.ReceivedAt, DueAt: d.OriginalDueAt, FinishedAt: d.FinishedAt,
		Supplements: d.Supplements, Extended: d.Extended,
		Paused: d.Status == dossier.StatusSupplementRequested && !d.ReceivedAt.IsZero(),
	}
}

// Timeliness is the dossier's tiến độ as the QĐ 766 index counts it
// (dossier.State.Timeliness against the original appointment: two or more supplement
// requests make a finished dossier late).
func (d Dossier) Timeliness(now time.Time) dossier.Timeliness { return d.State().Timeliness(now) }
