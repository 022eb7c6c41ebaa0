package calendar

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestDueWorkingDays(t *testing.T) {
	c := seeded(t)
	tests := []struct {
		name string
		from string
		days float64
		want string
	}{
		{"acceptance: Giỗ Tổ 2026 and 30/4–1/5", "2026-04-24T10:00:00+07:00", 3, "2026-05-04T10:00:00+07:00"},
		{"Tết 2025 skipped", "2025-01-23T10:00:00+07:00", 5, "2025-02-06T10:00:00+07:00"},
		{"swap Saturday 26/4/2025 counts", "2025-04-25T10:00:00+07:00", 3, "2025-04-29T10:00:00+07:00"},
		{"Giỗ Tổ 2025", "2025-04-04T10:00:00+07:00", 1, "2025-04-08T10:00:00+07:00"},
		{"30/4–4/5/2025", "2025-04-29T10:00:00+07:00", 1, "2025-05-05T10:00:00+07:00"},
		{"Quốc khánh 2025", "2025-08-29T10:00:00+07:00", 2, "2025-09-04T10:00:00+07:00"},
		{"received Saturday, 1 day", "2026-03-07T09:00:00+07:00", 1, "2026-03-09T17:00:00+07:00"},
		{"received after hours", "2026-03-05T18:00:00+07:00", 1, "2026-03-06T17:00:00+07:00"},
		{"received before hours", "2026-03-05T06:00:00+07:00", 1, "2026-03-05T17:00:00+07:00"},
		{"received at lunch", "2026-03-05T12:00:00+07:00", 0.5, "2026-03-06T07:30:00+07:00"},
		{"received at the end of the morning", "2026-03-05T11:30:00+07:00", 0.25, "2026-03-05T15:30:00+07:00"},
		{"quarter day across lunch", "2026-03-05T10:30:00+07:00", 0.25, "2026-03-05T14:30:00+07:00"},
		{"quarter day in the morning", "2026-03-05T07:00:00+07:00", 0.25, "2026-03-05T09:00:00+07:00"},
		{"instant given in UTC", "2026-04-24T03:00:00Z", 3, "2026-05-04T10:00:00+07:00"},
		{"exact end of a day", "2026-03-02T07:00:00+07:00", 5, "2026-03-06T17:00:00+07:00"},
		{"one hour", "2026-03-06T16:30:00+07:00", 0.125, "2026-03-09T07:30:00+07:00"},
		{"ten years", "2026-01-05T07:00:00+07:00", 3650, ""},
		{"New Year 2026: 2/1 off, Saturday 10/1 worked", "2025-12-31T10:00:00+07:00", 2, "2026-01-06T10:00:00+07:00"},
		{"make-up Saturday 10/1/2026 counts", "2026-01-09T10:00:00+07:00", 1, "2026-01-10T10:00:00+07:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ex, err := c.Due(instant(t, tt.from), Deadline{Days: tt.days})
			if err != nil {
				t.Fatal(err)
			}
			if tt.want != "" && got.Format(time.RFC3339) != tt.want {
				t.Errorf("got %s, want %s", got.Format(time.RFC3339), tt.want)
			}
			only, err := c.DueOnly(instant(t, tt.from), Deadline{Days: tt.days})
			if err != nil || !only.Equal(got) {
				t.Errorf("DueOnly: got %v (%v), want %v", only, err, got)
			}
			minutes := 0
			for _, d := range ex {
				minutes += d.Minutes
			}
			if want := int(tt.days * 480); minutes != want {
				t.Errorf("explanation counts %d minutes, want %d", minutes, want)
			}
			if first, last := ex[0].Date, ex[len(ex)-1].Date; first != DateOf(instant(t, tt.from)) || last != DateOf(got) {
				t.Errorf("explanation spans %v…%v, want %v…%v", first, last, DateOf(instant(t, tt.from)), DateOf(got))
			}
		})
	}
}

func TestDueExplanation(t *testing.T) {
	c := seeded(t)
	_, ex, err := c.Due(instant(t, "2026-04-24T10:00:00+07:00"), Deadline{Days: 3})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"2026-04-24 partial 300 Ngày làm việc; tính từ 10:00",
		"2026-04-25 skipped 0 Thứ Bảy",
		"2026-04-26 skipped 0 Giỗ Tổ Hùng Vương (trùng Chủ nhật)",
		"2026-04-27 skipped 0 Nghỉ bù Giỗ Tổ Hùng Vương (26/04 trùng Chủ nhật)",
		"2026-04-28 counted 480 Ngày làm việc",
		"2026-04-29 counted 480 Ngày làm việc",
		"2026-04-30 skipped 0 Ngày Chiến thắng",
		"2026-05-01 skipped 0 Ngày Quốc tế Lao động",
		"2026-05-02 skipped 0 Thứ Bảy",
		"2026-05-03 skipped 0 Chủ nhật",
		"2026-05-04 partial 180 Ngày làm việc; đến hạn lúc 10:00",
	}
	var got []string
	for _, d := range ex {
		got = append(got, strings.Join([]string{d.Date.String(), d.Kind, strconv.Itoa(d.Minutes), d.Reason}, " "))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	_, ex, _ = c.Due(instant(t, "2026-03-05T18:00:00+07:00"), Deadline{Days: 1})
	if ex[0].Kind != ExplainSkipped || !strings.Contains(ex[0].Reason, "ngoài giờ") {
		t.Errorf("got %+v, want the after-hours receipt day skipped", ex[0])
	}
}

