package report

import (
	"time"

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
	// FeeDue is true when a fee (phí, lệ phí) is due: the dossier's fee is above zero and
	// was not waived (miễn); PaidOnline when it was paid online (an online payment paid,
	// even if refunded since). The store sets them from the payments (store.PaymentMarks)
	// for the daily counts; the other summaries leave them false.
	FeeDue, PaidOnline bool
}

// FromState summarises the dossier from its state. The original appointment is the
// state's legal appointment (dossier.State.LegalDueAt), which the projection keeps
// through apologies.
func FromState(d dossier.Dossier, st dossier.State, fieldCode string) Dossier {
	return Dossier{
		Code: d.Code, UnitCode: d.UnitCode, ProcedureCode: d.ProcedureCode, FieldCode: fieldCode,
		Channel: d.Channel, Status: st.Status, ReceivedAt: st.ReceivedAt, DueAt: st.DueAt,
		OriginalDueAt: st.LegalDueAt(), FinishedAt: st.FinishedAt, Supplements: st.Supplements, Extended: st.Extended,
	}
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
