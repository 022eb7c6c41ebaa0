package calendar

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestHolidaysPublishedSchedules(t *testing.T) {
	c := seeded(t)
	tests := []struct {
		year int
		want []string // date kind name
	}{
		{2025, []string{
			"2025-01-01 holiday Tết Dương lịch",
			"2025-01-27 configured Nghỉ Tết Nguyên đán",
			"2025-01-28 holiday Tết Nguyên đán",
			"2025-01-29 holiday Tết Nguyên đán",
			"2025-01-30 holiday Tết Nguyên đán",
			"2025-01-31 holiday Tết Nguyên đán",
			"2025-04-07 holiday Giỗ Tổ Hùng Vương",
			"2025-04-30 holiday Ngày Chiến thắng",
			"2025-05-01 holiday Ngày Quốc tế Lao động",
			"2025-05-02 configured Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)",
			"2025-09-01 holiday Quốc khánh (ngày liền kề)",
			"2025-09-02 holiday Quốc khánh",
		}},
		{2026, []string{
			"2026-01-01 holiday Tết Dương lịch",
			"2026-01-02 configured Nghỉ Tết Dương lịch (hoán đổi, làm bù thứ Bảy 10/01/2026)",
			"2026-02-16 holiday Tết Nguyên đán",
			"2026-02-17 holiday Tết Nguyên đán",
			"2026-02-18 holiday Tết Nguyên đán",
			"2026-02-19 holiday Tết Nguyên đán",
			"2026-02-20 holiday Tết Nguyên đán",
			"2026-04-27 compensatory Nghỉ bù Giỗ Tổ Hùng Vương (26/04 trùng Chủ nhật)",
			"2026-04-30 holiday Ngày Chiến thắng",
			"2026-05-01 holiday Ngày Quốc tế Lao động",
			"2026-09-02 holiday Quốc khánh",
			"2026-09-03 holiday Quốc khánh (ngày liền kề)",
		}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.year), func(t *testing.T) {
			var got []string
			for _, h := range c.Holidays(tt.year) {
				got = append(got, h.Date.String()+" "+h.Kind+" "+h.Name)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestDayOff(t *testing.T) {
	c := seeded(t)
	tests := []struct {
		date   string
		off    bool
		reason string
	}{
		{"2026-04-24", false, "Ngày làm việc"},
		{"2026-04-25", true, "Thứ Bảy"},
		{"2026-04-26", true, "Giỗ Tổ Hùng Vương (trùng Chủ nhật)"},
		{"2026-04-27", true, "Nghỉ bù Giỗ Tổ Hùng Vương (26/04 trùng Chủ nhật)"},
		{"2026-02-17", true, "Tết Nguyên đán"},
		{"2025-04-26", false, "Làm việc bù cho thứ Sáu 02/05/2025 (theo Thông báo 6150/TB-BLĐTBXH)"},
		{"2025-05-02", true, "Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025) (theo Thông báo 6150/TB-BLĐTBXH)"},
		{"2025-02-01", true, "Tết Nguyên đán (trùng Thứ Bảy)"},
		{"2025-02-03", false, "Làm việc, không nghỉ bù Tết Nguyên đán (theo Thông báo 6150/TB-BLĐTBXH)"},
		{"2026-05-03", true, "Chủ nhật"},
		{"2300-01-06", true, "Thứ Bảy"},
		{"2300-01-01", false, "Ngày làm việc"},
	}
	for _, tt := range tests {
		t.Run(tt.date, func(t *testing.T) {
			off, reason := c.DayOff(date(t, tt.date))
			if off != tt.off || reason != tt.reason {
				t.Errorf("got (%v, %q), want (%v, %q)", off, reason, tt.off, tt.reason)
			}
		})
	}
}

func TestDefaultsWithoutSeed(t *testing.T) {
	c := New(DefaultSchedule(), nil)
	tests := []struct {
		date   string
		off    bool
		reason string
	}{
		// 2025 without the published decision: Tết is 28/1–1/2 and Saturday 1/2 gives
		// a compensatory Monday 3/2.
		{"2025-01-27", false, "Ngày làm việc"},
		{"2025-02-03", true, "Nghỉ bù Tết Nguyên đán (01/02 trùng Thứ Bảy)"},
		{"2025-04-26", true, "Thứ Bảy"},
		// Quốc khánh adjacent day: Thursday 2/9/2027 → Friday 3/9; Saturday 2/9/2028 →
		// Sunday 3/9 adjacent, both compensated on Monday 4/9 and Tuesday 5/9.
		{"2027-09-03", true, "Quốc khánh (ngày liền kề)"},
		{"2028-09-04", true, "Nghỉ bù Quốc khánh (02/09 trùng Thứ Bảy)"},
		{"2028-09-05", true, "Nghỉ bù Quốc khánh (ngày liền kề) (03/09 trùng Chủ nhật)"},
		// 1/1/2028 is a Saturday: compensatory Monday 3/1.
		{"2028-01-03", true, "Nghỉ bù Tết Dương lịch (01/01 trùng Thứ Bảy)"},
	}
	for _, tt := range tests {
		t.Run(tt.date, func(t *testing.T) {
			off, reason := c.DayOff(date(t, tt.date))
			if off != tt.off || reason != tt.reason {
				t.Errorf("got (%v, %q), want (%v, %q)", off, reason, tt.off, tt.reason)
			}
		})
	}
}

func TestOverridesWin(t *testing.T) {
	c := New(DefaultSchedule(), []Override{
		{Date: Date{2026, time.April, 27}, Off: false, Reference: "Quyết định 1/QĐ-UBND"},
		{Date: Date{2026, time.June, 6}, Off: false, Name: "Làm việc bù"},
		{Date: Date{2026, time.June, 8}, Off: true, Reference: "Quyết định 2/QĐ-UBND"},
		{Date: Date{2026, time.September, 2}, Off: true, Name: "Ngày khác"},
	})
	tests := []struct {
		date   string
		off    bool
		reason string
	}{
		{"2026-04-27", false, "Làm việc bù theo Quyết định 1/QĐ-UBND"},
		{"2026-06-06", false, "Làm việc bù"},
		{"2026-06-08", true, "Nghỉ theo Quyết định 2/QĐ-UBND"},
	}
	for _, tt := range tests {
		t.Run(tt.date, func(t *testing.T) {
			off, reason := c.DayOff(date(t, tt.date))
			if off != tt.off || reason != tt.reason {
				t.Errorf("got (%v, %q), want (%v, %q)", off, reason, tt.off, tt.reason)
			}
		})
	}
	for _, h := range c.Holidays(2026) {
		if h.Date == (Date{2026, time.September, 2}) && (h.Kind != KindHoliday || h.Name != "Quốc khánh") {
			t.Errorf("got %+v, want the statutory holiday kept for an Off override on it", h)
		}
		if h.Date == (Date{2026, time.June, 8}) && h.Kind != KindConfigured {
			t.Errorf("got kind %q, want configured", h.Kind)
		}
	}
	// A swap Saturday is a full working day with the weekday sessions.
	due, err := c.DueOnly(instant(t, "2026-06-05T17:00:00+07:00"), Deadline{Days: 1})
	if want := "2026-06-06T17:00:00+07:00"; err != nil || due.Format(time.RFC3339) != want {
		t.Errorf("got %v (%v), want %s", due, err, want)
	}
}

func TestHolidaysOutOfRange(t *testing.T) {
	c := seeded(t)
	for _, y := range []int{1899, 2200} {
		if got := c.Holidays(y); len(got) != 0 {
			t.Errorf("year %d: got %d holidays, want none", y, len(got))
		}
	}
	if got := len(c.Holidays(1900)); got < 9 {
		t.Errorf("year 1900: got %d holidays, want at least 9", got)
	}
}
