package report

import (
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/catalog"
	"motcua/internal/dossier"
)

const home = "H40.12.01"

func ict(m time.Month, d, hh, mm int) time.Time {
	return time.Date(2026, m, d, hh, mm, 0, 0, calendar.Zone())
}

// step is one action of a hand-built history.
type step struct {
	action dossier.Action
	at     time.Time
	role   dossier.Role
	newDue time.Time
}

func do(a dossier.Action, at time.Time) step { return step{action: a, at: at} }

// built runs the history through the dossier rules (dossier.Act) and summarises it.
func built(t *testing.T, cal *calendar.Calendar, code, field string, ch dossier.Channel, steps ...step) Dossier {
	t.Helper()
	d := dossier.Dossier{
		Code: code, ProcedureCode: "1.000" + field, UnitCode: home, Channel: ch,
		Deadline: calendar.Deadline{Days: 3}, SupplementRule: dossier.SupplementPause,
		Process: dossier.Process{Version: 1, Steps: []dossier.Step{{Name: "Giải quyết", Role: dossier.RoleOneStop, Days: 3}}},
	}
	var st dossier.State
	for _, s := range steps {
		role := s.role
		switch {
		case role != "":
		case s.action == dossier.ActionSubmit:
			role = dossier.RoleApplicant
		case s.action == dossier.ActionExtend:
			role = dossier.RoleLeader
		default:
			role = dossier.RoleOneStop
		}
		c := dossier.Command{Action: s.action, Actor: "u." + string(role), Role: role, Unit: home, NewDue: s.newDue}
		switch s.action {
		case dossier.ActionRefuse:
			c.Reason = "Không thuộc thẩm quyền."
		case dossier.ActionExtend:
			c.Reason = "Cần xác minh thêm."
		case dossier.ActionRequestSupplement:
			c.Reason = "Giấy tờ bổ sung chưa đủ." // required from the second request on
		}
		var err error
		if d, st, err = dossier.Act(d, c, cal, s.at); err != nil {
			t.Fatalf("%s: %s at %s: %v", code, s.action, s.at, err)
		}
	}
	sum := FromState(d, st, field)
	return sum
}

