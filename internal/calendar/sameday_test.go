package calendar

import (
	"testing"
	"time"
)

func TestDueSameDay(t *testing.T) {
	c := seeded(t)
	tests := []struct {
		name, from, want string
		days             int // explained days
	}{
		{"received before the cut-off", "2026-12-04T14:00:00+07:00", "2026-12-04T17:00:00+07:00", 1},
		{"received at 15:00 exactly", "2026-12-04T15:00:00+07:00", "2026-12-04T17:00:00+07:00", 1},
		{"received after the cut-off on a Friday", "2026-12-04T15:30:00+07:00", "2026-12-07T17:00:00+07:00", 4},
		{"received before opening", "2026-12-03T06:30:00+07:00", "2026-12-03T17:00:00+07:00", 1},
		{"received at lunch", "2026-12-03T12:00:00+07:00", "2026-12-03T17:00:00+07:00", 1},
		{"received after hours", "2026-12-03T18:00:00+07:00", "2026-12-04T17:00:00+07:00", 2},
		{"received on a Saturday", "2026-12-05T09:00:00+07:00", "2026-12-07T17:00:00+07:00", 3},
		{"received on a holiday", "2026-01-01T09:00:00+07:00", "2026-01-05T17:00:00+07:00", 5},
		{"received on the make-up Saturday 10/1/2026", "2026-01-10T09:00:00+07:00", "2026-01-10T17:00:00+07:00", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, d := range []Deadline{{SameDay: true}, {Days: 0}} {
				got, ex, err := c.Due(instant(t, tt.from), d)
				if err != nil {
					t.Fatal(err)
				}
				if got.Format(time.RFC3339) != tt.want {
					t.Errorf("%+v: got %s, want %s", d, got.Format(time.RFC3339), tt.want)
				}
				if len(ex) != tt.days || ex[len(ex)-1].Kind != ExplainPartial || ex[len(ex)-1].Reason == "" {
					t.Errorf("%+v: got explanation %+v, want %d days ending with the due day", d, ex, tt.days)
				}
			}
		})
	}
	if _, err := c.DueOnly(instant(t, "2026-12-04T14:00:00+07:00"), Deadline{Days: 0, CalendarDays: true}); err == nil {
		t.Error("got no error for 0 calendar days, want one")
	}
}

func TestClockSameDay(t *testing.T) {
	c := seeded(t)
	d := Deadline{SameDay: true}
	start := instant(t, "2026-12-03T09:00:00+07:00")
	tests := []struct {
		name   string
		events []ClockEvent
		want   string
	}{
		{"start", []ClockEvent{{Kind: ClockStart, At: start}}, "2026-12-03T17:00:00+07:00"},
		{"paused two working hours", []ClockEvent{
			{Kind: ClockStart, At: start},
			{Kind: ClockPause, At: instant(t, "2026-12-03T10:00:00+07:00")},
			{Kind: ClockResume, At: instant(t, "2026-12-03T14:30:00+07:00")},
		}, "2026-12-04T09:30:00+07:00"},
		{"reset after the cut-off", []ClockEvent{
			{Kind: ClockStart, At: start},
			{Kind: ClockPause, At: instant(t, "2026-12-03T10:00:00+07:00")},
			{Kind: ClockReset, At: instant(t, "2026-12-03T16:00:00+07:00")},
		}, "2026-12-04T17:00:00+07:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := c.Clock(d, tt.events)
			if err != nil {
				t.Fatal(err)
			}
			if got := st.Due.Format(time.RFC3339); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}
