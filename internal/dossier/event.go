package dossier

import "time"

// Event is one sự kiện in the append-only history of a dossier: who did what, when, at
// which step, and the data the action needs. Seq numbers the events from 1; the number of
// events is the dossier's optimistic version. Events are persisted as JSON.
type Event struct {
	Seq    int       `json:"seq"`
	Action Action    `json:"action"`
	Actor  string    `json:"actor"` // username of the officer, or of the applicant's account
	Role   Role      `json:"role"`
	Unit   string    `json:"unit,omitempty"` // the actor's unit
	At     time.Time `json:"at"`
	Note   string    `json:"note,omitempty"`
	Reason string    `json:"reason,omitempty"`
	// NewDue is the new appointment of an extend event (phiếu xin lỗi và hẹn lại).
	NewDue time.Time `json:"new_due,omitzero"`
	// ToUnit and StepBudget describe a transfer (liên thông): the receiving unit and the
	// working days it is given.
	ToUnit     string  `json:"to_unit,omitempty"`
	StepBudget float64 `json:"step_budget,omitempty"`
	// Assignee is the user an assign event names, or the target user of a forward or
	// send_back; optional.
	Assignee string `json:"assignee,omitempty"`
	// Step is the index (in State.Steps) of the step the dossier was at when the event
	// happened.
	Step int `json:"step"`
	// AmountVND and PaymentRef describe a payment event: the amount settled and the
	// reference of the payment (the gateway's transaction number, or the receipt number).
	AmountVND  int64  `json:"amount_vnd,omitempty"`
	PaymentRef string `json:"payment_ref,omitempty"`
	// Documents are the missing documents a request_supplement event asks for.
	Documents []MissingDocument `json:"documents,omitempty"`
}
