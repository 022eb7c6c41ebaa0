package calendar

import (
	"math"
	"testing"
	"time"
)

func FuzzParseDays(f *testing.F) {
	for _, s := range []string{"3", "0.5", "0,25", "-1", "NaN", "1e309", "0x1p-2", "3650.0001", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseDays(s)
		if err != nil {
			return
		}
		if math.IsNaN(v) || v <= 0 || v > MaxDeadlineDays {
			t.Errorf("ParseDays(%q) = %v, want 0 < v ≤ %d", s, v, MaxDeadlineDays)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-04-24", "2026-02-30", "2026-13-40", "0001-01-01", "9999-12-31", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Errorf("ParseDate(%q).String() = %q, want the input", s, d.String())
		}
		if d.AddDays(1).AddDays(-1) != d {
			t.Errorf("AddDays round trip of %v failed", d)
		}
	})
}

func FuzzLunar(f *testing.F) {
	f.Add(19, 10, 2026, false)
	f.Add(30, 12, 2025, false)
	f.Add(1, 6, 2025, true)
	f.Add(-5, 99, 1000000, true)
	f.Fuzz(func(t *testing.T, day, month, year int, leap bool) {
		l := LunarDate{Day: day, Month: month, Year: year, Leap: leap}
		d, err := FromLunar(l)
		if err != nil {
			return
		}
		back, err := ToLunar(d)
		if err != nil || back != l {
			t.Errorf("FromLunar(%v) = %v, ToLunar = %v (%v)", l, d, back, err)
		}
	})
}

func FuzzDue(f *testing.F) {
	f.Add(int64(1776999600), 3.0, false)
	f.Add(int64(1776999600), 0.001, false)
	f.Add(int64(-2208988800), 1.0, true)
	f.Add(int64(7258118400), 10.0, false)
	f.Add(int64(1776999600), math.NaN(), false)
	c := New(DefaultSchedule(), Seed())
	f.Fuzz(func(t *testing.T, unix int64, days float64, calendarDays bool) {
		from := time.Unix(unix, 0)
		due, err := c.DueOnly(from, Deadline{Days: days, CalendarDays: calendarDays})
		if err != nil {
			return
		}
		if due.Before(from) {
			t.Errorf("due %v is before receipt %v", due, from)
		}
		if !inWorkingTime(c, due) {
			t.Errorf("due %v is outside working time", due)
		}
	})
}
