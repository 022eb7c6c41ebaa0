package dossier

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/fault"
)

// fixture is a dossier brought into one status for the rule matrix.
type fixture struct {
	name string
	d    Dossier
	// allowed maps each action possible in this state to the roles (besides admin) that
	// may take it. Any other action is a conflict.
	allowed map[Action][]Role
}

func fixtures(tb testing.TB, cal *calendar.Calendar) []fixture {
	tb.Helper()
	t0 := ict(2026, 11, 2, 8, 0)
	at := func(h int) time.Time { return t0.Add(time.Duration(h) * time.Minute) }
	applicantAct := func(a Action) Command {
		return Command{Action: a, Actor: "citizen", Role: RoleApplicant}
	}
	build := func(ch Channel, steps ...Command) Dossier {
		d := newDossier(ch)
		for i, c := range steps {
			act(tb, cal, &d, at(i+1), c)
		}
		return d
	}
	received := []Command{cmd(ActionReceive, RoleOneStop)}
	processing := append(slices.Clone(received), cmd(ActionForward, RoleOneStop))
	resultReady := append(slices.Clone(processing), cmd(ActionForward, RoleSpecialist), cmd(ActionForward, RoleLeader))
	officers := []Role{RoleOneStop, RoleSpecialist, RoleLeader}
	return []fixture{
		{name: "new counter", d: newDossier(ChannelCounter),
			allowed: map[Action][]Role{ActionReceive: {RoleOneStop}}},
		{name: "new online", d: newDossier(ChannelOnline),
			allowed: map[Action][]Role{ActionSubmit: {RoleApplicant}}},
		{name: "submitted", d: build(ChannelOnline, applicantAct(ActionSubmit)),
			allowed: map[Action][]Role{
				ActionAccept:            {RoleOneStop},
				ActionRequestSupplement: officers,
				ActionRefuse:            {RoleOneStop, RoleLeader},
				ActionWithdraw:          {RoleApplicant, RoleOneStop},
			}},
		{name: "received", d: build(ChannelCounter, received...),
			allowed: map[Action][]Role{
				ActionAssign:            {RoleLeader, RoleOneStop},
				ActionForward:           {RoleOneStop},
				ActionRequestSupplement: officers,
				ActionExtend:            {RoleLeader},
				ActionRefuse:            {RoleOneStop, RoleLeader},
				ActionWithdraw:          {RoleApplicant, RoleOneStop},
			}},
		{name: "processing", d: build(ChannelCounter, processing...),
			allowed: map[Action][]Role{
				ActionAssign:            {RoleLeader, RoleSpecialist},
				ActionForward:           {RoleSpecialist},
				ActionSendBack:          {RoleSpecialist},
				ActionTransfer:          {RoleLeader, RoleSpecialist},
				ActionRequestSupplement: officers,
				ActionExtend:            {RoleLeader},
				ActionRefuse:            {RoleOneStop, RoleLeader},
				ActionWithdraw:          {RoleApplicant, RoleOneStop},
			}},
		{name: "supplement_requested counter", d: build(ChannelCounter, append(slices.Clone(processing), cmd(ActionRequestSupplement, RoleSpecialist))...),
			allowed: map[Action][]Role{
				ActionSupplementReceived: {RoleOneStop},
				ActionRefuse:             {RoleOneStop, RoleLeader},
				ActionWithdraw:           {RoleApplicant, RoleOneStop},
			}},
		{name: "supplement_requested online", d: build(ChannelOnline, applicantAct(ActionSubmit), cmd(ActionAccept, RoleOneStop), cmd(ActionRequestSupplement, RoleOneStop)),
			allowed: map[Action][]Role{
				ActionSupplementReceived: {RoleOneStop, RoleApplicant},
				ActionRefuse:             {RoleOneStop, RoleLeader},
				ActionWithdraw:           {RoleApplicant, RoleOneStop},
			}},
		{name: "result_ready", d: build(ChannelCounter, resultReady...),
			allowed: map[Action][]Role{
				ActionReturnResult: {RoleOneStop},
				ActionWithdraw:     {RoleApplicant, RoleOneStop},
			}},
		{name: "returned", d: build(ChannelCounter, append(slices.Clone(resultReady), cmd(ActionReturnResult, RoleOneStop))...)},
		{name: "refused", d: build(ChannelCounter, append(slices.Clone(received), cmd(ActionRefuse, RoleLeader))...)},
		{name: "withdrawn", d: build(ChannelOnline, applicantAct(ActionSubmit), applicantAct(ActionWithdraw))},
	}
}

