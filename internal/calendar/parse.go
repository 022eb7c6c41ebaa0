package calendar

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// ParseDays parses a deadline in days ("3", "0.5", or "0,5" with a decimal comma); "0"
// is the same-day rule (trong ngày, see Deadline). It rejects text that is not a number,
// NaN, infinities, negative numbers and more than MaxDeadlineDays.
func ParseDays(s string) (float64, error) {
	t := strings.TrimSpace(s)
	if strings.Count(t, ",") == 1 && !strings.Contains(t, ".") {
		t = strings.Replace(t, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || strings.ContainsAny(t, "xXpP_") {
		return 0, invalidf("Số ngày %q không hợp lệ: cần một số, ví dụ 3 hoặc 0,5.", s)
	}
	if v < 0 || v > MaxDeadlineDays {
		return 0, invalidf("Số ngày %q không hợp lệ: phải từ 0 (giải quyết trong ngày) đến %d.", s, MaxDeadlineDays)
	}
	return v, nil
}

// ParseInstant parses an RFC 3339 instant ("2026-04-24T10:00:00+07:00").
func ParseInstant(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, invalidf("Thời điểm %q không hợp lệ: cần dạng RFC 3339, ví dụ 2026-04-24T10:00:00+07:00.", s)
	}
	return t, nil
}

// ParseYear parses a year in 1900–2199.
func ParseYear(s string) (int, error) {
	y, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || y < minYear || y > maxYear {
		return 0, invalidf("Năm %q không hợp lệ: cần một năm từ %d đến %d.", s, minYear, maxYear)
	}
	return y, nil
}

// ParseSolarDMY parses a civil date written "D/M/YYYY" ("30/4/2026", "02/09/2026"); the
// date must exist ("30/2/2026" is an error).
func ParseSolarDMY(s string) (Date, error) {
	d, m, y, ok := splitDMY(s)
	if !ok || !validYMD(y, m, d) {
		return Date{}, invalidf("Ngày %q không hợp lệ: cần dạng ngày/tháng/năm, ví dụ 30/4/2026, và là một ngày có thật.", s)
	}
	return Date{Year: y, Month: time.Month(m), Day: d}, nil
}

// ParseLunarDMY parses a lunar date written "D/M/YYYY" with the leap-month flag; whether
// the date exists is checked by FromLunar.
func ParseLunarDMY(s string, leap bool) (LunarDate, error) {
	d, m, y, ok := splitDMY(s)
	if !ok || d < 1 || d > 30 || m < 1 || m > 12 {
		return LunarDate{}, invalidf("Ngày âm lịch %q không hợp lệ: cần dạng ngày/tháng/năm, ví dụ 10/3/2026.", s)
	}
	return LunarDate{Day: d, Month: m, Year: y, Leap: leap}, nil
}

// splitDMY splits "D/M/YYYY" into numbers: day and month of 1–2 digits, a 4-digit year.
func splitDMY(s string) (d, m, y int, ok bool) {
	parts := strings.Split(strings.TrimSpace(s), "/")
	if len(parts) != 3 || len(parts[0]) > 2 || len(parts[1]) > 2 || len(parts[2]) != 4 {
		return 0, 0, 0, false
	}
	d, ok1 := digits(parts[0])
	m, ok2 := digits(parts[1])
	y, ok3 := digits(parts[2])
	return d, m, y, ok1 && ok2 && ok3
}
