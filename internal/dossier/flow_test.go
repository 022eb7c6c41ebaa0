package dossier

import (
	"strings"
	"testing"
	"time"

	"motcua/internal/fault"
)

func TestHappyPathCounter(t *testing.T) {
	cal := newCal(t)
	d := newDossier(ChannelCounter)
	t0 := ict(2026, 11, 2, 8, 0) // Monday
	steps := []struct {
		cmd        Command
		at         time.Time
		wantStatus Status
		wantStep   int
		wantName   string
	}{
		{cmd(ActionReceive, RoleOneStop), t0, StatusReceived, 0, "Tiếp nhận hồ sơ"},
		{cmd(ActionForward, RoleOneStop), ict(2026, 11, 2, 9, 0), StatusProcessing, 1, "Thẩm định"},
		{cmd(ActionAssign, RoleLeader), ict(2026, 11, 2, 9, 30), StatusProcessing, 1, "Thẩm định"},
		{cmd(ActionForward, RoleSpecialist), ict(2026, 11, 4, 10, 0), StatusProcessing, 2, "Phê duyệt"},
		{cmd(ActionForward, RoleLeader), ict(2026, 11, 4, 15, 0), StatusResultReady, 2, ""},
		{cmd(ActionReturnResult, RoleOneStop), ict(2026, 11, 6, 9, 0), StatusReturned, 2, ""},
	}
	var st State
	for i, s := range steps {
		st = act(t, cal, &d, s.at, s.cmd)
		if st.Status != s.wantStatus || st.Step != s.wantStep || st.StepName != s.wantName {
			t.Fatalf("after %s: got %s step %d %q, want %s step %d %q",
				s.cmd.Action, st.Status, st.Step, st.StepName, s.wantStatus, s.wantStep, s.wantName)
		}
		if st.Version != i+1 || d.Version() != i+1 {
			t.Fatalf("after %s: got version %d/%d, want %d", s.cmd.Action, st.Version, d.Version(), i+1)
		}
	}
	if want := dueOnly(t, cal, t0, 5); !st.DueAt.Equal(want) {
		t.Fatalf("got due %v, want %v", st.DueAt, want)
	}
	if !st.ReceivedAt.Equal(t0) || !st.FinishedAt.Equal(ict(2026, 11, 4, 15, 0)) || !st.ReturnedAt.Equal(ict(2026, 11, 6, 9, 0)) {
		t.Fatalf("got received %v finished %v returned %v, want the event instants", st.ReceivedAt, st.FinishedAt, st.ReturnedAt)
	}
	if got := st.Timeliness(ict(2026, 11, 20, 9, 0)); got != Early {
		t.Fatalf("got timeliness %s, want %s", got, Early)
	}
	if d.Events[2].Assignee != "cv2" || d.Events[2].Step != 1 {
		t.Fatalf("got assign event %+v, want assignee cv2 at step 1", d.Events[2])
	}
	rows, err := StepResults(d, st, cal)
	if err != nil {
		t.Fatalf("StepResults: %v", err)
	}
	want := []struct {
		step   int
		to     string
		result Timeliness
	}{
		{0, "user.motcua", Early},    // 1 h used of 0.5 day
		{1, "user.chuyenvien", Late}, // Mon 9:00 → Wed 10:00 is more than 2 days
		{2, "user.lanhdao", Early},   // Wed 10:00 → 15:00 is 3 h, within 0.5 day
	}
	if len(rows) != len(want) {
		t.Fatalf("got %d rows, want %d", len(rows), len(want))
	}
	for i, w := range want {
		if rows[i].Step != w.step || rows[i].To != w.to || rows[i].Result != w.result || rows[i].Unit != home {
			t.Fatalf("row %d: got %+v, want step %d to %s result %s", i, rows[i], w.step, w.to, w.result)
		}
	}
	if want := dueOnly(t, cal, ict(2026, 11, 2, 9, 0), 2); !rows[1].Due.Equal(want) {
		t.Fatalf("got step 1 due %v, want %v", rows[1].Due, want)
	}
}

