package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"motcua/internal/calendar"
)

// calendarUsage lists the calendar subcommands.
const calendarUsage = `Cách dùng:
  motcua calendar lunar YYYY-MM-DD
  motcua calendar solar D/M/YYYY [--leap]
  motcua calendar holidays YYYY
  motcua calendar due --from RFC3339 --days N [--unit MÃ] [--calendar-days]`

// calendarCommand runs "motcua calendar …": it writes one line of JSON to stdout, or
// returns an error with a Vietnamese message. load returns the country-wide calendar for
// unit "" and a unit's calendar for its code.
func calendarCommand(ctx context.Context, args []string, stdout, stderr io.Writer,
	load func(ctx context.Context, unit string) (*calendar.Calendar, error)) error {
	if len(args) == 0 {
		return errors.New("thiếu lệnh con.\n" + calendarUsage)
	}
	sub, rest := args[0], args[1:]
	fs := flag.NewFlagSet("calendar "+sub, flag.ContinueOnError)
	fs.SetOutput(stderr)
	switch sub {
	case "lunar":
		pos, err := parseInterleaved(fs, rest, 1)
		if err != nil {
			return err
		}
		d, err := calendar.ParseDate(pos[0])
		if err != nil {
			return err
		}
		l, err := calendar.ToLunar(d)
		if err != nil {
			return err
		}
		return writeJSON(stdout, l)
	case "solar":
		leap := fs.Bool("leap", false, "tháng nhuận")
		pos, err := parseInterleaved(fs, rest, 1)
		if err != nil {
			return err
		}
		l, err := calendar.ParseLunarDMY(pos[0], *leap)
		if err != nil {
			return err
		}
		d, err := calendar.FromLunar(l)
		if err != nil {
			return err
		}
		return writeJSON(stdout, struct {
			Date calendar.Date `json:"date"`
		}{d})
	case "holidays":
		unit := fs.String("unit", "", "mã đơn vị")
		pos, err := parseInterleaved(fs, rest, 1)
		if err != nil {
			return err
		}
		year, err := calendar.ParseYear(pos[0])
		if err != nil {
			return err
		}
		cal, err := loadCalendar(ctx, load, *unit)
		if err != nil {
			return err
		}
		return writeJSON(stdout, cal.Holidays(year))
	case "due":
		return calendarDue(ctx, fs, rest, stdout, load)
	}
	return fmt.Errorf("lệnh con %q không có.\n%s", sub, calendarUsage)
}

// calendarDue runs "motcua calendar due".
func calendarDue(ctx context.Context, fs *flag.FlagSet, args []string, stdout io.Writer,
	load func(ctx context.Context, unit string) (*calendar.Calendar, error)) error {
	from := fs.String("from", "", "thời điểm tiếp nhận, RFC 3339")
	days := fs.String("days", "", "số ngày làm việc (có thể lẻ, ví dụ 0.5; 0: giải quyết trong ngày, hẹn trả cuối ngày nếu nhận đến 15 giờ)")
	unit := fs.String("unit", "", "mã đơn vị")
	calDays := fs.Bool("calendar-days", false, "tính theo ngày lịch")
	if _, err := parseInterleaved(fs, args, 0); err != nil {
		return err
	}
	if *from == "" || *days == "" {
		return errors.New("cần cả --from và --days.\n" + calendarUsage)
	}
	at, err := calendar.ParseInstant(*from)
	if err != nil {
		return err
	}
	n, err := calendar.ParseDays(*days)
	if err != nil {
		return err
	}
	cal, err := loadCalendar(ctx, load, *unit)
	if err != nil {
		return err
	}
	due, explain, err := cal.Due(at, calendar.Deadline{Days: n, CalendarDays: *calDays})
	if err != nil {
		return err
	}
	return writeJSON(stdout, struct {
		Due     string               `json:"due"`
		Explain calendar.Explanation `json:"explain"`
	}{due.In(calendar.Zone()).Format(time.RFC3339), explain})
}

// loadCalendar calls load and words its failure for the user.
func loadCalendar(ctx context.Context, load func(ctx context.Context, unit string) (*calendar.Calendar, error), unit string) (*calendar.Calendar, error) {
	cal, err := load(ctx, unit)
	if err != nil {
		if unit == "" {
			return nil, fmt.Errorf("không tải được lịch làm việc: %w", err)
		}
		return nil, fmt.Errorf("không tải được lịch làm việc của đơn vị %q: %w", unit, err)
	}
	return cal, nil
}

// parseInterleaved parses flags that may come before, between or after the positional
// arguments, and checks that exactly want positional arguments were given.
func parseInterleaved(fs *flag.FlagSet, args []string, want int) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, fmt.Errorf("tham số không hợp lệ: %v.\n%s", err, calendarUsage)
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(pos) != want {
		return nil, fmt.Errorf("cần %d tham số vị trí, nhận được %d.\n%s", want, len(pos), calendarUsage)
	}
	return pos, nil
}

// writeJSON writes v as one line of JSON, without HTML escaping.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
