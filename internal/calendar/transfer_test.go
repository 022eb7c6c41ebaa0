package calendar

import (
	"testing"
	"time"
)

func TestTransferDue(t *testing.T) {
	c := seeded(t)
	tests := []struct {
		name, received, want string
	}{
		{"morning, at once", "2026-03-05T09:00:00+07:00", "2026-03-05T09:00:00+07:00"},
		{"14:59, at once", "2026-03-05T14:59:00+07:00", "2026-03-05T14:59:00+07:00"},
		{"15:00, next working day", "2026-03-05T15:00:00+07:00", "2026-03-06T07:00:00+07:00"},
		{"16:00 on Friday before Giỗ Tổ compensatory Monday", "2026-04-24T16:00:00+07:00", "2026-04-28T07:00:00+07:00"},
		{"Saturday", "2026-03-07T09:00:00+07:00", "2026-03-09T07:00:00+07:00"},
		{"lunch break", "2026-03-05T12:00:00+07:00", "2026-03-05T13:30:00+07:00"},
		{"early morning", "2026-03-05T06:00:00+07:00", "2026-03-05T07:00:00+07:00"},
		{"evening", "2026-03-05T20:00:00+07:00", "2026-03-06T07:00:00+07:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.TransferDue(instant(t, tt.received))
			if got.Format(time.RFC3339) != tt.want {
				t.Errorf("got %s, want %s", got.Format(time.RFC3339), tt.want)
			}
		})
	}
}

func TestReceiving(t *testing.T) {
	s := DefaultSchedule()
	s.SaturdayReception = true
	withSat, plain := New(s, Seed()), seeded(t)
	tests := []struct {
		name     string
		at       string
		withSat  bool
		plainDay bool
	}{
		{"weekday morning", "2026-03-05T09:00:00+07:00", true, true},
		{"weekday lunch", "2026-03-05T12:00:00+07:00", false, false},
		{"Saturday morning", "2026-03-07T09:00:00+07:00", true, false},
		{"Saturday afternoon", "2026-03-07T14:00:00+07:00", false, false},
		{"Sunday", "2026-03-08T09:00:00+07:00", false, false},
		{"Tết", "2026-02-17T09:00:00+07:00", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at := instant(t, tt.at)
			if got := withSat.Receiving(at); got != tt.withSat {
				t.Errorf("with Saturday reception: got %v, want %v", got, tt.withSat)
			}
			if got := plain.Receiving(at); got != tt.plainDay {
				t.Errorf("without: got %v, want %v", got, tt.plainDay)
			}
		})
	}
	// Saturday reception does not make Saturday count.
	due, err := withSat.DueOnly(instant(t, "2026-03-07T09:00:00+07:00"), Deadline{Days: 1})
	if want := "2026-03-09T17:00:00+07:00"; err != nil || due.Format(time.RFC3339) != want {
		t.Errorf("got %v (%v), want %s", due, err, want)
	}
}
