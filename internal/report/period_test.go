package report

import (
	"testing"

	"motcua/internal/calendar"
	"motcua/internal/fault"
)

func date(t *testing.T, s string) calendar.Date {
	t.Helper()
	d, err := calendar.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestNamed(t *testing.T) {
	tests := []struct {
		kind           Kind
		year, n        int
		from, to, name string
	}{
		{Month, 2026, 1, "2025-12-15", "2026-01-14", "Tháng 1/2026 (15/12/2025 – 14/01/2026)"},
		{Month, 2026, 3, "2026-02-15", "2026-03-14", "Tháng 3/2026 (15/02/2026 – 14/03/2026)"},
		{Month, 2024, 3, "2024-02-15", "2024-03-14", "Tháng 3/2024 (15/02/2024 – 14/03/2024)"},
		{Quarter, 2026, 1, "2025-12-15", "2026-03-14", "Quý I/2026 (15/12/2025 – 14/03/2026)"},
		{Quarter, 2026, 4, "2026-09-15", "2026-12-14", "Quý IV/2026 (15/09/2026 – 14/12/2026)"},
		{Half, 2026, 1, "2025-12-15", "2026-06-14", "6 tháng đầu năm 2026 (15/12/2025 – 14/06/2026)"},
		{Half, 2026, 2, "2026-06-15", "2026-12-14", "6 tháng cuối năm 2026 (15/06/2026 – 14/12/2026)"},
		{Year, 2025, 0, "2024-12-15", "2025-12-14", "Năm 2025 (15/12/2024 – 14/12/2025)"},
		{CalendarMonth, 2024, 2, "2024-02-01", "2024-02-29", "Tháng 2/2024 (dương lịch)"},
		{CalendarMonth, 2026, 12, "2026-12-01", "2026-12-31", "Tháng 12/2026 (dương lịch)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Named(tt.kind, tt.year, tt.n)
			if err != nil {
				t.Fatal(err)
			}
			if got := p.From.String() + " " + p.To.String(); got != tt.from+" "+tt.to {
				t.Errorf("got %s, want %s %s", got, tt.from, tt.to)
			}
			if p.Name != tt.name {
				t.Errorf("name: got %q, want %q", p.Name, tt.name)
			}
		})
	}
	for _, bad := range []struct {
		kind    Kind
		year, n int
	}{{Month, 2026, 0}, {Month, 2026, 13}, {Quarter, 2026, 5}, {Half, 2026, 3}, {"week", 2026, 1}, {Year, 0, 0}} {
		if _, err := Named(bad.kind, bad.year, bad.n); !fault.Is(err, fault.Invalid) {
			t.Errorf("%s %d %d: got %v, want invalid", bad.kind, bad.year, bad.n, err)
		}
	}
}

// TestPeriodsTile checks that the statutory months of a year follow one another without
// gap or overlap and make up its quarters, halves and year.
func TestPeriodsTile(t *testing.T) {
	for _, year := range []int{2024, 2025, 2026} {
		y, _ := Named(Year, year, 0)
		next := y.From
		for m := 1; m <= 12; m++ {
			p, _ := Named(Month, year, m)
			if !p.From.Equal(next) {
				t.Fatalf("%d month %d starts %s, want %s", year, m, p.From, next)
			}
			next = p.To.AddDays(1)
			if q, _ := Named(Quarter, year, (m+2)/3); !q.Contains(p.From) || !q.Contains(p.To) {
				t.Errorf("%d month %d not inside its quarter %s", year, m, q.Name)
			}
			if h, _ := Named(Half, year, (m+5)/6); !h.Contains(p.From) || !h.Contains(p.To) {
				t.Errorf("%d month %d not inside its half %s", year, m, h.Name)
			}
			if got := StatutoryMonth(p.From); got != p {
				t.Errorf("StatutoryMonth(%s): got %s, want %s", p.From, got.Name, p.Name)
			}
			if got := StatutoryMonth(p.To); got != p {
				t.Errorf("StatutoryMonth(%s): got %s, want %s", p.To, got.Name, p.Name)
			}
		}
		if !next.Equal(y.To.AddDays(1)) {
			t.Errorf("%d: months end %s, want %s", year, next.AddDays(-1), y.To)
		}
	}
	if n := len(Periods(2026)); n != 1+2+4+12+12 {
		t.Errorf("Periods: got %d, want 31", n)
	}
}

func TestNewPeriod(t *testing.T) {
	tests := []struct {
		from, to string
		field    string
	}{
		{"2026-01-01", "2026-01-01", ""},
		{"2021-01-01", "2025-12-31", ""},
		{"2021-01-01", "2026-01-01", "to"},
		{"2026-02-01", "2026-01-31", "to"},
	}
	for _, tt := range tests {
		p, err := NewPeriod(date(t, tt.from), date(t, tt.to))
		if tt.field == "" {
			if err != nil {
				t.Errorf("%s–%s: got %v, want no error", tt.from, tt.to, err)
			}
			if p.Days() < 1 {
				t.Errorf("%s–%s: got %d days", tt.from, tt.to, p.Days())
			}
			continue
		}
		f := fault.As(err)
		if f == nil || f.Code != fault.Invalid || f.Fields[tt.field] == "" {
			t.Errorf("%s–%s: got %v, want invalid with a message for %s", tt.from, tt.to, err, tt.field)
		}
	}
}
