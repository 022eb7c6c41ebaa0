package dossier

import (
	"time"

	"motcua/internal/calendar"
)

// SupplementRule values say what receiving a supplement does to the legal clock.
const (
	// SupplementPause resumes the count where it stopped (the default).
	SupplementPause = "pause"
	// SupplementReset restarts the count from the instant the complete dossier arrives,
	// for procedures whose law says so.
	SupplementReset = "reset"
)

// Dossier is a hồ sơ thủ tục hành chính: what was fixed at creation (code, procedure,
// receiving unit, channel, legal deadline, supplement rule, the pinned process version)
// and its append-only events. Its state is derived from the events by Project.
type Dossier struct {
	Code           string            `json:"code"`
	ProcedureCode  string            `json:"procedure_code"`
	UnitCode       string            `json:"unit_code"`
	Channel        Channel           `json:"channel"`
	Deadline       calendar.Deadline `json:"deadline"`
	SupplementRule string            `json:"supplement_rule"`
	Process        Process           `json:"process"`
	Events         []Event           `json:"events"`
}

// Version is the optimistic version of the dossier: the number of its events. The store
// appends an event only if the stored version still equals the version it decided on.
func (d Dossier) Version() int { return len(d.Events) }

// State is the projection of a dossier's events: where it is and what the clock says.
type State struct {
	Status Status `json:"status"`
	// Step is the index into Steps of the current step: 0 while submitted or received,
	// the step being handled while processing, and the last step reached afterwards.
	Step     int    `json:"step"`
	StepName string `json:"step_name,omitempty"`
	StepRole Role   `json:"step_role,omitempty"`
	// Assignee is the user handling the current step, when one was named.
	Assignee string `json:"assignee,omitempty"`
	// Unit is the unit holding the dossier now: the receiving unit, or the other unit
	// while at a liên thông step.
	Unit string `json:"unit"`
	// Steps are the pinned process steps with the liên thông steps that transfers
	// inserted.
	Steps []Step `json:"steps"`

	SubmittedAt time.Time `json:"submitted_at,omitzero"`
	// ReceivedAt is the instant the clock started: counter receipt or online acceptance.
	ReceivedAt time.Time `json:"received_at,omitzero"`
	// DueAt is the appointment in force (ngày hẹn trả) computed from the clock events:
	// the new appointment once the dossier was extended (hẹn lại). The inbox chases it and
	// the applicant is told it.
	DueAt time.Time `json:"due_at,omitzero"`
	// OriginalDueAt is the legal appointment: the clock without the extension (pauses
	// still move it). Timeliness and every report compare with it, because an apology
	// admits lateness and does not erase it. It equals DueAt when not extended.
	OriginalDueAt time.Time `json:"original_due_at,omitzero"`
	// FinishedAt is the end of processing: the instant the result became ready, or the
	// refusal or withdrawal instant when there is no result.
	FinishedAt time.Time `json:"finished_at,omitzero"`
	// ReturnedAt is the instant the result was returned to the applicant.
	ReturnedAt time.Time `json:"returned_at,omitzero"`

	// Paused is true while the clock waits for the applicant's supplement.
	Paused   bool      `json:"paused"`
	PausedAt time.Time `json:"paused_at,omitzero"`
	// PausedFor is the total time the clock has been paused.
	PausedFor time.Duration `json:"paused_for"`
	// Supplements counts the supplement requests made after the clock started; two or
	// more make the dossier late in the QĐ 766 index.
	Supplements int `json:"supplements"`
	// SupplementFrom is the status to return to when the supplement arrives.
	SupplementFrom Status `json:"supplement_from,omitempty"`
	// Extended is true once the one allowed extension (hẹn lại) has been made.
	Extended bool `json:"extended"`
	// Version is the number of events projected.
	Version int `json:"version"`
	// LastAt is the instant of the last event.
	LastAt time.Time `json:"last_at,omitzero"`
	// Explain tells how DueAt was computed.
	Explain calendar.Explanation `json:"-"`

	// visits are the passages through steps, for StepResults.
	visits []visit
}

// Open reports whether the dossier is still being handled (not finished).
func (st State) Open() bool { return !st.Status.Finished() }

// stepRole returns the role of the current step, or "" when not at a step.
func (st State) stepRole() Role {
	if st.Status != StatusReceived && st.Status != StatusProcessing {
		return ""
	}
	return st.StepRole
}