func TestOnlineSupplementPause(t *testing.T) {
	for _, rule := range []string{SupplementPause, SupplementReset} {
		t.Run(rule, func(t *testing.T) {
			cal := newCal(t)
			d := newDossier(ChannelOnline)
			d.SupplementRule = rule
			citizen := Command{Actor: "citizen", Role: RoleApplicant}
			submit := citizen
			submit.Action = ActionSubmit
			st := act(t, cal, &d, ict(2026, 10, 31, 21, 0), submit) // Saturday night
			if st.Status != StatusSubmitted || !st.DueAt.IsZero() {
				t.Fatalf("got %s due %v, want submitted without due", st.Status, st.DueAt)
			}
			accepted := ict(2026, 11, 2, 8, 0)
			st = act(t, cal, &d, accepted, cmd(ActionAccept, RoleOneStop))
			due := dueOnly(t, cal, accepted, 5)
			if st.Status != StatusReceived || !st.DueAt.Equal(due) {
				t.Fatalf("got %s due %v, want received due %v", st.Status, st.DueAt, due)
			}
			act(t, cal, &d, ict(2026, 11, 2, 9, 0), cmd(ActionForward, RoleOneStop))
			st = act(t, cal, &d, ict(2026, 11, 3, 9, 0), cmd(ActionRequestSupplement, RoleSpecialist))
			if st.Status != StatusSupplementRequested || !st.Paused || st.Supplements != 1 || st.StepName != "Thẩm định" {
				t.Fatalf("got %+v, want paused supplement_requested at Thẩm định", st)
			}
			back := citizen
			back.Action = ActionSupplementReceived
			resumed := ict(2026, 11, 5, 9, 0) // two working days later
			st = act(t, cal, &d, resumed, back)
			if st.Status != StatusProcessing || st.Step != 1 || st.Paused {
				t.Fatalf("got %s step %d paused %v, want processing step 1 running", st.Status, st.Step, st.Paused)
			}
			want := dueOnly(t, cal, due, 2)
			if rule == SupplementReset {
				want = dueOnly(t, cal, resumed, 5)
			}
			if !st.DueAt.Equal(want) {
				t.Fatalf("got due %v, want %v", st.DueAt, want)
			}
			if rule == SupplementPause && st.PausedFor != 16*time.Hour {
				t.Fatalf("got paused for %v, want 16h of working time", st.PausedFor)
			}
		})
	}
}

func TestSecondSupplementIsLate(t *testing.T) {
	cal := newCal(t)
	d := newDossier(ChannelCounter)
	act(t, cal, &d, ict(2026, 11, 2, 8, 0), cmd(ActionReceive, RoleOneStop))
	for i, day := range []int{2, 3} {
		c := cmd(ActionRequestSupplement, RoleOneStop)
		if i == 1 {
			// The second request needs a reason: it makes the dossier late.
			_, _, err := Act(d, c, cal, ict(2026, 11, day, 9, 0))
			wantCode(t, err, fault.Invalid)
			if msg := fault.As(err).Fields["reason"]; !strings.Contains(msg, "766") {
				t.Fatalf("got reason message %q, want the QĐ 766 warning", msg)
			}
			c.Reason = "Giấy tờ bổ sung lần trước vẫn thiếu chữ ký"
			c.Documents = []MissingDocument{{Name: " Tờ khai có chữ ký ", Originals: 1}}
		}
		act(t, cal, &d, ict(2026, 11, day, 9, 0), c)
		st := act(t, cal, &d, ict(2026, 11, day, 10, 0), cmd(ActionSupplementReceived, RoleOneStop))
		if st.Supplements != i+1 || st.Status != StatusReceived {
			t.Fatalf("got %d supplements, status %s, want %d, received", st.Supplements, st.Status, i+1)
		}
	}
	if e := d.Events[3]; e.Reason == "" || len(e.Documents) != 1 || e.Documents[0].Name != "Tờ khai có chữ ký" || e.Documents[0].Originals != 1 {
		t.Fatalf("got second request %+v, want its reason and the document listed", e)
	}
	act(t, cal, &d, ict(2026, 11, 4, 8, 0), cmd(ActionForward, RoleOneStop))
	act(t, cal, &d, ict(2026, 11, 4, 9, 0), cmd(ActionForward, RoleSpecialist))
	st := act(t, cal, &d, ict(2026, 11, 4, 10, 0), cmd(ActionForward, RoleLeader))
	if got := st.Timeliness(ict(2026, 11, 4, 10, 0)); got != Late {
		t.Fatalf("got %s, want %s for two supplement requests", got, Late)
	}
}

