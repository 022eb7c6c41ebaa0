package feedback

import (
	"fmt"
	"time"
)

// Sender is the person who sent a PAKN (người gửi). The law requires a name and a
// contact; neither is ever published.
type Sender struct {
	Name    string `json:"name"`
	Email   string `json:"email,omitempty"`
	Phone   string `json:"phone,omitempty"`
	Address string `json:"address,omitempty"`
}

// Record is what is fixed when a PAKN is received.
type Record struct {
	Code      string
	LookupKey string
	UnitCode  string // the unit that received it
	Channel   Channel
	Kind      Kind
	// DossierCode is the dossier a PAKN of KindDossier is about.
	DossierCode string
	Title       string
	Content     string
	Sender      Sender
	ReceivedAt  time.Time
	// Rules is the version of the clocks in force on the day of receipt (RulesAt).
	Rules string
}

// State is the projection of a PAKN's events.
type State struct {
	Version  int
	Status   Status
	Unit     string // the unit handling it now (changes with a transfer)
	Class    Class
	Assignee string
	// Start is the instant the clocks count from: receipt, the last transfer to this unit,
	// or the last reception of the information asked for (the last hand-over).
	Start time.Time
	// InfoStart is the Start in force when information was last asked for, and
	// InfoRequestedAt when it was asked.
	InfoStart, InfoRequestedAt time.Time
	RefusedAt                  time.Time
	// ReadyAt is when the leader approved the answer (ready to answer and publish).
	ReadyAt     time.Time
	AnsweredAt  time.Time
	PublishedAt time.Time
	Draft       string
	Answer      string
	Reason      string
	Question    string
	Reaction    Reaction
	FollowUps   int
	Transfers   int
	// prior is the status to return to when the information asked for arrives.
	prior Status
}

// Project replays the events of a PAKN from its record; the first event must be the
// submission.
func Project(rec Record, events []Event) (State, error) {
	var s State
	for i, e := range events {
		if e.Seq != i+1 {
			return State{}, fmt.Errorf("feedback %s: event %d has seq %d", rec.Code, i+1, e.Seq)
		}
		if i == 0 {
			if e.Action != ActionSubmit {
				return State{}, fmt.Errorf("feedback %s: first event is %s", rec.Code, e.Action)
			}
			s = State{Version: 1, Status: StatusReceived, Unit: rec.UnitCode, Start: e.At}
			continue
		}
		s = s.Apply(e)
	}
	return s, nil
}

// Apply returns the state after the event (already decided).
func (s State) Apply(e Event) State {
	s.Version = e.Seq
	switch e.Action {
	case ActionClassify:
		s.Class = e.Class
		if s.Status == StatusReceived {
			s.Status = StatusClassified
		}
	case ActionAssign:
		s.Assignee = e.Assignee
		s.Status = StatusAssigned
	case ActionDraft:
		s.Draft = e.Answer
		s.Status = StatusDrafted
	case ActionApprove:
		s.Answer = e.Answer
		s.ReadyAt = e.At
		s.Status = StatusApproved
	case ActionAnswer:
		s.AnsweredAt = e.At
		s.Status = StatusAnswered
	case ActionPublish:
		s.PublishedAt = e.At
		s.Status = StatusPublished
	case ActionRefuse:
		s.Reason = e.Reason
		s.RefusedAt = e.At
		s.Status = StatusRefused
	case ActionRequestInfo:
		s.prior = s.Status
		s.Question = e.Note
		s.InfoStart = s.Start
		s.InfoRequestedAt = e.At
		s.Status = StatusInfoRequested
	case ActionInfoReceived:
		s.Start = e.At
		s.Status = s.prior
		if s.Status == "" {
			s.Status = StatusReceived
		}
	case ActionTransfer:
		s.Unit = e.ToUnit
		s.Start = e.At
		s.Transfers++
		s.Status = StatusReceived
		s.Assignee, s.Draft = "", ""
		s.InfoStart, s.InfoRequestedAt = time.Time{}, time.Time{}
	case ActionReact:
		s.Reaction = e.Reaction
	case ActionFollowUp:
		s.FollowUps++
	}
	return s
}
