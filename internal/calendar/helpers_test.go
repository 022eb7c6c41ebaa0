package calendar

import (
	"testing"
	"time"
)

// seeded returns the country-wide calendar with the default schedule and the seed.
func seeded(tb testing.TB) *Calendar {
	tb.Helper()
	return New(DefaultSchedule(), Seed())
}

// instant parses an RFC 3339 instant or fails the test.
func instant(tb testing.TB, s string) time.Time {
	tb.Helper()
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		tb.Fatalf("bad test instant %q: %v", s, err)
	}
	return t
}

// date parses a "YYYY-MM-DD" date or fails the test.
func date(tb testing.TB, s string) Date {
	tb.Helper()
	d, err := ParseDate(s)
	if err != nil {
		tb.Fatalf("bad test date %q: %v", s, err)
	}
	return d
}

// inWorkingTime reports whether t is inside a session of a working day or at its end.
func inWorkingTime(c *Calendar, t time.Time) bool {
	z, tod := splitInstant(t)
	if !c.isWorking(z) {
		return false
	}
	for _, s := range c.sched.Sessions {
		if tod > s.Start && tod <= s.End {
			return true
		}
	}
	return false
}
