package dossier

import (
	"time"

	"motcua/internal/calendar"
)

// StepResult is one row of the process control sheet (phiếu kiểm soát quá trình giải
// quyết hồ sơ): one passage of the dossier through a step, who handed it over (From) and
// who handled it (To: the actor who finished the step, else the assignee), when it
// started and ended, when it was due by the step's budget, and the result.
type StepResult struct {
	Step  int       `json:"step"`
	Name  string    `json:"name"`
	Role  Role      `json:"role"`
	Unit  string    `json:"unit"`
	From  string    `json:"from"`
	To    string    `json:"to"`
	Start time.Time `json:"start"`
	End   time.Time `json:"end,omitzero"`
	Due   time.Time `json:"due"`
	// Result compares the working time used with the step's budget, to the minute:
	// less → early, equal → on_time, more → late. It is empty while the step is open.
	Result Timeliness `json:"result,omitempty"`
}

// visit is a passage through a step while projecting.
type visit struct {
	step       int
	start, end time.Time
	from, to   string
	clock      []calendar.ClockEvent // pause and resume inside the visit
	open       bool
}

func (st *State) openVisit(step int, e Event) {
	st.visits = append(st.visits, visit{step: step, start: e.At, from: e.Actor, to: e.Assignee, open: true})
}

func (st *State) current() *visit {
	if n := len(st.visits); n > 0 && st.visits[n-1].open {
		return &st.visits[n-1]
	}
	return nil
}

func (st *State) closeVisit(e Event) {
	if v := st.current(); v != nil {
		v.end, v.to, v.open = e.At, e.Actor, false
	}
}

func (st *State) assignVisit(user string) {
	if v := st.current(); v != nil {
		v.to = user
	}
}

func (st *State) clockVisit(c calendar.ClockEvent) {
	if v := st.current(); v != nil {
		v.clock = append(v.clock, c)
	}
}

// shiftVisits renumbers the visits of steps at or after an inserted step.
func (st *State) shiftVisits(at int) {
	for i := range st.visits {
		if st.visits[i].step >= at {
			st.visits[i].step++
		}
	}
}

// StepResults returns the rows of the process control sheet, one per passage through a
// step, in order. Time waiting for a supplement inside a step does not count against
// the step's budget. st should be the state Project returned for d; any other state is
// recomputed from d.
func StepResults(d Dossier, st State, cal *calendar.Calendar) ([]StepResult, error) {
	if st.visits == nil || st.Version != len(d.Events) {
		var err error
		if st, err = Project(d, cal); err != nil {
			return nil, err
		}
	}
	out := make([]StepResult, 0, len(st.visits))
	for _, v := range st.visits {
		s := st.Steps[v.step]
		unit := s.Unit
		if unit == "" {
			unit = d.UnitCode
		}
		due, err := stepDue(cal, s.Days, v)
		if err != nil {
			return nil, err
		}
		r := StepResult{Step: v.step, Name: s.Name, Role: s.Role, Unit: unit, From: v.from, To: v.to,
			Start: v.start, Due: due}
		if !v.open {
			r.End = v.end
			end, due := v.end.Truncate(time.Minute), due.Truncate(time.Minute)
			switch {
			case end.Before(due):
				r.Result = Early
			case end.Equal(due):
				r.Result = OnTime
			default:
				r.Result = Late
			}
		}
		out = append(out, r)
	}
	return out, nil
}

// stepDue returns the instant a visit's budget runs out, not counting the time paused for
// a supplement. A step without budget is due when it starts.
func stepDue(cal *calendar.Calendar, days float64, v visit) (time.Time, error) {
	if !(days > 0) {
		return v.start, nil
	}
	events := append([]calendar.ClockEvent{{Kind: calendar.ClockStart, At: v.start}}, v.clock...)
	cs, err := cal.Clock(calendar.Deadline{Days: days}, events)
	if err != nil {
		return time.Time{}, err
	}
	return cs.Due, nil
}
