package calendar

import "testing"

func TestParseDays(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"3", 3, true}, {"0.5", 0.5, true}, {"0,25", 0.25, true}, {" 15 ", 15, true}, {"3650", 3650, true},
		{"0", 0, true}, {"-1", 0, false}, {"3651", 0, false}, {"NaN", 0, false}, {"Inf", 0, false},
		{"abc", 0, false}, {"", 0, false}, {"0x10", 0, false}, {"1,000.5", 0, false}, {"1_0", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDays(tt.in)
			if (err == nil) != tt.ok || got != tt.want {
				t.Errorf("got (%v, %v), want (%v, ok=%v)", got, err, tt.want, tt.ok)
			}
		})
	}
}

func TestParseHelpers(t *testing.T) {
	if got, err := ParseInstant("2026-04-24T10:00:00+07:00"); err != nil || got.Unix() != 1776999600 {
		t.Errorf("ParseInstant: got (%v, %v), want 1776999600", got.Unix(), err)
	}
	if _, err := ParseInstant("2026-04-24 10:00"); err == nil {
		t.Errorf("ParseInstant: got no error for a space-separated time, want one")
	}
	years := []struct {
		in string
		ok bool
	}{{"2026", true}, {"1900", true}, {"2199", true}, {"1899", false}, {"2200", false}, {"20x6", false}}
	for _, y := range years {
		if _, err := ParseYear(y.in); (err == nil) != y.ok {
			t.Errorf("ParseYear(%q): got %v, want ok=%v", y.in, err, y.ok)
		}
	}
	dmy := []struct {
		in   string
		want string
	}{{"30/4/2026", "2026-04-30"}, {"02/09/2026", "2026-09-02"}, {"30/2/2026", ""}, {"1/13/2026", ""}, {"1/1/26", ""}, {"a/b/cccc", ""}}
	for _, d := range dmy {
		got, err := ParseSolarDMY(d.in)
		if (d.want == "") != (err != nil) || (err == nil && got.String() != d.want) {
			t.Errorf("ParseSolarDMY(%q): got (%v, %v), want %q", d.in, got, err, d.want)
		}
	}
	if l, err := ParseLunarDMY("1/6/2025", true); err != nil || l != (LunarDate{Day: 1, Month: 6, Year: 2025, Leap: true}) {
		t.Errorf("ParseLunarDMY: got (%v, %v), want 1/6/2025 leap", l, err)
	}
	if _, err := ParseLunarDMY("31/1/2025", false); err == nil {
		t.Errorf("ParseLunarDMY(31/1/2025): got no error, want one")
	}
}