func TestExtend(t *testing.T) {
	cal := newCal(t)
	base := newDossier(ChannelCounter)
	act(t, cal, &base, ict(2026, 11, 2, 8, 0), cmd(ActionReceive, RoleOneStop))
	st := act(t, cal, &base, ict(2026, 11, 2, 9, 0), cmd(ActionForward, RoleOneStop))
	due := st.DueAt // Monday 9 November, 08:00
	if want := ict(2026, 11, 9, 8, 0); !due.Equal(want) {
		t.Fatalf("got due %v, want %v", due, want)
	}
	newDue := ict(2026, 11, 12, 17, 0)
	tests := []struct {
		name   string
		now    time.Time
		newDue time.Time
		reason string
		want   fault.Code
	}{
		{"early enough", ict(2026, 11, 4, 10, 0), newDue, "Cần xác minh", ""},
		{"exactly one working day before", ict(2026, 11, 6, 8, 0), newDue, "Cần xác minh", ""},
		{"less than one working day before", ict(2026, 11, 6, 9, 0), newDue, "Cần xác minh", fault.Conflict},
		{"after the due date", ict(2026, 11, 10, 9, 0), newDue, "Cần xác minh", fault.Conflict},
		{"new due not later", ict(2026, 11, 4, 10, 0), due, "Cần xác minh", fault.Invalid},
		{"no reason", ict(2026, 11, 4, 10, 0), newDue, " ", fault.Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := cmd(ActionExtend, RoleLeader)
			c.NewDue, c.Reason = tt.newDue, tt.reason
			d, st, err := Act(base, c, cal, tt.now)
			if got := fault.CodeOf(err); got != tt.want {
				t.Fatalf("got %q (%v), want %q", got, err, tt.want)
			}
			if err != nil {
				return
			}
			if !st.Extended || !st.DueAt.Equal(newDue) {
				t.Fatalf("got extended %v due %v, want true %v", st.Extended, st.DueAt, newDue)
			}
			c.NewDue = newDue.Add(48 * time.Hour)
			_, _, err = Act(d, c, cal, tt.now.Add(time.Hour))
			wantCode(t, err, fault.Conflict)
		})
	}
}

func TestRefuseNeedsReason(t *testing.T) {
	cal := newCal(t)
	d := newDossier(ChannelCounter)
	act(t, cal, &d, ict(2026, 11, 2, 8, 0), cmd(ActionReceive, RoleOneStop))
	c := cmd(ActionRefuse, RoleOneStop)
	c.Reason = ""
	_, _, err := Act(d, c, cal, ict(2026, 11, 2, 9, 0))
	wantCode(t, err, fault.Invalid)
	if _, ok := fault.As(err).Fields["reason"]; !ok {
		t.Fatalf("got fields %v, want a message for reason", fault.As(err).Fields)
	}
	st := act(t, cal, &d, ict(2026, 11, 2, 9, 0), cmd(ActionRefuse, RoleOneStop))
	if st.Status != StatusRefused || !st.FinishedAt.Equal(ict(2026, 11, 2, 9, 0)) || d.Events[1].Reason == "" {
		t.Fatalf("got %s finished %v, want refused with reason at 9:00", st.Status, st.FinishedAt)
	}
	if got := st.Timeliness(ict(2026, 12, 1, 9, 0)); got != Early {
		t.Fatalf("got %s, want %s", got, Early)
	}
}

