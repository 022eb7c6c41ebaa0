package feedback

import (
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/fault"
)

var ict = calendar.Zone()

func cal() *calendar.Calendar { return calendar.New(calendar.DefaultSchedule(), calendar.Seed()) }

// run applies the commands in order from a PAKN received at the instant, failing the
// test on a refused command.
func run(t *testing.T, received time.Time, cmds ...Command) (Record, State) {
	t.Helper()
	rec := Record{Code: "PA-X-1", UnitCode: "U1", Rules: RulesAt(calendar.DateOf(received)).Version, ReceivedAt: received}
	events := []Event{{Seq: 1, Action: ActionSubmit, Actor: "sender", Role: RoleSender, At: received, Unit: "U1"}}
	s, err := Project(rec, events)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cmds {
		e, err := Decide(s, c)
		if err != nil {
			t.Fatalf("%s: %v", c.Action, err)
		}
		events = append(events, e)
		s = s.Apply(e)
	}
	again, err := Project(rec, events)
	if err != nil || again.Status != s.Status || again.Version != s.Version {
		t.Fatalf("replay: got %+v, %v; want %+v", again, err, s)
	}
	return rec, s
}

func day(d, h int) time.Time { return time.Date(2026, 3, d, h, 0, 0, 0, ict) }

func outcomes(t *testing.T, rec Record, s State, now time.Time) map[ClockKind]string {
	t.Helper()
	cs, err := Clocks(rec, s, cal(), now)
	if err != nil {
		t.Fatal(err)
	}
	out := map[ClockKind]string{}
	for _, c := range cs {
		out[c.Kind] = c.Outcome
		if len(c.Explain) == 0 {
			t.Errorf("clock %s has no explanation", c.Kind)
		}
	}
	return out
}

func TestPaths(t *testing.T) {
	t.Parallel()
	// Monday 2 March 2026, 09:00.
	recv := day(2, 9)
	full := func(at func(int) time.Time) []Command {
		return []Command{
			{Action: ActionClassify, Role: RoleDesk, Class: ClassRegulation, At: at(0)},
			{Action: ActionAssign, Role: RoleDesk, Assignee: "cv", At: at(0)},
			{Action: ActionDraft, Role: RoleSpecialist, Answer: "Trả lời", At: at(1)},
			{Action: ActionApprove, Role: RoleLeader, At: at(2)},
			{Action: ActionAnswer, Role: RoleDesk, At: at(2)},
			{Action: ActionPublish, Role: RoleDesk, At: at(3)},
		}
	}
	t.Run("refused in time", func(t *testing.T) {
		rec, s := run(t, recv, Command{Action: ActionRefuse, Role: RoleDesk, Reason: "Không thuộc phạm vi", At: day(4, 10)})
		if got := outcomes(t, rec, s, day(30, 9)); got[ClockRefuse] != OutcomeMet || len(got) != 1 {
			t.Fatalf("got %v", got)
		}
	})
	t.Run("refused late", func(t *testing.T) {
		rec, s := run(t, recv, Command{Action: ActionRefuse, Role: RoleDesk, Reason: "x", At: day(5, 10)})
		cs, _ := Clocks(rec, s, cal(), day(30, 9))
		if OnTime(cs) {
			t.Fatalf("refusal on the 4th working day counted on time: %+v", cs)
		}
	})
	t.Run("info then answered", func(t *testing.T) {
		_, s := run(t, recv,
			Command{Action: ActionRequestInfo, Role: RoleDesk, Note: "Xin số hồ sơ", At: day(3, 9)},
			Command{Action: ActionInfoReceived, Role: RoleSender, Note: "Đây", At: day(20, 9)})
		if s.Status != StatusReceived || !s.Start.Equal(day(20, 9)) {
			t.Fatalf("after info: %+v", s)
		}
		// 15 working days from Friday 20 March: answer on 8 April is in time.
		rec, s := run(t, recv, append([]Command{
			{Action: ActionRequestInfo, Role: RoleDesk, Note: "Xin số hồ sơ", At: day(3, 9)},
			{Action: ActionInfoReceived, Role: RoleSender, Note: "Đây", At: day(20, 9)}},
			full(func(i int) time.Time { return time.Date(2026, 4, 6+i, 9, 0, 0, 0, ict) })...)...)
		got := outcomes(t, rec, s, day(30, 9))
		if got[ClockInfo] != OutcomeMet || got[ClockHandle] != OutcomeMet || got[ClockPublish] != OutcomeMet {
			t.Fatalf("got %v", got)
		}
	})
	t.Run("answered late", func(t *testing.T) {
		rec, s := run(t, recv, full(func(i int) time.Time { return time.Date(2026, 4, 6+i, 9, 0, 0, 0, ict) })...)
		cs, _ := Clocks(rec, s, cal(), time.Date(2026, 5, 1, 9, 0, 0, 0, ict))
		if OnTime(cs) || outcomes(t, rec, s, day(30, 9))[ClockHandle] != OutcomeMissed {
			t.Fatalf("approved after 25 working days counted on time: %+v", cs)
		}
	})
	t.Run("overdue while open", func(t *testing.T) {
		rec, s := run(t, recv)
		if got := outcomes(t, rec, s, day(20, 9)); got[ClockHandle] != OutcomeRunning {
			t.Fatalf("day 14: %v", got)
		}
		if got := outcomes(t, rec, s, day(24, 9)); got[ClockHandle] != OutcomeOverdue {
			t.Fatalf("day 17: %v", got)
		}
	})
	t.Run("transfer restarts the count", func(t *testing.T) {
		rec, s := run(t, recv,
			Command{Action: ActionClassify, Role: RoleDesk, Class: ClassConduct, At: day(2, 10)},
			Command{Action: ActionTransfer, Role: RoleDesk, ToUnit: "U2", At: day(13, 9)})
		if s.Unit != "U2" || s.Status != StatusReceived || s.Transfers != 1 {
			t.Fatalf("after transfer: %+v", s)
		}
		cs, _ := Clocks(rec, s, cal(), day(25, 9))
		if len(cs) != 1 || !cs[0].Start.Equal(day(13, 9)) || cs[0].Outcome != OutcomeRunning {
			t.Fatalf("clocks after transfer: %+v", cs)
		}
	})
	t.Run("published and rated", func(t *testing.T) {
		_, s := run(t, recv, append(full(func(i int) time.Time { return day(3+i, 9) }),
			Command{Action: ActionReact, Role: RoleSender, Reaction: ReactionDisliked, At: day(9, 9)},
			Command{Action: ActionReact, Role: RoleSender, Reaction: ReactionLiked, At: day(9, 10)})...)
		if s.Status != StatusPublished || s.Reaction != ReactionLiked {
			t.Fatalf("got %+v", s)
		}
	})
}