// handBuilt is a small history around the statutory month April 2026 (15/03/2026 –
// 14/04/2026; no holiday falls in it), every dossier with a 3-working-day deadline, so
// that one received on a Monday at 09:00 is due on the Thursday at 09:00.
func handBuilt(t *testing.T) []Dossier {
	cal := calendar.New(calendar.DefaultSchedule(), calendar.Seed())
	const (
		recv, submit, accept          = dossier.ActionReceive, dossier.ActionSubmit, dossier.ActionAccept
		fwd, refuse, withdraw, extend = dossier.ActionForward, dossier.ActionRefuse, dossier.ActionWithdraw, dossier.ActionExtend
		supp, suppIn                  = dossier.ActionRequestSupplement, dossier.ActionSupplementReceived
		counter, online               = dossier.ChannelCounter, dossier.ChannelOnline
		hotich, chungthuc             = "HT", "CT"
		mar, apr                      = time.March, time.April
	)
	return []Dossier{
		// Hộ tịch.
		built(t, cal, "early", hotich, counter, do(recv, ict(mar, 16, 9, 0)), do(fwd, ict(mar, 18, 10, 0))),
		built(t, cal, "on-time", hotich, online, do(submit, ict(mar, 14, 20, 0)), do(accept, ict(mar, 16, 9, 0)),
			do(fwd, ict(mar, 19, 15, 0))),
		built(t, cal, "late", hotich, counter, do(recv, ict(mar, 23, 9, 0)), do(fwd, ict(mar, 27, 8, 0))),
		// Due Thu 2/4; the apology moves the appointment to Tue 7/4, finished Mon 6/4:
		// still late against the original appointment.
		built(t, cal, "apology", hotich, counter, do(recv, ict(mar, 30, 9, 0)),
			step{action: extend, at: ict(mar, 31, 9, 0), newDue: ict(apr, 7, 17, 0)}, do(fwd, ict(apr, 6, 10, 0))),
		// Received Wed 11/3 (before the period), due Mon 16/3, finished Tue 17/3.
		built(t, cal, "carried", hotich, counter, do(recv, ict(mar, 11, 9, 0)), do(fwd, ict(mar, 17, 9, 0))),
		// Received Thu 9/4, due Tue 14/4 — the period's last day — and still open.
		built(t, cal, "overdue", hotich, counter, do(recv, ict(apr, 9, 9, 0))),
		// Not counted: received after the period; finished before it.
		built(t, cal, "after", hotich, counter, do(recv, ict(apr, 15, 9, 0))),
		built(t, cal, "before", hotich, counter, do(recv, ict(mar, 2, 9, 0)), do(fwd, ict(mar, 5, 9, 0))),

		// Chứng thực.
		// Two supplement requests, each paused: due moves from Thu 19/3 09:00 by one
		// working day and one hour to Fri 20/3 10:00; finished Fri 20/3 09:30.
		built(t, cal, "two-supplements", chungthuc, counter, do(recv, ict(mar, 16, 9, 0)),
			do(supp, ict(mar, 17, 9, 0)), do(suppIn, ict(mar, 18, 9, 0)),
			do(supp, ict(mar, 18, 10, 0)), do(suppIn, ict(mar, 18, 11, 0)), do(fwd, ict(mar, 20, 9, 30))),
		built(t, cal, "withdrawn", chungthuc, online, do(submit, ict(mar, 16, 8, 0)), do(accept, ict(mar, 17, 9, 0)),
			step{action: withdraw, at: ict(mar, 20, 9, 0), role: dossier.RoleApplicant}),
		// Refused the day it was received, due Fri 27/3: resolved early.
		built(t, cal, "refused", chungthuc, counter, do(recv, ict(mar, 24, 9, 0)), do(refuse, ict(mar, 24, 10, 0))),
		// Received Mon 13/4, due Thu 16/4: open and in time.
		built(t, cal, "in-time", chungthuc, online, do(submit, ict(apr, 12, 9, 0)), do(accept, ict(apr, 13, 9, 0))),
		// Received Wed 8/4, due Mon 13/4, finished Thu 16/4 after the period: in progress
		// and overdue at its end.
		built(t, cal, "finished-after", chungthuc, counter, do(recv, ict(apr, 8, 9, 0)), do(fwd, ict(apr, 16, 9, 0))),
		// Not counted: submitted online and never accepted; refused before acceptance.
		built(t, cal, "waiting", chungthuc, online, do(submit, ict(mar, 20, 9, 0))),
		built(t, cal, "refused-unaccepted", chungthuc, online, do(submit, ict(mar, 20, 9, 0)), do(refuse, ict(mar, 20, 10, 0))),
	}
}