func TestDecideMatrix(t *testing.T) {
	cal := newCal(t)
	now := ict(2026, 11, 2, 14, 0)
	for _, fx := range fixtures(t, cal) {
		st := project(t, cal, fx.d)
		for _, a := range Actions() {
			for _, role := range Roles() {
				t.Run(fx.name+"/"+string(a)+"/"+string(role), func(t *testing.T) {
					want := fault.Conflict
					if roles, ok := fx.allowed[a]; ok {
						want = fault.Forbidden
						if role == RoleAdmin || slices.Contains(roles, role) {
							want = ""
						}
					}
					c := cmd(a, role)
					if a == ActionExtend {
						c.NewDue = st.DueAt.Add(72 * time.Hour)
					}
					_, err := Decide(fx.d, st, c, cal, now)
					if got := fault.CodeOf(err); got != want {
						t.Fatalf("got %q (%v), want %q", got, err, want)
					}
					if err != nil && fault.As(err).Message == "" {
						t.Fatalf("got an empty message, want a Vietnamese explanation")
					}
					gotAvail := slices.Contains(Available(fx.d, st, role, home), a)
					if gotAvail != (want == "") {
						t.Fatalf("got Available %v, want %v", gotAvail, want == "")
					}
				})
			}
		}
	}
}

func TestConflictNamesStatus(t *testing.T) {
	cal := newCal(t)
	d := newDossier(ChannelCounter)
	st := act(t, cal, &d, ict(2026, 11, 2, 8, 0), cmd(ActionReceive, RoleOneStop))
	_, err := Decide(d, st, cmd(ActionReturnResult, RoleOneStop), cal, ict(2026, 11, 2, 9, 0))
	wantCode(t, err, fault.Conflict)
	if got, want := fault.As(err).Message, "“Đã tiếp nhận”"; !strings.Contains(got, want) {
		t.Fatalf("got message %q, want it to name the status %s", got, want)
	}
}

func TestUnitChecks(t *testing.T) {
	cal := newCal(t)
	d := newDossier(ChannelCounter)
	act(t, cal, &d, ict(2026, 11, 2, 8, 0), cmd(ActionReceive, RoleOneStop))
	st := act(t, cal, &d, ict(2026, 11, 2, 9, 0), cmd(ActionForward, RoleOneStop))
	tests := []struct {
		name string
		unit string
		role Role
		want fault.Code
	}{
		{"same unit", home, RoleSpecialist, ""},
		{"other unit", "H15.02", RoleSpecialist, fault.Forbidden},
		{"no unit", "", RoleSpecialist, fault.Forbidden},
		{"admin anywhere", "", RoleAdmin, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := cmd(ActionForward, tt.role)
			c.Unit = tt.unit
			_, err := Decide(d, st, c, cal, ict(2026, 11, 2, 10, 0))
			if got := fault.CodeOf(err); got != tt.want {
				t.Fatalf("got %q (%v), want %q", got, err, tt.want)
			}
		})
	}
}

// TestRuleOfTable: the rules kept in the table are those built for each action, the
// system's payment included, and unknown actions have none.
func TestRuleOfTable(t *testing.T) {
	for _, a := range append(Actions(), ActionPayment) {
		got, ok := RuleOf(a)
		want, _ := newRule(a)
		if !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %+v (%v), want %+v", a, got, ok, want)
		}
	}
	if _, ok := RuleOf("nope"); ok {
		t.Error("got a rule for an unknown action, want none")
	}
}
