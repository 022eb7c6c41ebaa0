package calendar

import (
	"testing"
	"time"
)

// BenchmarkDueOnly computes due dates of 1–30 working days from starts spread over 2026.
func BenchmarkDueOnly(b *testing.B) {
	c := New(DefaultSchedule(), Seed())
	base := time.Date(2026, 1, 5, 9, 17, 0, 0, Zone())
	starts := make([]time.Time, 64)
	for i := range starts {
		starts[i] = base.Add(time.Duration(i*131) * time.Hour)
	}
	if _, err := c.DueOnly(base, Deadline{Days: 30}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := c.DueOnly(starts[i%len(starts)], Deadline{Days: float64(1 + i%30)}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkDue is BenchmarkDueOnly with the explanation.
func BenchmarkDue(b *testing.B) {
	c := New(DefaultSchedule(), Seed())
	base := time.Date(2026, 1, 5, 9, 17, 0, 0, Zone())
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, _, err := c.Due(base.Add(time.Duration(i%64*131)*time.Hour), Deadline{Days: float64(1 + i%30)}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkToLunar converts days spread over 1900–2199.
func BenchmarkToLunar(b *testing.B) {
	if _, err := ToLunar(Date{2026, 1, 1}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := ToLunar(dateFromDays(minDay + (i*7919)%(maxDay-minDay))); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkNewAndFirstYear measures building a calendar and computing its first year.
func BenchmarkNewAndFirstYear(b *testing.B) {
	seed := Seed()
	b.ReportAllocs()
	for b.Loop() {
		c := New(DefaultSchedule(), seed)
		c.DayOff(Date{2026, 4, 27})
	}
}

// BenchmarkLunarTable measures computing the whole 1900–2199 lunar table from the
// astronomical formulas (done once per process).
func BenchmarkLunarTable(b *testing.B) {
	for b.Loop() {
		buildLunarTable()
	}
}
