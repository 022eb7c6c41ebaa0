package calendar

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2026-04-24", Date{2026, time.April, 24}, true},
		{"2024-02-29", Date{2024, time.February, 29}, true},
		{"1900-01-01", Date{1900, time.January, 1}, true},
		{"2026-13-40", Date{}, false},
		{"2026-02-30", Date{}, false},
		{"2025-02-29", Date{}, false},
		{"2026-00-10", Date{}, false},
		{"2026-4-24", Date{}, false},
		{"2026-04-24T00:00", Date{}, false},
		{"abcd-ef-gh", Date{}, false},
		{"", Date{}, false},
		{"0000-01-01", Date{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if (err == nil) != tt.ok {
				t.Fatalf("got error %v, want ok=%v", err, tt.ok)
			}
			if got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			if tt.ok && got.String() != tt.in {
				t.Errorf("got String %q, want %q", got.String(), tt.in)
			}
		})
	}
}

func TestDateOfUsesUTCPlus7(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"2026-04-23T17:00:00Z", "2026-04-24"},
		{"2026-04-23T16:59:59Z", "2026-04-23"},
		{"2026-04-24T00:00:00+07:00", "2026-04-24"},
		{"1999-12-31T23:30:00-05:00", "2000-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := DateOf(instant(t, tt.in)).String(); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestDateArithmetic(t *testing.T) {
	d := date(t, "2024-02-28")
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"add 1", d.AddDays(1).String(), "2024-02-29"},
		{"add 2", d.AddDays(2).String(), "2024-03-01"},
		{"add -59", d.AddDays(-59).String(), "2023-12-31"},
		{"weekday", d.Weekday(), time.Wednesday},
		{"weekday 1900-01-01", date(t, "1900-01-01").Weekday(), time.Monday},
		{"before", d.Before(d.AddDays(1)), true},
		{"after", d.After(d.AddDays(1)), false},
		{"equal", d.Equal(NewDate(2024, time.February, 28)), true},
		{"compare", d.Compare(d.AddDays(-1)), 1},
		{"normalise", NewDate(2025, 13, 1).String(), "2026-01-01"},
		{"start", d.Start().Format(time.RFC3339), "2024-02-28T00:00:00+07:00"},
		{"zone offset", func() int { _, o := time.Date(2026, 1, 1, 0, 0, 0, 0, Zone()).Zone(); return o }(), 7 * 3600},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func TestDayNumbersMatchTimePackage(t *testing.T) {
	for z := daysFromCivil(1899, 1, 1); z <= daysFromCivil(2201, 1, 1); z += 7 {
		d := dateFromDays(z)
		y, m, dd := time.Unix(int64(z)*86400, 0).UTC().Date()
		if d != (Date{y, m, dd}) || d.days() != z || d.Weekday() != time.Unix(int64(z)*86400, 0).UTC().Weekday() {
			t.Fatalf("day %d: got %v, want %04d-%02d-%02d", z, d, y, m, dd)
		}
	}
}

func TestDateJSON(t *testing.T) {
	b, err := json.Marshal(Holiday{Date: date(t, "2026-01-01"), Name: "Tết Dương lịch", Kind: KindHoliday})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"date":"2026-01-01","name":"Tết Dương lịch","kind":"holiday"}`
	if string(b) != want {
		t.Errorf("got %s, want %s", b, want)
	}
	var h Holiday
	if err := json.Unmarshal(b, &h); err != nil || h.Date != date(t, "2026-01-01") {
		t.Errorf("got %v (%v), want 2026-01-01", h.Date, err)
	}
	if err := json.Unmarshal([]byte(`{"date":"2026-02-30"}`), &h); err == nil {
		t.Errorf("got no error for 2026-02-30, want one")
	}
}

func TestRangeConstants(t *testing.T) {
	if minDay != daysFromCivil(minYear, 1, 1) || maxDay != daysFromCivil(maxYear, 12, 31) {
		t.Errorf("got %d…%d, want %d…%d", minDay, maxDay, daysFromCivil(minYear, 1, 1), daysFromCivil(maxYear, 12, 31))
	}
}

// TestDateStringFormat checks the hand-made formatting against fmt over many days and
// at the edges of the years it handles.
func TestDateStringFormat(t *testing.T) {
	for _, d := range []Date{{1, 1, 1}, {999, 12, 31}, {9999, 12, 31}, {10000, 1, 1}, {-1, 1, 1}} {
		if got, want := d.String(), fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
	for d := NewDate(1999, 1, 1); d.Year < 2031; d = d.AddDays(1) {
		if got, want := d.String(), fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day); got != want {
			t.Fatalf("got %q, want %q", got, want)
		}
	}
}
