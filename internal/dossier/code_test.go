package dossier

import (
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
)

func TestFormatParseCode(t *testing.T) {
	tests := []struct {
		unit string
		at   time.Time
		seq  int
		want string
	}{
		{"H15.50.05.13", ict(2026, 10, 8, 10, 0), 975, "H15.50.05.13-261008-0975"},
		{"000.00.21.H13", ict(2023, 5, 15, 8, 0), 1, "000.00.21.H13-230515-0001"},
		// 17:30 UTC on 7 October is 00:30 on 8 October in UTC+7.
		{"H15", time.Date(2026, 10, 7, 17, 30, 0, 0, time.UTC), 12, "H15-261008-0012"},
		{"H15", ict(2026, 12, 31, 23, 59), 12345, "H15-261231-12345"},
		{"H15", ict(2026, 1, 1, 0, 0), 9999, "H15-260101-9999"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			got := FormatCode(tt.unit, tt.at, tt.seq)
			if got != tt.want {
				t.Fatalf("got %s, want %s", got, tt.want)
			}
			unit, day, seq, err := ParseCode(got)
			if err != nil {
				t.Fatalf("ParseCode: %v", err)
			}
			if unit != tt.unit || day != calendar.DateOf(tt.at) || seq != tt.seq {
				t.Fatalf("got %s %v %d, want %s %v %d", unit, day, seq, tt.unit, calendar.DateOf(tt.at), tt.seq)
			}
		})
	}
}

func TestParseCodeRejects(t *testing.T) {
	for _, s := range []string{
		"", "abc", "H15-261008", "-261008-0001", "H15-261332-0001", "H15-260229-0001", "H15-261000-0001",
		"H15-261008-001", "H15-261008-00001", "H15-26108a-0001", "H 15-261008-0001", "H15-261008-0001 ",
		"H15-2610080-0001", "H15-261008-+001", "Hồ-261008-0001", strings.Repeat("A", 65) + "-261008-0001",
	} {
		t.Run(s, func(t *testing.T) {
			if _, _, _, err := ParseCode(s); err == nil {
				t.Fatalf("got no error for %q, want one", s)
			}
		})
	}
	if _, _, _, err := ParseCode("H15-280229-0001"); err != nil {
		t.Fatalf("got %v for a leap day, want no error", err)
	}
}

func FuzzParseCode(f *testing.F) {
	for _, s := range []string{"H15.50.05.13-261008-0975", "a-b-c", "X-991231-123456789", "--000000-0000", "H-260229-0001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		unit, day, seq, err := ParseCode(s)
		if err != nil {
			return
		}
		at := time.Date(day.Year, day.Month, day.Day, 12, 0, 0, 0, calendar.Zone())
		if got := FormatCode(unit, at, seq); got != s {
			t.Fatalf("got %q after a round trip, want %q", got, s)
		}
	})
}

func TestNewLookupKey(t *testing.T) {
	seen := map[string]bool{}
	for range 500 {
		k, err := NewLookupKey()
		if err != nil {
			t.Fatalf("NewLookupKey: %v", err)
		}
		if len(k) != LookupKeyLength || !ValidLookupKey(k) || strings.ContainsAny(k, "0O1IL") {
			t.Fatalf("got key %q, want %d characters of %s", k, LookupKeyLength, LookupAlphabet)
		}
		if seen[k] {
			t.Fatalf("got key %q twice, want distinct keys", k)
		}
		seen[k] = true
	}
	for _, s := range []string{"", "ABCDEFG", "ABCDEFGO", "ABCDEFGH9"} {
		if ValidLookupKey(s) {
			t.Errorf("ValidLookupKey(%q): got true, want false", s)
		}
	}
	if !ValidLookupKey("abcdefgh") {
		t.Errorf("ValidLookupKey(abcdefgh): got false, want true (case-insensitive)")
	}
}
