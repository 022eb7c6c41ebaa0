package dossier

import (
	"testing"
	"time"
)

func TestTimeliness(t *testing.T) {
	due := ict(2026, 11, 9, 17, 0)
	finished := func(at time.Time) State {
		return State{Status: StatusResultReady, DueAt: due, FinishedAt: at}
	}
	open := State{Status: StatusProcessing, DueAt: due}
	tests := []struct {
		name string
		st   State
		now  time.Time
		want Timeliness
	}{
		{"finished the day before", finished(ict(2026, 11, 8, 23, 59)), due, Early},
		{"finished on the due day, late evening", finished(ict(2026, 11, 9, 23, 30)), due, OnTime},
		// 00:30 UTC+7 on the 10th is 17:30 UTC on the 9th: still the next civil day.
		{"finished 00:30 UTC+7 the next day", finished(time.Date(2026, 11, 9, 17, 30, 0, 0, time.UTC)), due, Late},
		{"finished 23:30 UTC+7 given in UTC", finished(time.Date(2026, 11, 9, 16, 30, 0, 0, time.UTC)), due, OnTime},
		{"refused early", State{Status: StatusRefused, DueAt: due, FinishedAt: ict(2026, 11, 3, 9, 0)}, due, Early},
		{"two supplements", State{Status: StatusReturned, DueAt: due, FinishedAt: ict(2026, 11, 3, 9, 0), Supplements: 2}, due, Late},
		{"one supplement", State{Status: StatusReturned, DueAt: due, FinishedAt: ict(2026, 11, 3, 9, 0), Supplements: 1}, due, Early},
		{"finished without appointment", State{Status: StatusWithdrawn, FinishedAt: ict(2026, 11, 3, 9, 0)}, due, OnTime},
		{"withdrawn while waiting", State{Status: StatusWithdrawn, DueAt: due, Paused: true,
			PausedAt: ict(2026, 11, 5, 9, 0), FinishedAt: ict(2026, 12, 1, 9, 0)}, due, Early},
		{"open on the due day late evening", open, ict(2026, 11, 9, 23, 59), InTime},
		{"open past midnight UTC+7", open, time.Date(2026, 11, 9, 17, 30, 0, 0, time.UTC), Overdue},
		{"open before", open, ict(2026, 11, 2, 9, 0), InTime},
		{"submitted without appointment", State{Status: StatusSubmitted}, ict(2030, 1, 1, 0, 0), InTime},
		{"paused in time", State{Status: StatusSupplementRequested, DueAt: due, Paused: true,
			PausedAt: ict(2026, 11, 5, 9, 0)}, ict(2026, 12, 1, 9, 0), InTime},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.st.Timeliness(tt.now); got != tt.want {
				t.Fatalf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestUrgency(t *testing.T) {
	cal := newCal(t)
	due := ict(2026, 11, 9, 8, 0) // Monday
	open := State{Status: StatusProcessing, DueAt: due}
	tests := []struct {
		name string
		st   State
		now  time.Time
		want string
	}{
		{"a week ahead", open, ict(2026, 11, 2, 8, 0), UrgencyOK},
		{"friday before, more than a working day", open, ict(2026, 11, 6, 7, 30), UrgencyOK},
		{"friday before, within a working day", open, ict(2026, 11, 6, 9, 0), UrgencySoon},
		{"passed", open, ict(2026, 11, 9, 8, 1), UrgencyOverdue},
		{"paused", State{Status: StatusSupplementRequested, DueAt: due, Paused: true}, ict(2026, 11, 10, 8, 0), UrgencyOK},
		{"finished", State{Status: StatusResultReady, DueAt: due}, ict(2026, 11, 10, 8, 0), UrgencyOK},
		{"no appointment", State{Status: StatusSubmitted}, ict(2026, 11, 10, 8, 0), UrgencyOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Urgency(tt.st, tt.now, cal); got != tt.want {
				t.Fatalf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestLabels(t *testing.T) {
	for _, s := range Statuses() {
		if s.Label() == string(s) || s.Label() == "" {
			t.Errorf("status %s: got label %q, want a Vietnamese label", s, s.Label())
		}
		if got, err := ParseStatus(string(s)); err != nil || got != s {
			t.Errorf("ParseStatus(%s): got %s, %v, want %s", s, got, err, s)
		}
	}
	for _, a := range Actions() {
		if a.Label() == string(a) {
			t.Errorf("action %s: got label %q, want a Vietnamese label", a, a.Label())
		}
		if _, ok := RuleOf(a); !ok {
			t.Errorf("action %s: got no rule, want one", a)
		}
	}
	for _, r := range Roles() {
		if r.Label() == string(r) {
			t.Errorf("role %s: got label %q, want a Vietnamese label", r, r.Label())
		}
	}
	for _, c := range Channels() {
		if c.Label() == string(c) {
			t.Errorf("channel %s: got label %q, want a Vietnamese label", c, c.Label())
		}
	}
	for _, tl := range []Timeliness{Early, OnTime, Late, InTime, Overdue} {
		if tl.Label() == string(tl) {
			t.Errorf("timeliness %s: got label %q, want a Vietnamese label", tl, tl.Label())
		}
	}
	if StatusSupplementRequested.Label() != "Chờ bổ sung" || StatusProcessing.Label() != "Đang xử lý" {
		t.Errorf("got %q, %q, want Chờ bổ sung, Đang xử lý", StatusSupplementRequested.Label(), StatusProcessing.Label())
	}
	if _, err := ParseStatus("done"); err == nil {
		t.Errorf("ParseStatus(done): got no error, want one")
	}
}
