package dossier

import (
	"slices"

	"motcua/internal/fault"
)

// unitScope says which unit's officers may take an action.
type unitScope int

const (
	// unitHome: officers of the unit that received the dossier.
	unitHome unitScope = iota
	// unitCurrent: officers of the unit that holds the current step (the other unit
	// while at a liên thông step).
	unitCurrent
	// unitEither: officers of the home unit or of the current step's unit.
	unitEither
)

// Rule says when an action is allowed: in which statuses and for which roles.
// The administrator may take every action that the status allows.
type Rule struct {
	Action Action
	// From lists the statuses in which the action is allowed (StatusNew: creation).
	From []Status
	// Roles lists the roles allowed whatever the step.
	Roles []Role
	// StepRole adds the role of the current step (forward, send_back, assign).
	StepRole bool
	// OnlineApplicant limits the applicant role to dossiers submitted online.
	OnlineApplicant bool
	// System marks an action that no person takes through Act: it is recorded by the
	// system (RecordPayment), and Can refuses it to every role.
	System bool
	unit   unitScope
}

// Rules returns the table of action rules, one per action, in the order of Actions.
// It is built fresh on each call; callers may keep or change the copy.
func Rules() []Rule {
	out := make([]Rule, 0, len(Actions()))
	for _, a := range Actions() {
		r, _ := newRule(a)
		out = append(out, r)
	}
	return out
}

// ruleTable holds the rule of every action, built once: Project and Can look a rule up
// for every event, millions of times when a history is generated.
var ruleTable = func() map[Action]Rule {
	t := map[Action]Rule{}
	// The payment is recorded by the system (RecordPayment), outside Actions.
	for _, a := range append(Actions(), ActionPayment) {
		t[a], _ = newRule(a)
	}
	return t
}()

// RuleOf returns the rule of an action, and false for an unknown action. The rule's
// slices are shared with every caller: they must not be changed (Rules gives copies).
func RuleOf(a Action) (Rule, bool) {
	r, ok := ruleTable[a]
	return r, ok
}

// newRule builds the rule of an action, and false for an unknown action.
func newRule(a Action) (Rule, bool) {
	officers := []Role{RoleOneStop, RoleSpecialist, RoleLeader}
	open := []Status{StatusSubmitted, StatusReceived, StatusProcessing, StatusSupplementRequested}
	atStep := []Status{StatusReceived, StatusProcessing}
	switch a {
	case ActionReceive:
		return Rule{Action: a, From: []Status{StatusNew}, Roles: officers[:1], unit: unitHome}, true
	case ActionSubmit:
		return Rule{Action: a, From: []Status{StatusNew}, Roles: []Role{RoleApplicant}, unit: unitHome}, true
	case ActionAccept:
		return Rule{Action: a, From: []Status{StatusSubmitted}, Roles: officers[:1], unit: unitHome}, true
	case ActionAssign:
		return Rule{Action: a, From: atStep, Roles: officers[2:], StepRole: true, unit: unitCurrent}, true
	case ActionForward:
		return Rule{Action: a, From: atStep, StepRole: true, unit: unitCurrent}, true
	case ActionSendBack:
		return Rule{Action: a, From: atStep[1:], StepRole: true, unit: unitCurrent}, true
	case ActionTransfer:
		return Rule{Action: a, From: atStep[1:], Roles: officers[1:], unit: unitCurrent}, true
	case ActionRequestSupplement:
		return Rule{Action: a, From: open[:3], Roles: officers, unit: unitEither}, true
	case ActionSupplementReceived:
		return Rule{Action: a, From: open[3:], Roles: []Role{RoleOneStop, RoleApplicant},
			OnlineApplicant: true, unit: unitHome}, true
	case ActionExtend:
		return Rule{Action: a, From: atStep, Roles: officers[2:], unit: unitHome}, true
	case ActionRefuse:
		return Rule{Action: a, From: open, Roles: []Role{RoleOneStop, RoleLeader}, unit: unitHome}, true
	case ActionReturnResult:
		return Rule{Action: a, From: []Status{StatusResultReady}, Roles: officers[:1], unit: unitHome}, true
	case ActionWithdraw:
		return Rule{Action: a, From: append(open, StatusResultReady), Roles: []Role{RoleApplicant, RoleOneStop},
			unit: unitHome}, true
	case ActionPayment:
		return Rule{Action: a, From: append(open, StatusResultReady), System: true, unit: unitHome}, true
	}
	return Rule{}, false
}

