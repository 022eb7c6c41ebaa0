package dossier

import (
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/fault"
)

// Decide checks a command against the dossier and its current state st (as returned by
// Project for d) and returns the event to append. It returns a Conflict error when the
// status does not allow the action (naming the status), a Forbidden error when the
// caller's role or unit does not, and an Invalid error for bad input.
//
// now is the instant of the action; if it is earlier than the last event (clocks of
// several servers differ slightly), the last event's instant is used so that the history
// stays ordered. The event is stamped in UTC.
func Decide(d Dossier, st State, cmd Command, cal *calendar.Calendar, now time.Time) (Event, error) {
	if err := Can(d, st, cmd.Action, cmd.Role, cmd.Unit); err != nil {
		return Event{}, err
	}
	if f := cmd.Valid(); f != nil {
		return Event{}, fault.WithFields("Thông tin thao tác chưa hợp lệ.", f)
	}
	if now.Before(st.LastAt) {
		now = st.LastAt
	}
	e := Event{
		Seq:      len(d.Events) + 1,
		Action:   cmd.Action,
		Actor:    strings.TrimSpace(cmd.Actor),
		Role:     cmd.Role,
		Unit:     cmd.Unit,
		At:       now.UTC(),
		Note:     strings.TrimSpace(cmd.Note),
		Reason:   strings.TrimSpace(cmd.Reason),
		Assignee: strings.TrimSpace(cmd.Assignee),
		Step:     st.Step,
	}
	switch cmd.Action {
	case ActionReceive, ActionSubmit:
		if err := d.Process.Valid(); err != nil {
			return Event{}, err
		}
		if !d.Deadline.SameDay && !(d.Deadline.Days > 0) {
			return Event{}, fault.New(fault.Invalid, "Thời hạn giải quyết của thủ tục không hợp lệ.")
		}
		if d.SupplementRule != "" && d.SupplementRule != SupplementPause && d.SupplementRule != SupplementReset {
			return Event{}, fault.New(fault.Invalid, "Quy tắc tính thời hạn khi bổ sung hồ sơ không hợp lệ.")
		}
	case ActionRequestSupplement:
		if SecondSupplement(st) && e.Reason == "" {
			return Event{}, fault.WithFields("Thông tin thao tác chưa hợp lệ.", map[string]string{"reason": SecondSupplementWarning +
				" Cần nêu rõ lý do phải yêu cầu bổ sung lần nữa."})
		}
		for _, doc := range cmd.Documents {
			doc.Name = strings.TrimSpace(doc.Name)
			e.Documents = append(e.Documents, doc)
		}
	case ActionExtend:
		if err := checkExtend(st, cmd, cal, now); err != nil {
			return Event{}, err
		}
		e.NewDue = cmd.NewDue.UTC()
	case ActionTransfer:
		to := strings.TrimSpace(cmd.ToUnit)
		if to == st.Unit {
			return Event{}, fault.WithFields("Thông tin thao tác chưa hợp lệ.",
				map[string]string{"to_unit": "Đơn vị nhận liên thông phải khác đơn vị đang giữ hồ sơ."})
		}
		e.ToUnit, e.StepBudget = to, cmd.StepBudget
	}
	return e, nil
}

// SecondSupplementWarning is what the officer is told before a second supplement request.
const SecondSupplementWarning = "Hồ sơ đã được yêu cầu bổ sung một lần; yêu cầu bổ sung lần nữa làm hồ sơ bị tính là quá hạn theo Quyết định 766/QĐ-TTg."

// SecondSupplement reports whether a supplement request now would be the second (or a
// later) one since the clock started: such a request makes the dossier late in the QĐ
// 766 index, so it needs a reason and the officer is warned first.
func SecondSupplement(st State) bool {
	return !st.ReceivedAt.IsZero() && st.Supplements >= 1
}

// checkExtend applies the rules of the apology and new appointment (phiếu xin lỗi và hẹn
// lại ngày trả kết quả): only once, made at least one working day before the current
// appointment, with a new appointment after it.
func checkExtend(st State, cmd Command, cal *calendar.Calendar, now time.Time) error {
	if st.Extended {
		return fault.New(fault.Conflict, "Hồ sơ đã gia hạn một lần; việc hẹn lại ngày trả kết quả chỉ được thực hiện một lần.")
	}
	if st.DueAt.IsZero() {
		return fault.New(fault.Conflict, "Hồ sơ chưa có ngày hẹn trả kết quả nên không thể gia hạn.")
	}
	if !cmd.NewDue.After(st.DueAt) {
		return fault.WithFields("Thông tin thao tác chưa hợp lệ.",
			map[string]string{"new_due": "Ngày hẹn mới phải sau ngày hẹn trả kết quả hiện tại."})
	}
	limit, err := cal.DueOnly(now, calendar.Deadline{Days: 1})
	if err != nil {
		return err
	}
	if limit.After(st.DueAt) {
		return fault.Newf(fault.Conflict,
			"Phải xin lỗi và hẹn lại chậm nhất 01 ngày làm việc trước ngày hẹn trả kết quả (%s); nay đã quá thời điểm đó, không thể gia hạn.",
			st.DueAt.In(calendar.Zone()).Format("15:04 02/01/2006"))
	}
	return nil
}

// Act projects the dossier, decides the command and returns the dossier with the new
// event appended (the events are copied, d is unchanged) and its new state.
func Act(d Dossier, cmd Command, cal *calendar.Calendar, now time.Time) (Dossier, State, error) {
	st, err := Project(d, cal)
	if err != nil {
		return d, State{}, err
	}
	e, err := Decide(d, st, cmd, cal, now)
	if err != nil {
		return d, st, err
	}
	next := d
	next.Process = d.Process.Copy()
	next.Events = append(append([]Event(nil), d.Events...), e)
	st, err = Project(next, cal)
	if err != nil {
		return d, State{}, err
	}
	return next, st, nil
}