func TestTransferAndBack(t *testing.T) {
	cal := newCal(t)
	d := newDossier(ChannelCounter)
	act(t, cal, &d, ict(2026, 11, 2, 8, 0), cmd(ActionReceive, RoleOneStop))
	act(t, cal, &d, ict(2026, 11, 2, 9, 0), cmd(ActionForward, RoleOneStop))
	st := act(t, cal, &d, ict(2026, 11, 2, 10, 0), cmd(ActionTransfer, RoleSpecialist))
	if st.Step != 2 || st.Unit != "T.THUE" || st.StepName != "Liên thông: T.THUE" || len(st.Steps) != 4 || len(d.Process.Steps) != 3 {
		t.Fatalf("got step %d unit %s name %q steps %d (pinned %d), want 2 T.THUE, 4 steps, 3 pinned",
			st.Step, st.Unit, st.StepName, len(st.Steps), len(d.Process.Steps))
	}
	// The home unit no longer holds the dossier; the other unit's officers do.
	_, _, err := Act(d, cmd(ActionForward, RoleSpecialist), cal, ict(2026, 11, 3, 9, 0))
	wantCode(t, err, fault.Forbidden)
	other := cmd(ActionSendBack, RoleSpecialist)
	other.Unit = "T.THUE"
	back, st2, err := Act(d, other, cal, ict(2026, 11, 3, 9, 0))
	if err != nil || st2.Step != 1 || st2.Unit != home || back.Events[len(back.Events)-1].Step != 2 {
		t.Fatalf("send back: got step %d unit %s err %v, want step 1 at %s from step 2", st2.Step, st2.Unit, err, home)
	}
	other.Action = ActionForward
	st = act(t, cal, &d, ict(2026, 11, 3, 9, 0), other)
	if st.Step != 3 || st.StepName != "Phê duyệt" || st.Unit != home || st.Status != StatusProcessing {
		t.Fatalf("got step %d %q unit %s %s, want step 3 Phê duyệt at %s", st.Step, st.StepName, st.Unit, st.Status, home)
	}
	st = act(t, cal, &d, ict(2026, 11, 3, 10, 0), cmd(ActionForward, RoleLeader))
	if st.Status != StatusResultReady {
		t.Fatalf("got %s, want %s", st.Status, StatusResultReady)
	}
	rows, err := StepResults(d, State{}, cal)
	if err != nil {
		t.Fatalf("StepResults: %v", err)
	}
	if len(rows) != 4 || rows[2].Unit != "T.THUE" || rows[2].Result != Early || rows[2].To != "user.chuyenvien" {
		t.Fatalf("got rows %+v, want 4 with the liên thông row at T.THUE, early", rows)
	}
	if want := dueOnly(t, cal, ict(2026, 11, 2, 10, 0), 2); !rows[2].Due.Equal(want) {
		t.Fatalf("got liên thông due %v, want %v", rows[2].Due, want)
	}
}

func TestTransferValidation(t *testing.T) {
	cal := newCal(t)
	d := newDossier(ChannelCounter)
	act(t, cal, &d, ict(2026, 11, 2, 8, 0), cmd(ActionReceive, RoleOneStop))
	act(t, cal, &d, ict(2026, 11, 2, 9, 0), cmd(ActionForward, RoleOneStop))
	tests := []struct {
		name   string
		toUnit string
		budget float64
		field  string
	}{
		{"no unit", "", 2, "to_unit"},
		{"own unit", home, 2, "to_unit"},
		{"zero budget", "T.THUE", 0, "step_budget"},
		{"negative budget", "T.THUE", -1, "step_budget"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := cmd(ActionTransfer, RoleLeader)
			c.ToUnit, c.StepBudget = tt.toUnit, tt.budget
			_, _, err := Act(d, c, cal, ict(2026, 11, 2, 10, 0))
			wantCode(t, err, fault.Invalid)
			if _, ok := fault.As(err).Fields[tt.field]; !ok {
				t.Fatalf("got fields %v, want %s", fault.As(err).Fields, tt.field)
			}
		})
	}
}

