package calendar

import (
	"fmt"
	"time"
)

// ict is Vietnam's time zone, UTC+7 without daylight saving time (none since 1975). It is
// built once and never mutated; it does not depend on the tzdata database.
var ict = time.FixedZone("ICT", 7*3600)

// Zone returns Vietnam's time zone (giờ Việt Nam, UTC+7), in which every civil date of
// the legal clock is reckoned.
func Zone() *time.Location { return ict }

// Date is a civil date (ngày dương lịch) in Vietnam, without a time of day. The zero Date
// is not a valid date.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the Date, normalising out-of-range months and days the way time.Date does.
func NewDate(year int, month time.Month, day int) Date {
	return dateFromDays(daysFromCivil(year, month, day))
}

// ParseDate parses a strict "YYYY-MM-DD" date: the month must be 01–12 and the day must
// exist in that month ("2026-02-30" is an error).
func ParseDate(s string) (Date, error) {
	bad := invalidf("Ngày %q không hợp lệ: cần dạng YYYY-MM-DD và là một ngày có thật.", s)
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, bad
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || !validYMD(y, m, d) {
		return Date{}, bad
	}
	return Date{Year: y, Month: time.Month(m), Day: d}, nil
}

// digits parses a run of ASCII digits.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, len(s) > 0
}

// validYMD reports whether the year, month and day name a real Gregorian date in 1–9999.
func validYMD(y, m, d int) bool {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= daysIn(y, time.Month(m))
}

// daysIn returns the number of days of the month.
func daysIn(y int, m time.Month) int {
	return daysFromCivil(y, m+1, 1) - daysFromCivil(y, m, 1)
}

// DateOf returns the civil date of the instant in Vietnam (UTC+7).
func DateOf(t time.Time) Date {
	y, m, d := t.In(ict).Date()
	return Date{Year: y, Month: m, Day: d}
}

// String formats the date as "YYYY-MM-DD".
func (d Date) String() string {
	if d.Year < 0 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 0 || d.Day > 99 {
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
	// Formatted by hand: the bulk writers format millions of dates.
	b := [10]byte{'0' + byte(d.Year/1000), '0' + byte(d.Year/100%10), '0' + byte(d.Year/10%10), '0' + byte(d.Year%10), '-',
		'0' + byte(d.Month/10), '0' + byte(d.Month%10), '-', '0' + byte(d.Day/10), '0' + byte(d.Day%10)}
	return string(b[:])
}

// MarshalText formats the date as "YYYY-MM-DD" (also used by encoding/json).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses a strict "YYYY-MM-DD" date.
func (d *Date) UnmarshalText(b []byte) error {
	p, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// AddDays returns the date n days later (earlier when n is negative).
func (d Date) AddDays(n int) Date { return dateFromDays(d.days() + n) }

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return weekdayOf(d.days()) }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	a, b := d.days(), e.days()
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Equal reports whether d and e are the same day.
func (d Date) Equal(e Date) bool { return d.Compare(e) == 0 }

// Start returns 00:00 of the date in UTC+7.
func (d Date) Start() time.Time { return dayStart(d.days()) }

// days returns the number of days since 1970-01-01.
func (d Date) days() int { return daysFromCivil(d.Year, d.Month, d.Day) }

// dayStart returns 00:00 UTC+7 of the day number z.
func dayStart(z int) time.Time {
	return time.Unix(int64(z)*86400-7*3600, 0).In(ict)
}

// weekdayOf returns the weekday of day number z (1970-01-01 was a Thursday).
func weekdayOf(z int) time.Weekday {
	return time.Weekday(((z % 7) + 7 + 4) % 7)
}

// daysFromCivil converts a proleptic Gregorian date to days since 1970-01-01. Out-of-range
// months and days are normalised.
func daysFromCivil(y int, m time.Month, d int) int {
	mi := int(m) - 1
	y += floorDiv(mi, 12)
	mi = mi - floorDiv(mi, 12)*12 + 1
	if mi <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (mi + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// dateFromDays converts days since 1970-01-01 to a proleptic Gregorian date.
func dateFromDays(z int) Date {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if mp >= 10 {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return Date{Year: y, Month: time.Month(m), Day: d}
}

// floorDiv is integer division rounding toward minus infinity.
func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