func TestII06aHandBuilt(t *testing.T) {
	ds := handBuilt(t)
	p, err := Named(Month, 2026, 4)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := p.From.String()+" "+p.To.String(), "2026-03-15 2026-04-14"; got != want {
		t.Fatalf("period: got %s, want %s", got, want)
	}
	wantClass := map[string]Class{
		"early":              {ReceivedDirect, ResolvedEarly},
		"on-time":            {ReceivedOnline, ResolvedOnTime},
		"late":               {ReceivedDirect, ResolvedLate},
		"apology":            {ReceivedDirect, ResolvedLate},
		"carried":            {ReceivedCarried, ResolvedLate},
		"overdue":            {ReceivedDirect, InProgressOverdue},
		"after":              {},
		"before":             {},
		"two-supplements":    {ReceivedDirect, ResolvedOnTime},
		"withdrawn":          {ReceivedOnline, Withdrawn},
		"refused":            {ReceivedDirect, ResolvedEarly},
		"in-time":            {ReceivedOnline, InProgressInTime},
		"finished-after":     {ReceivedDirect, InProgressOverdue},
		"waiting":            {},
		"refused-unaccepted": {},
	}
	for _, d := range ds {
		if got, want := ClassifyII06a(d, p), wantClass[d.Code]; got != want {
			t.Errorf("%s: got %+v, want %+v", d.Code, got, want)
		}
	}
	fields := []catalog.Field{{Code: "CT", Name: "Chứng thực"}, {Code: "HT", Name: "Hộ tịch"}}
	r := BuildII06a(p, fields, ds)
	want := []Row{
		{FieldCode: "CT", FieldName: "Chứng thực", Counts: Counts{
			Received:   ReceivedCounts{Total: 5, Online: 2, DirectPostal: 3, CarriedOver: 0},
			Resolved:   ResolvedCounts{Total: 2, Early: 1, OnTime: 1, Late: 0},
			InProgress: InProgressCounts{Total: 2, InTime: 1, Overdue: 1},
			Withdrawn:  1,
		}},
		{FieldCode: "HT", FieldName: "Hộ tịch", Counts: Counts{
			Received:   ReceivedCounts{Total: 6, Online: 1, DirectPostal: 4, CarriedOver: 1},
			Resolved:   ResolvedCounts{Total: 5, Early: 1, OnTime: 1, Late: 3},
			InProgress: InProgressCounts{Total: 1, InTime: 0, Overdue: 1},
			Withdrawn:  0,
		}},
	}
	wantTotal := Counts{
		Received:   ReceivedCounts{Total: 11, Online: 3, DirectPostal: 7, CarriedOver: 1},
		Resolved:   ResolvedCounts{Total: 7, Early: 2, OnTime: 2, Late: 3},
		InProgress: InProgressCounts{Total: 3, InTime: 1, Overdue: 2},
		Withdrawn:  1,
	}
	if len(r.Rows) != len(want) {
		t.Fatalf("got %d rows, want %d: %+v", len(r.Rows), len(want), r.Rows)
	}
	for i := range want {
		for _, c := range Cells() {
			if got, w := r.Rows[i].Cell(c), want[i].Cell(c); got != w {
				t.Errorf("row %s, %s: got %d, want %d", want[i].FieldCode, c, got, w)
			}
		}
		if r.Rows[i].FieldCode != want[i].FieldCode || r.Rows[i].FieldName != want[i].FieldName {
			t.Errorf("row %d: got %s %s, want %s %s", i, r.Rows[i].FieldCode, r.Rows[i].FieldName, want[i].FieldCode, want[i].FieldName)
		}
	}
	for _, c := range Cells() {
		if got, w := r.Total.Cell(c), wantTotal.Cell(c); got != w {
			t.Errorf("total, %s: got %d, want %d", c, got, w)
		}
	}
	if err := r.Check(); err != nil {
		t.Error(err)
	}
}

// TestOriginalAppointment checks that the apology's new date is the appointment in
// force while timeliness, in the report and for the QĐ 766 index, uses the original one;
// and that two supplement requests make a dossier late for the index only.
func TestOriginalAppointment(t *testing.T) {
	byCode := map[string]Dossier{}
	for _, d := range handBuilt(t) {
		byCode[d.Code] = d
	}
	now := ict(time.April, 20, 9, 0)
	tests := []struct {
		code             string
		due, originalDue time.Time
		extended         bool
		supplements      int
		timeliness       dossier.Timeliness
	}{
		{"apology", ict(time.April, 7, 17, 0), ict(time.April, 2, 9, 0), true, 0, dossier.Late},
		{"two-supplements", ict(time.March, 20, 10, 0), ict(time.March, 20, 10, 0), false, 2, dossier.Late},
		{"early", ict(time.March, 19, 9, 0), ict(time.March, 19, 9, 0), false, 0, dossier.Early},
		{"overdue", ict(time.April, 14, 9, 0), ict(time.April, 14, 9, 0), false, 0, dossier.Overdue},
		{"in-time", ict(time.April, 16, 9, 0), ict(time.April, 16, 9, 0), false, 0, dossier.Overdue},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			d := byCode[tt.code]
			if !d.DueAt.Equal(tt.due) {
				t.Errorf("due: got %s, want %s", d.DueAt, tt.due)
			}
			if !d.OriginalDueAt.Equal(tt.originalDue) {
				t.Errorf("original due: got %s, want %s", d.OriginalDueAt, tt.originalDue)
			}
			if d.Extended != tt.extended || d.Supplements != tt.supplements {
				t.Errorf("extended, supplements: got %v %d, want %v %d", d.Extended, d.Supplements, tt.extended, tt.supplements)
			}
			if got := d.Timeliness(now); got != tt.timeliness {
				t.Errorf("timeliness: got %s, want %s", got, tt.timeliness)
			}
		})
	}
}