// Can reports whether a caller with the role, from the unit, may take the action on the
// dossier in state st: nil, or a Conflict error when the status does not allow it, a
// Forbidden error when the role or unit does not, an Invalid error for an unknown action.
// Officers must name their unit; the applicant's ownership of the dossier is checked by
// the caller, which knows the applicant's account.
func Can(d Dossier, st State, a Action, role Role, unit string) error {
	r, ok := RuleOf(a)
	if !ok {
		return fault.Newf(fault.Invalid, "Thao tác “%s” không hợp lệ.", a)
	}
	if err := statusAllows(r, st.Status); err != nil {
		return err
	}
	if r.System {
		return fault.New(fault.Forbidden, "Việc thanh toán phí, lệ phí chỉ được ghi nhận qua cổng thanh toán hoặc khi thu tại quầy.")
	}
	if a == ActionReceive && d.Channel == ChannelOnline {
		return fault.New(fault.Conflict, "Hồ sơ trực tuyến được tạo bằng thao tác nộp trực tuyến, không phải tiếp nhận tại quầy.")
	}
	if a == ActionSubmit && d.Channel != ChannelOnline {
		return fault.New(fault.Conflict, "Chỉ hồ sơ trực tuyến mới được nộp trực tuyến.")
	}
	if role == RoleAdmin {
		return nil
	}
	forbidden := func() error {
		return fault.Newf(fault.Forbidden, "Vai trò “%s” không được thực hiện “%s” đối với hồ sơ này.", role.Label(), a.Label())
	}
	allowed := slices.Contains(r.Roles, role) || r.StepRole && role.Officer() && role == st.stepRole()
	if !allowed {
		return forbidden()
	}
	if role == RoleApplicant {
		if r.OnlineApplicant && d.Channel != ChannelOnline {
			return forbidden()
		}
		return nil
	}
	if unit == "" {
		return fault.New(fault.Forbidden, "Không xác định được đơn vị của người thực hiện.")
	}
	home := d.UnitCode
	current := st.Unit
	if current == "" {
		current = home
	}
	var okUnit bool
	switch r.unit {
	case unitHome:
		okUnit = unit == home
	case unitCurrent:
		okUnit = unit == current
	case unitEither:
		okUnit = unit == home || unit == current
	}
	if !okUnit {
		return fault.New(fault.Forbidden, "Hồ sơ không thuộc đơn vị của người thực hiện ở bước này.")
	}
	return nil
}

// statusAllows returns a Conflict error naming the status when r does not apply in it.
func statusAllows(r Rule, s Status) error {
	if s.Final() {
		return fault.Newf(fault.Conflict, "Hồ sơ đã kết thúc (“%s”), không thể thực hiện “%s”.", s.Label(), r.Action.Label())
	}
	if slices.Contains(r.From, s) {
		return nil
	}
	if s == StatusNew {
		return fault.Newf(fault.Conflict, "Hồ sơ chưa được tiếp nhận, không thể thực hiện “%s”.", r.Action.Label())
	}
	return fault.Newf(fault.Conflict, "Không thể thực hiện “%s” khi hồ sơ ở trạng thái “%s”.", r.Action.Label(), s.Label())
}

// Available lists the actions a caller with the role, from the unit, may take now, in
// the order of Actions: the buttons to show.
func Available(d Dossier, st State, role Role, unit string) []Action {
	var out []Action
	for _, a := range Actions() {
		if Can(d, st, a, role, unit) == nil {
			out = append(out, a)
		}
	}
	return out
}