func TestDueHanoiHours(t *testing.T) {
	// domain research §5.2: Monday 14:00, 0.5 day, hours 07:30–11:30 / 13:00–17:00 → Tuesday 08:30.
	c := New(Schedule{Sessions: []Session{
		{Start: 7*time.Hour + 30*time.Minute, End: 11*time.Hour + 30*time.Minute},
		{Start: 13 * time.Hour, End: 17 * time.Hour},
	}}, nil)
	got, err := c.DueOnly(instant(t, "2026-03-02T14:00:00+07:00"), Deadline{Days: 0.5})
	if want := "2026-03-03T08:30:00+07:00"; err != nil || got.Format(time.RFC3339) != want {
		t.Errorf("got %v (%v), want %s", got, err, want)
	}
}

func TestDueCalendarDays(t *testing.T) {
	c := seeded(t)
	tests := []struct {
		name string
		from string
		days float64
		want string
	}{
		{"plain", "2026-03-02T10:00:00+07:00", 10, "2026-03-12T17:00:00+07:00"},
		{"lands on Giỗ Tổ Sunday and its compensatory day", "2026-04-20T16:00:00+07:00", 6, "2026-04-28T17:00:00+07:00"},
		{"lands on Tết 2025, moved to working Monday 3/2", "2025-01-23T10:00:00+07:00", 5, "2025-02-03T17:00:00+07:00"},
		{"received on a Sunday", "2026-03-01T10:00:00+07:00", 1, "2026-03-02T17:00:00+07:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ex, err := c.Due(instant(t, tt.from), Deadline{Days: tt.days, CalendarDays: true})
			if err != nil || got.Format(time.RFC3339) != tt.want {
				t.Fatalf("got %v (%v), want %s", got, err, tt.want)
			}
			if ex[0].Kind != ExplainSkipped || ex[len(ex)-1].Date != DateOf(got) {
				t.Errorf("got explanation %+v, want the receipt day skipped and the due day last", ex)
			}
		})
	}
}

func TestDueErrors(t *testing.T) {
	c := seeded(t)
	from := instant(t, "2026-03-02T10:00:00+07:00")
	tests := []struct {
		name string
		from time.Time
		d    Deadline
	}{
		{"zero calendar days", from, Deadline{Days: 0, CalendarDays: true}},
		{"negative", from, Deadline{Days: -1}},
		{"too long", from, Deadline{Days: 3651}},
		{"fractional calendar days", from, Deadline{Days: 1.5, CalendarDays: true}},
		{"before 1900", instant(t, "1899-12-31T10:00:00+07:00"), Deadline{Days: 1}},
		{"after 2199", instant(t, "2199-12-30T10:00:00+07:00"), Deadline{Days: 10}},
		{"calendar days after 2199", instant(t, "2199-12-30T10:00:00+07:00"), Deadline{Days: 10, CalendarDays: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, err := c.Due(tt.from, tt.d); err == nil {
				t.Errorf("got no error, want one")
			} else if _, ok := err.(*Error); !ok {
				t.Errorf("got %T, want *Error", err)
			}
		})
	}
}

func TestDueOnlyDoesNotAllocate(t *testing.T) {
	c := seeded(t)
	from := instant(t, "2026-04-24T10:00:00+07:00")
	_, _ = c.DueOnly(from, Deadline{Days: 30})
	allocs := testing.AllocsPerRun(100, func() { _, _ = c.DueOnly(from, Deadline{Days: 30}) })
	if allocs != 0 {
		t.Errorf("got %v allocations, want 0", allocs)
	}
}

func TestScheduleNormalised(t *testing.T) {
	c := New(Schedule{
		Sessions: []Session{{Start: 13 * time.Hour, End: 17 * time.Hour}, {Start: 8 * time.Hour, End: 12 * time.Hour},
			{Start: 10 * time.Hour, End: 11 * time.Hour}, {Start: 20 * time.Hour, End: 19 * time.Hour}},
		Weekdays: []time.Weekday{time.Monday, time.Monday, 9},
	}, nil)
	s := c.Schedule()
	if len(s.Sessions) != 2 || s.Sessions[0].Start != 8*time.Hour || len(s.Weekdays) != 1 || s.TransferCutoff != 15*time.Hour {
		t.Errorf("got %+v, want two sorted sessions, Monday only, cutoff 15:00", s)
	}
	empty := New(Schedule{}, nil).Schedule()
	if len(empty.Sessions) != 2 || len(empty.Weekdays) != 5 {
		t.Errorf("got %+v, want the default schedule", empty)
	}
}