func TestProjectRejectsBadHistory(t *testing.T) {
	cal := newCal(t)
	at := ict(2026, 11, 2, 8, 0)
	tests := []struct {
		name   string
		events []Event
	}{
		{"wrong seq", []Event{{Seq: 2, Action: ActionReceive, At: at}}},
		{"unknown action", []Event{{Seq: 1, Action: "fly", At: at}}},
		{"not created first", []Event{{Seq: 1, Action: ActionForward, At: at}}},
		{"action after final", []Event{{Seq: 1, Action: ActionReceive, At: at}, {Seq: 2, Action: ActionRefuse, At: at},
			{Seq: 3, Action: ActionForward, At: at}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDossier(ChannelCounter)
			d.Events = tt.events
			if _, err := Project(d, cal); err == nil {
				t.Fatalf("got no error, want one")
			}
		})
	}
}

func TestDecideClampsEarlierNow(t *testing.T) {
	cal := newCal(t)
	d := newDossier(ChannelCounter)
	st := act(t, cal, &d, ict(2026, 11, 2, 8, 0), cmd(ActionReceive, RoleOneStop))
	e, err := Decide(d, st, cmd(ActionForward, RoleOneStop), cal, ict(2026, 11, 2, 7, 59))
	if err != nil {
		t.Fatalf("Decide: %v", err)
	}
	if !e.At.Equal(st.LastAt) || e.At.Location() != time.UTC || e.Seq != 2 {
		t.Fatalf("got event at %v seq %d, want %v in UTC, seq 2", e.At, e.Seq, st.LastAt)
	}
}

func TestCreationChecks(t *testing.T) {
	cal := newCal(t)
	tests := []struct {
		name   string
		change func(*Dossier)
	}{
		{"no steps", func(d *Dossier) { d.Process.Steps = nil }},
		{"step without role", func(d *Dossier) { d.Process.Steps[1].Role = RoleApplicant }},
		{"zero deadline", func(d *Dossier) { d.Deadline.Days = 0 }},
		{"unknown supplement rule", func(d *Dossier) { d.SupplementRule = "stop" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDossier(ChannelCounter)
			tt.change(&d)
			_, _, err := Act(d, cmd(ActionReceive, RoleOneStop), cal, ict(2026, 11, 2, 8, 0))
			wantCode(t, err, fault.Invalid)
		})
	}
}

// TestExtendKeepsLegalAppointment: an apology with a new appointment does not make a
// dossier finished after the legal appointment on time.
func TestExtendKeepsLegalAppointment(t *testing.T) {
	cal := newCal(t)
	d := newDossier(ChannelCounter)
	act(t, cal, &d, ict(2026, 11, 2, 8, 0), cmd(ActionReceive, RoleOneStop))
	st := act(t, cal, &d, ict(2026, 11, 2, 9, 0), cmd(ActionForward, RoleOneStop))
	legal := st.DueAt // Monday 9 November, 08:00
	c := cmd(ActionExtend, RoleLeader)
	c.NewDue = ict(2026, 11, 12, 17, 0)
	st = act(t, cal, &d, ict(2026, 11, 4, 10, 0), c)
	if !st.DueAt.Equal(c.NewDue) || !st.OriginalDueAt.Equal(legal) {
		t.Fatalf("got due %v original %v, want %v and %v", st.DueAt, st.OriginalDueAt, c.NewDue, legal)
	}
	if got := st.Timeliness(ict(2026, 11, 10, 9, 0)); got != Overdue {
		t.Errorf("open after the legal appointment: got %s, want overdue", got)
	}
	act(t, cal, &d, ict(2026, 11, 10, 9, 0), cmd(ActionForward, RoleSpecialist))
	st = act(t, cal, &d, ict(2026, 11, 11, 9, 0), cmd(ActionForward, RoleLeader))
	if st.Status != StatusResultReady {
		t.Fatalf("got %s, want result_ready", st.Status)
	}
	if got := st.Timeliness(ict(2026, 11, 11, 9, 0)); got != Late {
		t.Errorf("finished between the legal and the new appointment: got %s, want late", got)
	}
	if !st.DueAt.Equal(c.NewDue) || !st.OriginalDueAt.Equal(legal) {
		t.Errorf("after finishing: got due %v original %v, want %v and %v", st.DueAt, st.OriginalDueAt, c.NewDue, legal)
	}
}
