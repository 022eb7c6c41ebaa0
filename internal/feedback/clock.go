package feedback

import (
	"time"

	"motcua/internal/calendar"
)

// Rules are the working-day time limits of a PAKN (thời hạn xử lý phản ánh, kiến nghị),
// in force from Effective. They are data: when the national rules change, add a version.
type Rules struct {
	Version   string
	Effective calendar.Date
	// Source names where the limits come from; Unconfirmed says what could not be read
	// in the text itself ("" when everything is confirmed).
	Source, Unconfirmed string
	// RefuseDays: a PAKN that will not be handled is refused within this many working days.
	RefuseDays float64
	// InfoDays: more information is asked for within this many working days.
	InfoDays float64
	// HandleDays: the answer is ready (approved) within this many working days.
	HandleDays float64
	// PublishDays: the answer is published within this many working days once ready.
	PublishDays float64
}

// RuleBook lists the versions of the limits, oldest first.
var RuleBook = []Rules{{
	Version:   "766-2022",
	Effective: calendar.NewDate(2022, 6, 23),
	Source: "Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg ngày 23/6/2022), công thức chỉ số 5.2 " +
		"“Tiến độ xử lý phản ánh, kiến nghị” của Hệ thống tiếp nhận, trả lời PAKN trên Cổng Dịch vụ công quốc gia; " +
		"cơ sở: NĐ 20/2008/NĐ-CP (sửa đổi bởi NĐ 92/2017/NĐ-CP), TT 02/2017/TT-VPCP.",
	Unconfirmed: "Các mốc 2, 5, 15 và 2 ngày làm việc được đọc từ tài liệu công thức chỉ số 5.2, " +
		"chưa đối chiếu được với văn bản gốc của Văn phòng Chính phủ.",
	RefuseDays: 2, InfoDays: 5, HandleDays: 15, PublishDays: 2,
}}

// RulesAt returns the version in force on the date (the oldest before any took effect).
func RulesAt(d calendar.Date) Rules {
	r := RuleBook[0]
	for _, v := range RuleBook[1:] {
		if !v.Effective.After(d) {
			r = v
		}
	}
	return r
}

// RulesByVersion returns the named version, or the oldest when the name is unknown.
func RulesByVersion(v string) Rules {
	for _, r := range RuleBook {
		if r.Version == v {
			return r
		}
	}
	return RuleBook[0]
}

// ClockKind names one of the four clocks of a PAKN.
type ClockKind string

// The clocks.
const (
	ClockRefuse  ClockKind = "refuse"  // từ chối tiếp nhận
	ClockInfo    ClockKind = "info"    // đề nghị bổ sung thông tin
	ClockHandle  ClockKind = "handle"  // xử lý (có câu trả lời được duyệt)
	ClockPublish ClockKind = "publish" // công khai câu trả lời
)

// Label is the clock's Vietnamese name.
func (k ClockKind) Label() string {
	switch k {
	case ClockRefuse:
		return "Từ chối tiếp nhận"
	case ClockInfo:
		return "Đề nghị bổ sung thông tin"
	case ClockHandle:
		return "Xử lý, trả lời"
	case ClockPublish:
		return "Công khai câu trả lời"
	}
	return string(k)
}

// Outcomes of a clock.
const (
	OutcomeMet     = "met"     // stopped on or before its due date
	OutcomeMissed  = "missed"  // stopped after its due date
	OutcomeRunning = "running" // still running, not past due
	OutcomeOverdue = "overdue" // still running, past due
)

// Clock is one time limit of a PAKN: from Start, Days working days, due at Due, stopped
// at Stop (zero while running), with the day-by-day explanation of the due date like a
// dossier's.
type Clock struct {
	Kind    ClockKind            `json:"kind"`
	Days    float64              `json:"days"`
	Start   time.Time            `json:"start"`
	Due     time.Time            `json:"due"`
	Stop    time.Time            `json:"stop,omitzero"`
	Outcome string               `json:"outcome"`
	Explain calendar.Explanation `json:"explain"`
}

// Late reports whether the clock was missed or is overdue.
func (c Clock) Late() bool { return c.Outcome == OutcomeMissed || c.Outcome == OutcomeOverdue }

// Clocks returns the clocks that apply to the PAKN at the instant now, on the calendar of
// the unit handling it: refusal when it was refused, the request for information when
// one was made, handling unless it was refused, publication once the answer is ready.
// Dates compare by civil day in UTC+7, as dossiers do: done on the due day is on time.
func Clocks(rec Record, s State, cal *calendar.Calendar, now time.Time) ([]Clock, error) {
	r := RulesByVersion(rec.Rules)
	var out []Clock
	add := func(k ClockKind, days float64, start, stop time.Time) error {
		due, ex, err := cal.Due(start, calendar.Deadline{Days: days})
		if err != nil {
			return err
		}
		c := Clock{Kind: k, Days: days, Start: start, Due: due, Stop: stop, Explain: ex}
		end := stop
		if end.IsZero() {
			end = now
		}
		late := calendar.DateOf(end).Compare(calendar.DateOf(due)) > 0
		switch {
		case !stop.IsZero() && late:
			c.Outcome = OutcomeMissed
		case !stop.IsZero():
			c.Outcome = OutcomeMet
		case late:
			c.Outcome = OutcomeOverdue
		default:
			c.Outcome = OutcomeRunning
		}
		out = append(out, c)
		return nil
	}
	if !s.InfoRequestedAt.IsZero() {
		if err := add(ClockInfo, r.InfoDays, s.InfoStart, s.InfoRequestedAt); err != nil {
			return nil, err
		}
	}
	if s.Status == StatusRefused {
		if err := add(ClockRefuse, r.RefuseDays, s.Start, s.RefusedAt); err != nil {
			return nil, err
		}
		return out, nil
	}
	if s.Status == StatusInfoRequested {
		// The clock of handling waits for the sender's information.
		return out, nil
	}
	if err := add(ClockHandle, r.HandleDays, s.Start, s.ReadyAt); err != nil {
		return nil, err
	}
	if !s.ReadyAt.IsZero() {
		if err := add(ClockPublish, r.PublishDays, s.ReadyAt, s.PublishedAt); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// OnTime reports whether every clock that applies was met or is still running in time
// (QĐ 766 indicator 5.2).
func OnTime(clocks []Clock) bool {
	for _, c := range clocks {
		if c.Late() {
			return false
		}
	}
	return true
}

// NextDue returns the due instant of the first running clock, zero when none runs: the
// date the inbox and the deadline warnings chase.
func NextDue(clocks []Clock) time.Time {
	var due time.Time
	for _, c := range clocks {
		if c.Stop.IsZero() && (due.IsZero() || c.Due.Before(due)) {
			due = c.Due
		}
	}
	return due
}