func TestDecideRefuses(t *testing.T) {
	t.Parallel()
	s := State{Version: 1, Status: StatusReceived, Unit: "U1"}
	cases := []struct {
		c    Command
		code fault.Code
	}{
		{Command{Action: ActionApprove, Role: RoleLeader}, fault.Conflict},
		{Command{Action: ActionRefuse, Role: RoleSpecialist, Reason: "x"}, fault.Forbidden},
		{Command{Action: ActionRefuse, Role: RoleDesk}, fault.Invalid},
		{Command{Action: ActionClassify, Role: RoleDesk, Class: "x"}, fault.Invalid},
		{Command{Action: ActionTransfer, Role: RoleDesk, ToUnit: "U1"}, fault.Invalid},
		{Command{Action: ActionReact, Role: RoleSender, Reaction: ReactionLiked}, fault.Conflict},
		{Command{Action: "nope", Role: RoleDesk}, fault.Invalid},
	}
	for _, tc := range cases {
		if _, err := Decide(s, tc.c); fault.CodeOf(err) != tc.code {
			t.Errorf("%s as %s: got %v, want %s", tc.c.Action, tc.c.Role, err, tc.code)
		}
	}
}

func TestSubmissionNormalize(t *testing.T) {
	t.Parallel()
	ok := Submission{UnitCode: "U1", Channel: ChannelWeb, Kind: KindRegulation, Content: " Nội dung ",
		Sender: Sender{Name: "Nguyễn Văn A", Phone: "0912 345 678"}}
	if err := ok.Normalize(); err != nil || ok.Title != "Nội dung" {
		t.Fatalf("got %v, title %q", err, ok.Title)
	}
	noContact := ok
	noContact.Sender.Phone = ""
	if err := noContact.Normalize(); fault.As(err) == nil || fault.As(err).Fields["contact"] == "" {
		t.Fatalf("no contact: %v", err)
	}
	empty := Submission{UnitCode: "U1", Channel: ChannelWeb, Kind: KindDossier}
	f := fault.As(empty.Normalize())
	if f == nil || f.Fields["content"] == "" || f.Fields["name"] == "" || f.Fields["dossier_code"] == "" {
		t.Fatalf("empty: %v", f)
	}
	big := ok
	big.Content = stringsRepeat("a", MaxContent+1)
	if err := big.Normalize(); fault.CodeOf(err) != fault.TooLarge {
		t.Fatalf("oversized: %v", err)
	}
	if got := FormatCode("H40.12.05", time.Date(2026, 3, 2, 23, 30, 0, 0, time.UTC), 7); got != "PA-H40.12.05-260303-0007" {
		t.Fatalf("code: %s", got)
	}
}

func stringsRepeat(s string, n int) string {
	out := make([]byte, 0, n*len(s))
	for range n {
		out = append(out, s...)
	}
	return string(out)
}

func TestRulesAreVersionedData(t *testing.T) {
	t.Parallel()
	r := RulesAt(calendar.NewDate(2026, 1, 1))
	if r.RefuseDays != 2 || r.InfoDays != 5 || r.HandleDays != 15 || r.PublishDays != 2 || r.Source == "" || r.Unconfirmed == "" {
		t.Fatalf("got %+v", r)
	}
	if RulesByVersion("nope").Version != RuleBook[0].Version {
		t.Fatal("unknown version")
	}
}
