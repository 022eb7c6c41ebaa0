package calendar

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestLunarNewYearVectors(t *testing.T) {
	// Vietnam (UTC+7) dates from domain research §5.5; 1965, 1968, 1969, 1985, 2007 and
	// 2030 differ from the Chinese (UTC+8) calendar.
	want := map[int]string{
		1965: "1965-02-01", 1968: "1968-01-29", 1969: "1969-02-16", 1985: "1985-01-21",
		2007: "2007-02-17", 2020: "2020-01-25", 2021: "2021-02-12", 2022: "2022-02-01",
		2023: "2023-01-22", 2024: "2024-02-10", 2025: "2025-01-29", 2026: "2026-02-17",
		2027: "2027-02-06", 2028: "2028-01-26", 2029: "2029-02-13", 2030: "2030-02-02",
		2031: "2031-01-23", 2032: "2032-02-11", 2033: "2033-01-31", 2034: "2034-02-19",
		2035: "2035-02-08", 2036: "2036-01-28",
	}
	for y, w := range want {
		t.Run(w, func(t *testing.T) {
			got, err := LunarNewYear(y)
			if err != nil || got.String() != w {
				t.Fatalf("got %v (%v), want %s", got, err, w)
			}
			l, err := ToLunar(got)
			if err != nil || l != (LunarDate{Day: 1, Month: 1, Year: y}) {
				t.Errorf("got %v (%v), want 1/1/%d", l, err, y)
			}
		})
	}
}

func TestHungKingsVectors(t *testing.T) {
	want := map[int]string{
		2020: "2020-04-02", 2021: "2021-04-21", 2022: "2022-04-10", 2023: "2023-04-29",
		2024: "2024-04-18", 2025: "2025-04-07", 2026: "2026-04-26", 2027: "2027-04-16",
		2028: "2028-04-04", 2029: "2029-04-23", 2030: "2030-04-12", 2031: "2031-04-01",
		2032: "2032-04-19", 2033: "2033-04-09", 2034: "2034-04-28", 2035: "2035-04-17",
		2036: "2036-04-06",
	}
	for y, w := range want {
		t.Run(w, func(t *testing.T) {
			got, err := FromLunar(LunarDate{Day: 10, Month: 3, Year: y})
			if err != nil || got.String() != w {
				t.Errorf("got %v (%v), want %s", got, err, w)
			}
		})
	}
}

func TestToLunarExamples(t *testing.T) {
	tests := []struct {
		solar string
		want  LunarDate
	}{
		{"2026-11-27", LunarDate{Day: 19, Month: 10, Year: 2026}}, // the contract's example
		{"2026-02-16", LunarDate{Day: 29, Month: 12, Year: 2025}}, // 29 Chạp, last day of Ất Tỵ
		{"2025-01-28", LunarDate{Day: 29, Month: 12, Year: 2024}},
		{"2020-01-24", LunarDate{Day: 30, Month: 12, Year: 2019}},
		{"2025-07-25", LunarDate{Day: 1, Month: 6, Year: 2025, Leap: true}}, // leap 6th month of 2025
		{"2023-03-22", LunarDate{Day: 1, Month: 2, Year: 2023, Leap: true}},
		{"2033-12-22", LunarDate{Day: 1, Month: 11, Year: 2033, Leap: true}},
		{"1900-01-31", LunarDate{Day: 1, Month: 1, Year: 1900}},
		{"1900-01-01", LunarDate{Day: 1, Month: 12, Year: 1899}},
	}
	for _, tt := range tests {
		t.Run(tt.solar, func(t *testing.T) {
			got, err := ToLunar(date(t, tt.solar))
			if err != nil || got != tt.want {
				t.Fatalf("got %v (%v), want %v", got, err, tt.want)
			}
			back, err := FromLunar(got)
			if err != nil || back.String() != tt.solar {
				t.Errorf("got %v (%v), want %s", back, err, tt.solar)
			}
		})
	}
	b, _ := json.Marshal(LunarDate{Day: 19, Month: 10, Year: 2026})
	if want := `{"day":19,"month":10,"year":2026,"leap":false}`; string(b) != want {
		t.Errorf("got %s, want %s", b, want)
	}
}

func TestLunarErrors(t *testing.T) {
	tests := []struct {
		name    string
		in      LunarDate
		message string
	}{
		{"day 30 of a 29-day month", LunarDate{Day: 30, Month: 12, Year: 2025}, "chỉ có 29 ngày"},
		{"leap flag on a non-leap month", LunarDate{Day: 1, Month: 5, Year: 2025, Leap: true}, "không có tháng 5 nhuận"},
		{"month 13", LunarDate{Day: 1, Month: 13, Year: 2025}, "Tháng âm lịch 13"},
		{"day 0", LunarDate{Day: 0, Month: 1, Year: 2025}, "Ngày âm lịch 0"},
		{"year 1800", LunarDate{Day: 1, Month: 1, Year: 1800}, "ngoài phạm vi"},
		{"year 2200", LunarDate{Day: 1, Month: 1, Year: 2200}, "ngoài phạm vi"},
		{"after 2199-12-31", LunarDate{Day: 28, Month: 11, Year: 2199}, "ngoài phạm vi"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := FromLunar(tt.in)
			if err == nil || !strings.Contains(err.Error(), tt.message) {
				t.Errorf("got %v, want an error containing %q", err, tt.message)
			}
		})
	}
	for _, s := range []string{"1899-12-31", "2200-01-01"} {
		if _, err := ToLunar(date(t, s)); err == nil {
			t.Errorf("ToLunar(%s): got no error, want out of range", s)
		}
	}
	if _, err := ToLunar(Date{2026, 2, 30}); err == nil {
		t.Errorf("ToLunar(2026-02-30): got no error, want one")
	}
}

// TestLunarRoundTripEveryDay converts every day of 1900–2199 to the lunar calendar and
// back, and checks that lunar dates advance one day at a time, months having 29 or 30
// days and years 12 or 13 months.
func TestLunarRoundTripEveryDay(t *testing.T) {
	var prev LunarDate
	monthsInYear := 0
	for z := minDay; z <= maxDay; z++ {
		d := dateFromDays(z)
		l, err := ToLunar(d)
		if err != nil {
			t.Fatalf("ToLunar(%v): %v", d, err)
		}
		back, err := FromLunar(l)
		if err != nil || back != d {
			t.Fatalf("round trip %v → %v → %v (%v)", d, l, back, err)
		}
		if z == minDay {
			prev = l
			continue
		}
		switch {
		case l.Day == prev.Day+1 && l.Month == prev.Month && l.Year == prev.Year && l.Leap == prev.Leap:
		case l.Day == 1 && (prev.Day == 29 || prev.Day == 30):
			monthsInYear++
			if l.Year != prev.Year {
				if l.Year != prev.Year+1 || l.Month != 1 || l.Leap {
					t.Fatalf("%v: got %v after %v, want 1/1/%d", d, l, prev, prev.Year+1)
				}
				if prev.Year >= minYear && monthsInYear != 12 && monthsInYear != 13 {
					t.Fatalf("lunar year %d: got %d months, want 12 or 13", prev.Year, monthsInYear)
				}
				monthsInYear = 0
			}
		default:
			t.Fatalf("%v: got %v after %v, want the next lunar day", d, l, prev)
		}
		prev = l
	}
}
