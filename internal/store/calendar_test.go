package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// calendarUnits creates a province and one commune for the calendar tests.
func calendarUnits(t *testing.T, s *store.Store) {
	t.Helper()
	ctx := context.Background()
	if _, err := s.CreateUnit(ctx, org.Unit{Code: "H26", Name: "UBND tỉnh Thử nghiệm", Level: org.Province}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateUnit(ctx, org.Unit{Code: "H26.01", Name: "UBND thị trấn Tân Hòa", Level: org.Commune, ParentCode: "H26"}); err != nil {
		t.Fatal(err)
	}
}

func TestSeedCalendarDaysIdempotent(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed := calendar.Seed()
		for i := range 2 {
			if err := s.SeedCalendarDays(ctx, seed); err != nil {
				t.Fatalf("seed %d: %v", i+1, err)
			}
		}
		days, err := s.AllCalendarDays(ctx, calendar.NewDate(2025, 1, 1), calendar.NewDate(2026, 12, 31))
		if err != nil {
			t.Fatal(err)
		}
		if len(days) != len(seed) {
			t.Fatalf("got %d days after seeding twice, want %d", len(days), len(seed))
		}
		// An administrator's edit survives a later seed.
		edited := seed[0]
		edited.Name = "Nghỉ Tết (đã sửa)"
		if err := s.SaveCalendarDay(ctx, edited, "admin"); err != nil {
			t.Fatal(err)
		}
		if err := s.SeedCalendarDays(ctx, seed); err != nil {
			t.Fatal(err)
		}
		days, err = s.AllCalendarDays(ctx, seed[0].Date, seed[0].Date)
		if err != nil {
			t.Fatal(err)
		}
		if len(days) != 1 || days[0].Name != edited.Name {
			t.Errorf("got %+v, want the edited name %q kept", days, edited.Name)
		}
	})
}

func TestCalendarDayUnitOverride(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		calendarUnits(t, s)
		sat := calendar.NewDate(2026, 3, 7) // a Saturday
		if err := s.SaveCalendarDay(ctx, calendar.Override{Date: sat, Off: true, Name: "Nghỉ toàn quốc", Reference: "Thông báo 1/TB"}, "admin"); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveCalendarDay(ctx, calendar.Override{Date: sat, Off: false, Name: "Làm việc bù", Reference: "Quyết định 2/QĐ-UBND", Unit: "H26.01"}, "admin"); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			unit    string
			wantOff bool
			wantN   int
		}{
			{"", true, 1},
			{"H26.01", false, 2},
			{"H26", true, 1},
		}
		for _, tt := range tests {
			t.Run("unit="+tt.unit, func(t *testing.T) {
				cal, err := s.Calendar(ctx, tt.unit)
				if err != nil {
					t.Fatal(err)
				}
				if off, reason := cal.DayOff(sat); off != tt.wantOff {
					t.Errorf("got off=%v (%s), want %v", off, reason, tt.wantOff)
				}
				days, err := s.CalendarDays(ctx, tt.unit, sat, sat)
				if err != nil {
					t.Fatal(err)
				}
				if len(days) != tt.wantN {
					t.Errorf("got %d stored days, want %d", len(days), tt.wantN)
				}
			})
		}
		all, err := s.AllCalendarDays(ctx, sat, sat)
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 2 || all[0].Unit != "" || all[1].Unit != "H26.01" {
			t.Fatalf("got %+v, want the country-wide day then the unit's", all)
		}
		one, err := s.CalendarDay(ctx, all[1].ID)
		if err != nil || one.Reference != "Quyết định 2/QĐ-UBND" || one.Off {
			t.Errorf("CalendarDay: got %+v, %v", one, err)
		}
		if err := s.DeleteCalendarDay(ctx, all[1].ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CalendarDay(ctx, all[1].ID); fault.CodeOf(err) != fault.NotFound {
			t.Errorf("deleted day: got %v, want not_found", err)
		}
		if err := s.SaveCalendarDay(ctx, calendar.Override{Date: sat, Name: "x", Unit: "NOPE"}, "admin"); fault.CodeOf(err) != fault.NotFound {
			t.Errorf("unknown unit: got %v, want not_found", err)
		}
	})
}

