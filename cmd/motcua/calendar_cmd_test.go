package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"

	"motcua/internal/calendar"
)

// testLoader returns the seeded country-wide calendar, and an error for unit "NONE".
func testLoader(_ context.Context, unit string) (*calendar.Calendar, error) {
	if unit == "NONE" {
		return nil, errors.New("unit not found")
	}
	return calendar.New(calendar.DefaultSchedule(), calendar.Seed()), nil
}

// runCalendar runs the command and returns stdout.
func runCalendar(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := calendarCommand(context.Background(), args, &out, io.Discard, testLoader)
	return out.String(), err
}

func TestCalendarCommandOutput(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"lunar", []string{"lunar", "2026-11-27"}, `{"day":19,"month":10,"year":2026,"leap":false}`},
		{"solar", []string{"solar", "1/1/2026"}, `{"date":"2026-02-17"}`},
		{"solar leap", []string{"solar", "1/6/2025", "--leap"}, `{"date":"2025-07-25"}`},
		{"solar leap first", []string{"solar", "--leap", "1/6/2025"}, `{"date":"2025-07-25"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := runCalendar(t, tt.args...)
			if err != nil || got != tt.want+"\n" {
				t.Errorf("got %q (%v), want %q", got, err, tt.want+"\n")
			}
		})
	}
}

func TestCalendarCommandHolidays(t *testing.T) {
	got, err := runCalendar(t, "holidays", "2026")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(got, "\n") != 1 || !strings.HasPrefix(got, `[{"date":"2026-01-01","name":"Tết Dương lịch","kind":"holiday"},`) {
		t.Errorf("got %q, want one JSON line starting with Tết Dương lịch", got)
	}
	var hs []calendar.Holiday
	if err := json.Unmarshal([]byte(got), &hs); err != nil || len(hs) != 12 {
		t.Errorf("got %d holidays (%v), want 12 (with 2/1/2026 swapped for Saturday 10/1)", len(hs), err)
	}
}

func TestCalendarCommandDue(t *testing.T) {
	for _, args := range [][]string{
		{"due", "--from", "2026-04-24T10:00:00+07:00", "--days", "3"},
		{"due", "--days", "3", "--from", "2026-04-24T03:00:00Z"},
		{"due", "--days=3", "--unit", "000.00.00.H01", "--from=2026-04-24T10:00:00+07:00"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			got, err := runCalendar(t, args...)
			if err != nil {
				t.Fatal(err)
			}
			var res struct {
				Due     string `json:"due"`
				Explain []struct {
					Date    string `json:"date"`
					Kind    string `json:"kind"`
					Minutes int    `json:"minutes"`
					Reason  string `json:"reason"`
				} `json:"explain"`
			}
			if err := json.Unmarshal([]byte(got), &res); err != nil {
				t.Fatalf("got %q: %v", got, err)
			}
			if res.Due != "2026-05-04T10:00:00+07:00" || len(res.Explain) != 11 || res.Explain[3].Kind != "skipped" ||
				res.Explain[0].Date != "2026-04-24" || strings.Count(got, "\n") != 1 {
				t.Errorf("got %s, want due 2026-05-04T10:00:00+07:00 with 11 explained days", got)
			}
		})
	}
	for _, tt := range []struct{ from, days, want string }{
		{"2026-12-04T14:00:00+07:00", "0", "2026-12-04T17:00:00+07:00"},
		{"2026-12-04T15:30:00+07:00", "0", "2026-12-07T17:00:00+07:00"},
		{"2025-12-31T10:00:00+07:00", "2", "2026-01-06T10:00:00+07:00"},
	} {
		got, err := runCalendar(t, "due", "--from", tt.from, "--days", tt.days)
		if err != nil || !strings.HasPrefix(got, `{"due":"`+tt.want+`"`) {
			t.Errorf("due --from %s --days %s: got %q (%v), want due %s", tt.from, tt.days, got, err, tt.want)
		}
	}
	got, err := runCalendar(t, "due", "--from", "2026-04-20T16:00:00+07:00", "--days", "6", "--calendar-days")
	if err != nil || !strings.HasPrefix(got, `{"due":"2026-04-28T17:00:00+07:00"`) {
		t.Errorf("got %q (%v), want due 2026-04-28T17:00:00+07:00", got, err)
	}
}

func TestCalendarCommandErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"no subcommand", nil, "thiếu lệnh con"},
		{"unknown subcommand", []string{"moon"}, "không có"},
		{"bad date", []string{"lunar", "2026-02-30"}, "không hợp lệ"},
		{"missing date", []string{"lunar"}, "tham số vị trí"},
		{"extra argument", []string{"lunar", "2026-01-01", "x"}, "tham số vị trí"},
		{"impossible lunar date", []string{"solar", "30/12/2025"}, "chỉ có 29 ngày"},
		{"not a leap month", []string{"solar", "1/5/2025", "--leap"}, "không có tháng 5 nhuận"},
		{"bad year", []string{"holidays", "20x6"}, "Năm"},
		{"missing days", []string{"due", "--from", "2026-04-24T10:00:00+07:00"}, "--days"},
		{"bad days", []string{"due", "--from", "2026-04-24T10:00:00+07:00", "--days", "-1"}, "Số ngày"},
		{"bad instant", []string{"due", "--from", "24/4/2026", "--days", "1"}, "RFC 3339"},
		{"unknown flag", []string{"due", "--fromm", "x"}, "tham số không hợp lệ"},
		{"unknown unit", []string{"due", "--from", "2026-04-24T10:00:00+07:00", "--days", "1", "--unit", "NONE"}, "đơn vị"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := runCalendar(t, tt.args...)
			if err == nil || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("got %v, want an error containing %q", err, tt.msg)
			}
			if out != "" {
				t.Errorf("got stdout %q, want nothing", out)
			}
		})
	}
}
