package calendar

import "time"

// ClockKind is the kind of a ClockEvent.
type ClockKind string

// Kinds of clock events.
const (
	ClockStart  ClockKind = "start"  // the clock starts (a complete dossier is received)
	ClockPause  ClockKind = "pause"  // paused, waiting for the applicant's supplement (chờ bổ sung)
	ClockResume ClockKind = "resume" // the supplement arrived; the clock runs again
	ClockReset  ClockKind = "reset"  // a new complete dossier restarts the count from At
	ClockExtend ClockKind = "extend" // extension with the apology form: Until is the new due instant
)

// ClockEvent is one operation on a dossier's legal clock.
type ClockEvent struct {
	Kind  ClockKind `json:"kind"`
	At    time.Time `json:"at"`
	Until time.Time `json:"until,omitzero"`
}

// ClockState is the state of a legal clock after its events.
//
// Due is the due instant: the deadline counted from the start (or the last reset), moved
// later by the working time spent paused, or the extension's Until (moved later by any
// pause after it). While Paused, Due is the due instant as it stood when the pause began;
// it moves on resume. PausedFor is the working time spent in completed pauses since the
// last reset. Explain covers the days from the start (or last reset) to Due.
type ClockState struct {
	Started   bool          `json:"started"`
	Paused    bool          `json:"paused"`
	Due       time.Time     `json:"due"`
	PausedFor time.Duration `json:"paused_for"`
	Explain   Explanation   `json:"explain"`
}

// Clock replays the events, which must be in chronological order and begin with a start,
// and returns the resulting state. No events give a clock that has not started. A pause
// never shortens a deadline: it moves the due instant later by the working time that
// elapsed while paused.
func (c *Calendar) Clock(d Deadline, events []ClockEvent) (ClockState, error) {
	return c.clock(d, events, true)
}

// ClockBrief is Clock without Explain, several times cheaper: for callers that need the
// due instant and not the day-by-day explanation (the history generator simulating
// millions of dossiers).
func (c *Calendar) ClockBrief(d Deadline, events []ClockEvent) (ClockState, error) {
	return c.clock(d, events, false)
}

func (c *Calendar) clock(d Deadline, events []ClockEvent, explain bool) (ClockState, error) {
	var st ClockState
	if len(events) == 0 {
		return st, nil
	}
	if err := d.validate(); err != nil {
		return st, err
	}
	var (
		origin, anchor, pausedAt time.Time
		amount                   time.Duration
		pauses                   []interval
		extended                 bool
		err                      error
	)
	need := c.need(d.Days)
	for i, e := range events {
		n := i + 1
		if i > 0 && e.At.Before(events[i-1].At) {
			return ClockState{}, invalidf("Sự kiện thứ %d (%s) xảy ra trước sự kiện liền trước.", n, e.Kind)
		}
		if e.Kind != ClockStart && !st.Started {
			return ClockState{}, invalidf("Sự kiện thứ %d (%s): thời hạn chưa bắt đầu tính.", n, e.Kind)
		}
		switch e.Kind {
		case ClockStart:
			if st.Started {
				return ClockState{}, invalidf("Sự kiện thứ %d: thời hạn đã bắt đầu tính, không thể bắt đầu lại (dùng reset).", n)
			}
			st.Started, origin, anchor, amount = true, e.At, e.At, need
			if d.IsSameDay() {
				if anchor, err = c.DueSameDay(e.At); err != nil {
					return ClockState{}, err
				}
			}
		case ClockPause:
			if st.Paused {
				return ClockState{}, invalidf("Sự kiện thứ %d: thời hạn đang tạm dừng, không thể tạm dừng lần nữa.", n)
			}
			st.Paused, pausedAt = true, e.At
		case ClockResume:
			if !st.Paused {
				return ClockState{}, invalidf("Sự kiện thứ %d: không thể tiếp tục khi thời hạn không tạm dừng.", n)
			}
			w := c.workingBetween(pausedAt, e.At)
			st.Paused = false
			st.PausedFor += w
			amount += w
			pauses = append(pauses, interval{pausedAt, e.At})
		case ClockReset:
			st.Paused, st.PausedFor, pauses = false, 0, nil
			origin, anchor, amount = e.At, e.At, need
			if d.IsSameDay() {
				if anchor, err = c.DueSameDay(e.At); err != nil {
					return ClockState{}, err
				}
			}
		case ClockExtend:
			if !e.Until.After(e.At) {
				return ClockState{}, invalidf("Sự kiện thứ %d: hạn mới phải sau thời điểm gia hạn.", n)
			}
			anchor, amount, extended = e.Until, 0, true
		default:
			return ClockState{}, invalidf("Sự kiện thứ %d: loại sự kiện %q không hợp lệ.", n, string(e.Kind))
		}
	}
	due := anchor
	if amount > 0 {
		if due, err = c.advance(anchor, amount); err != nil {
			return ClockState{}, err
		}
	}
	st.Due = due.In(ict)
	switch {
	case !explain:
	case d.IsSameDay() && len(pauses) == 0 && !st.Paused && !extended:
		st.Explain = c.explainSameDay(origin, due)
	default:
		st.Explain = c.explain(origin, due, closePauses(pauses, st.Paused, pausedAt, due))
	}
	return st, nil
}

// closePauses adds the pause still open (until the due instant) to the completed pauses.
func closePauses(p []interval, open bool, at, due time.Time) []interval {
	if open && due.After(at) {
		return append(p, interval{at, due})
	}
	return p
}