func TestUnitScheduleRoundTrip(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		calendarUnits(t, s)
		got, err := s.UnitSchedule(ctx, "H26.01")
		if err != nil {
			t.Fatal(err)
		}
		if def := calendar.DefaultSchedule(); !reflect.DeepEqual(got, def) {
			t.Errorf("unset schedule: got %+v, want the default %+v", got, def)
		}
		want := calendar.Schedule{
			Sessions: []calendar.Session{
				{Start: 7*time.Hour + 30*time.Minute, End: 11*time.Hour + 30*time.Minute},
				{Start: 13 * time.Hour, End: 17 * time.Hour},
			},
			Weekdays:          []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday},
			SaturdayReception: true,
			TransferCutoff:    15 * time.Hour,
		}
		if err := s.SetUnitSchedule(ctx, "H26.01", want); err != nil {
			t.Fatal(err)
		}
		got, err = s.UnitSchedule(ctx, "H26.01")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %+v, want %+v", got, want)
		}
		if err := s.SetUnitSchedule(ctx, "NOPE", want); fault.CodeOf(err) != fault.NotFound {
			t.Errorf("unknown unit: got %v, want not_found", err)
		}
		if _, err := s.Calendar(ctx, "NOPE"); fault.CodeOf(err) != fault.NotFound {
			t.Errorf("calendar of unknown unit: got %v, want not_found", err)
		}
	})
}

func TestCalendarReflectsScheduleAndDays(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		calendarUnits(t, s)
		from := time.Date(2026, 3, 6, 10, 0, 0, 0, calendar.Zone()) // Friday
		three := calendar.Deadline{Days: 3}
		due := func(unit string) time.Time {
			t.Helper()
			cal, err := s.Calendar(ctx, unit)
			if err != nil {
				t.Fatal(err)
			}
			d, err := cal.DueOnly(from, three)
			if err != nil {
				t.Fatal(err)
			}
			return d
		}
		wed := time.Date(2026, 3, 11, 10, 0, 0, 0, calendar.Zone())
		if got := due("H26.01"); !got.Equal(wed) {
			t.Errorf("default: got %v, want %v", got, wed)
		}
		// A unit that works on Saturdays finishes a day earlier.
		sched := calendar.DefaultSchedule()
		sched.Weekdays = append(sched.Weekdays, time.Saturday)
		if err := s.SetUnitSchedule(ctx, "H26.01", sched); err != nil {
			t.Fatal(err)
		}
		tue := time.Date(2026, 3, 10, 10, 0, 0, 0, calendar.Zone())
		if got := due("H26.01"); !got.Equal(tue) {
			t.Errorf("Saturday schedule: got %v, want %v", got, tue)
		}
		if got := due(""); !got.Equal(wed) {
			t.Errorf("country-wide calendar changed by a unit's schedule: got %v, want %v", got, wed)
		}
		// A country-wide day off on Monday 9/3 moves it back for everyone.
		if err := s.SaveCalendarDay(ctx, calendar.Override{Date: calendar.NewDate(2026, 3, 9), Off: true, Name: "Nghỉ đột xuất"}, "admin"); err != nil {
			t.Fatal(err)
		}
		if got, want := due("H26.01"), time.Date(2026, 3, 11, 10, 0, 0, 0, calendar.Zone()); !got.Equal(want) {
			t.Errorf("unit with a country-wide day off: got %v, want %v", got, want)
		}
		if got, want := due(""), time.Date(2026, 3, 12, 10, 0, 0, 0, calendar.Zone()); !got.Equal(want) {
			t.Errorf("country-wide with a day off: got %v, want %v", got, want)
		}
	})
}

func TestSeedCalendarDaysAddsNewDocument(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed := calendar.Seed()
		// A database seeded by a release that knew only the first document.
		var first []calendar.Override
		for _, o := range seed {
			if o.Reference == seed[0].Reference {
				first = append(first, o)
			}
		}
		if err := s.SeedCalendarDays(ctx, first); err != nil {
			t.Fatal(err)
		}
		// The administrator deleted one of its days; a later release must not bring it back.
		days, err := s.AllCalendarDays(ctx, first[0].Date, first[0].Date)
		if err != nil || len(days) != 1 {
			t.Fatalf("got %v (%v), want the seeded day", days, err)
		}
		if err := s.DeleteCalendarDay(ctx, days[0].ID); err != nil {
			t.Fatal(err)
		}
		if err := s.SeedCalendarDays(ctx, seed); err != nil {
			t.Fatal(err)
		}
		all, err := s.AllCalendarDays(ctx, calendar.NewDate(2025, 1, 1), calendar.NewDate(2026, 12, 31))
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != len(seed)-1 {
			t.Errorf("got %d days, want %d (the new document added, the deleted day not restored)", len(all), len(seed)-1)
		}
		cal, err := s.Calendar(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		if off, _ := cal.DayOff(calendar.NewDate(2026, 1, 2)); !off {
			t.Error("got 2/1/2026 a working day, want a day off")
		}
		if off, _ := cal.DayOff(calendar.NewDate(2026, 1, 10)); off {
			t.Error("got 10/1/2026 a day off, want a make-up working day")
		}
	})
}
