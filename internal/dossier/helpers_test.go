package dossier

import (
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/fault"
)

const home = "H15.01"

// ict returns an instant in UTC+7.
func ict(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, calendar.Zone())
}

func newCal(tb testing.TB) *calendar.Calendar {
	tb.Helper()
	return calendar.New(calendar.DefaultSchedule(), calendar.Seed())
}

func testProcess() Process {
	return Process{Version: 3, Steps: []Step{
		{Name: "Tiếp nhận hồ sơ", Role: RoleOneStop, Days: 0.5},
		{Name: "Thẩm định", Role: RoleSpecialist, Days: 2},
		{Name: "Phê duyệt", Role: RoleLeader, Days: 0.5},
	}}
}

func newDossier(ch Channel) Dossier {
	return Dossier{
		Code: "H15.01-261102-0001", ProcedureCode: "1.001", UnitCode: home, Channel: ch,
		Deadline: calendar.Deadline{Days: 5}, SupplementRule: SupplementPause, Process: testProcess(),
	}
}

// cmd builds a valid command for the action by a user with the role at the home unit.
func cmd(a Action, role Role) Command {
	c := Command{Action: a, Actor: "user." + string(role), Role: role, Unit: home}
	switch a {
	case ActionRefuse:
		c.Reason = "Không thuộc thẩm quyền giải quyết."
	case ActionExtend:
		c.Reason = "Cần xác minh thêm."
	case ActionTransfer:
		c.ToUnit, c.StepBudget = "T.THUE", 2
	case ActionAssign:
		c.Assignee = "cv2"
	}
	return c
}

// act applies the command at now and fails the test on error.
func act(tb testing.TB, cal *calendar.Calendar, d *Dossier, now time.Time, c Command) State {
	tb.Helper()
	next, st, err := Act(*d, c, cal, now)
	if err != nil {
		tb.Fatalf("%s by %s: %v", c.Action, c.Role, err)
	}
	*d = next
	return st
}

func project(tb testing.TB, cal *calendar.Calendar, d Dossier) State {
	tb.Helper()
	st, err := Project(d, cal)
	if err != nil {
		tb.Fatalf("Project: %v", err)
	}
	return st
}

func dueOnly(tb testing.TB, cal *calendar.Calendar, from time.Time, days float64) time.Time {
	tb.Helper()
	t, err := cal.DueOnly(from, calendar.Deadline{Days: days})
	if err != nil {
		tb.Fatalf("DueOnly: %v", err)
	}
	return t
}

func wantCode(tb testing.TB, err error, want fault.Code) {
	tb.Helper()
	if got := fault.CodeOf(err); got != want {
		tb.Fatalf("got error code %q (%v), want %q", got, err, want)
	}
}
