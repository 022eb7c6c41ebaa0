package dossier

import (
	"fmt"
	"time"

	"motcua/internal/calendar"
)

// Project derives the state of a dossier from its events. It is pure and deterministic:
// the same dossier and calendar always give the same state. It returns an error when the
// events are not a history that Decide could have produced (wrong sequence numbers, an
// action its status did not allow).
func Project(d Dossier, cal *calendar.Calendar) (State, error) {
	return projectWith(d, cal.Clock)
}

// ProjectBrief is Project without State.Explain (calendar.Calendar.ClockBrief), for
// callers that never show the day-by-day explanation of the appointment: the history
// generator, which projects each simulated dossier after every event.
func ProjectBrief(d Dossier, cal *calendar.Calendar) (State, error) {
	return projectWith(d, cal.ClockBrief)
}

func projectWith(d Dossier, clockOf func(calendar.Deadline, []calendar.ClockEvent) (calendar.ClockState, error)) (State, error) {
	st := State{Unit: d.UnitCode, Steps: d.Process.Copy().Steps}
	var clock []calendar.ClockEvent
	for i, e := range d.Events {
		if e.Seq != i+1 {
			return State{}, fmt.Errorf("dossier %s: event %d has seq %d", d.Code, i+1, e.Seq)
		}
		r, ok := RuleOf(e.Action)
		if !ok {
			return State{}, fmt.Errorf("dossier %s: event %d: unknown action %q", d.Code, e.Seq, e.Action)
		}
		if err := statusAllows(r, st.Status); err != nil {
			return State{}, fmt.Errorf("dossier %s: event %d: %w", d.Code, e.Seq, err)
		}
		started := !st.ReceivedAt.IsZero()
		switch e.Action {
		case ActionReceive, ActionAccept:
			if e.Action == ActionReceive && len(st.Steps) == 0 {
				return State{}, fmt.Errorf("dossier %s: process has no step", d.Code)
			}
			st.Status = StatusReceived
			st.ReceivedAt = e.At
			st.openVisit(0, e)
			clock = append(clock, calendar.ClockEvent{Kind: calendar.ClockStart, At: e.At})
		case ActionSubmit:
			st.Status = StatusSubmitted
			st.SubmittedAt = e.At
		case ActionAssign:
			st.Assignee = e.Assignee
			st.assignVisit(e.Assignee)
		case ActionForward:
			st.closeVisit(e)
			if st.Step+1 < len(st.Steps) {
				st.Step++
				st.Status = StatusProcessing
				st.openVisit(st.Step, e)
			} else {
				st.Status = StatusResultReady
				st.FinishedAt = e.At
			}
			st.Assignee = e.Assignee
		case ActionSendBack:
			st.closeVisit(e)
			if st.Step > 0 {
				st.Step--
			}
			st.openVisit(st.Step, e)
			if st.Step == 0 {
				st.Status = StatusReceived
			}
			st.Assignee = e.Assignee
		case ActionTransfer:
			at := min(st.Step+1, len(st.Steps))
			st.Steps = append(st.Steps[:at:at], append([]Step{transferStep(e.ToUnit, e.StepBudget)}, st.Steps[at:]...)...)
			st.closeVisit(e)
			st.shiftVisits(at)
			st.Step = at
			st.Status = StatusProcessing
			st.openVisit(at, e)
			st.Assignee = e.Assignee
		case ActionRequestSupplement:
			st.SupplementFrom = st.Status
			st.Status = StatusSupplementRequested
			if started {
				st.Supplements++
				st.PausedAt = e.At
				clock = append(clock, calendar.ClockEvent{Kind: calendar.ClockPause, At: e.At})
				st.clockVisit(calendar.ClockEvent{Kind: calendar.ClockPause, At: e.At})
			}
		case ActionSupplementReceived:
			st.Status = st.SupplementFrom
			st.SupplementFrom = ""
			if started {
				kind := calendar.ClockResume
				if d.SupplementRule == SupplementReset {
					kind = calendar.ClockReset
				}
				clock = append(clock, calendar.ClockEvent{Kind: kind, At: e.At})
				st.clockVisit(calendar.ClockEvent{Kind: calendar.ClockResume, At: e.At})
				st.PausedAt = time.Time{}
			}
		case ActionExtend:
			st.Extended = true
			clock = append(clock, calendar.ClockEvent{Kind: calendar.ClockExtend, At: e.At, Until: e.NewDue})
		case ActionRefuse:
			st.closeVisit(e)
			st.Status = StatusRefused
			st.FinishedAt = e.At
		case ActionWithdraw:
			st.closeVisit(e)
			st.Status = StatusWithdrawn
			if st.FinishedAt.IsZero() {
				st.FinishedAt = e.At
			}
		case ActionReturnResult:
			st.Status = StatusReturned
			st.ReturnedAt = e.At
		}
		st.Version = e.Seq
		st.LastAt = e.At
	}
	st.setStep(d.UnitCode)
	if len(clock) > 0 {
		cs, err := clockOf(d.Deadline, clock)
		if err != nil {
			return State{}, fmt.Errorf("dossier %s: clock: %w", d.Code, err)
		}
		st.DueAt = cs.Due
		st.OriginalDueAt = cs.Due
		st.Paused = cs.Paused
		st.PausedFor = cs.PausedFor
		st.Explain = cs.Explain
		if st.Extended {
			legal := clock[:0:0]
			for _, c := range clock {
				if c.Kind != calendar.ClockExtend {
					legal = append(legal, c)
				}
			}
			orig, err := clockOf(d.Deadline, legal)
			if err != nil {
				return State{}, fmt.Errorf("dossier %s: clock: %w", d.Code, err)
			}
			st.OriginalDueAt = orig.Due
		}
	}
	return st, nil
}

// setStep fills the step name, role and unit from Step and Status.
func (st *State) setStep(home string) {
	st.StepName, st.StepRole, st.Unit = "", "", home
	if st.Step < 0 || st.Step >= len(st.Steps) {
		return
	}
	s := st.Steps[st.Step]
	if s.Unit != "" && (st.Status == StatusProcessing || st.Status == StatusSupplementRequested) {
		st.Unit = s.Unit
	}
	if st.Status == StatusReceived || st.Status == StatusProcessing || st.Status == StatusSupplementRequested {
		st.StepName, st.StepRole = s.Name, s.Role
	}
	if st.Status.Finished() {
		st.Assignee = ""
	}
}
