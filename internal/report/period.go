package report

import (
	"fmt"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/fault"
)

// Kind is the kind of a named reporting period (kỳ báo cáo).
type Kind string

// The kinds of period. Month, Quarter, Half and Year are statutory periods (Decree
// 09/2019/NĐ-CP art. 12): each runs from the 15th of the month before it starts to the
// 14th of its last month. CalendarMonth runs from the 1st to the last day of the month.
const (
	Month         Kind = "month"
	Quarter       Kind = "quarter"
	Half          Kind = "half"
	Year          Kind = "year"
	CalendarMonth Kind = "calendar_month"
)

// MaxYears is the longest period a report covers, in years.
const MaxYears = 5

// Period is a kỳ báo cáo: the civil dates (UTC+7) From to To, both included.
type Period struct {
	From, To calendar.Date
	// Name is the period's Vietnamese name ("Quý I/2026 (15/12/2025 – 14/03/2026)").
	Name string
}

// NewPeriod returns the period from one date to another, both included, named by its
// dates. It answers fault.Invalid, with field messages under "from" and "to", when the
// dates are out of order or the period is longer than five years.
func NewPeriod(from, to calendar.Date) (Period, error) {
	if to.Before(from) {
		return Period{}, fault.WithFields("Kỳ báo cáo không hợp lệ.", map[string]string{
			"to": "Ngày kết thúc phải từ ngày bắt đầu trở đi."})
	}
	if !to.Before(calendar.NewDate(from.Year+MaxYears, from.Month, from.Day)) {
		return Period{}, fault.WithFields("Kỳ báo cáo không hợp lệ.", map[string]string{
			"to": "Kỳ báo cáo không được dài quá 5 năm."})
	}
	return Period{From: from, To: to, Name: "Từ " + dmy(from) + " đến " + dmy(to)}, nil
}

// Days is the number of days in the period.
func (p Period) Days() int { return int(p.End().Sub(p.Start()) / (24 * time.Hour)) }

// Start is the first instant of the period.
func (p Period) Start() time.Time { return p.From.Start() }

// End is the first instant after the period: the start of the day after To.
func (p Period) End() time.Time { return p.To.AddDays(1).Start() }

// Contains reports whether the civil date falls within the period.
func (p Period) Contains(d calendar.Date) bool { return !d.Before(p.From) && !d.After(p.To) }

// Named returns the period of the kind numbered n in the year: month 1–12, quarter 1–4,
// half 1–2, year (n ignored), calendar month 1–12. Statutory periods of year Y that
// start in the previous year belong to Y: the statutory year 2026 runs from 15/12/2025
// to 14/12/2026, month 1 of 2026 from 15/12/2025 to 14/01/2026.
func Named(kind Kind, year, n int) (Period, error) {
	if year < 1900 || year > 9999 {
		return Period{}, fault.WithFields("Kỳ báo cáo không hợp lệ.", map[string]string{"year": "Năm không hợp lệ."})
	}
	// first and last are the months of the year (1–12) the period ends in.
	var first, last int
	var name string
	switch kind {
	case Month, CalendarMonth:
		if n < 1 || n > 12 {
			return Period{}, badNumber("Tháng phải từ 1 đến 12.")
		}
		first, last = n, n
		name = fmt.Sprintf("Tháng %d/%d", n, year)
	case Quarter:
		if n < 1 || n > 4 {
			return Period{}, badNumber("Quý phải từ 1 đến 4.")
		}
		first, last = 3*n-2, 3*n
		name = fmt.Sprintf("Quý %s/%d", [...]string{"I", "II", "III", "IV"}[n-1], year)
	case Half:
		if n < 1 || n > 2 {
			return Period{}, badNumber("Nửa năm phải là 1 hoặc 2.")
		}
		first, last = 6*n-5, 6*n
		name = fmt.Sprintf("6 tháng %s năm %d", [...]string{"đầu", "cuối"}[n-1], year)
	case Year:
		first, last = 1, 12
		name = fmt.Sprintf("Năm %d", year)
	default:
		return Period{}, fault.WithFields("Kỳ báo cáo không hợp lệ.", map[string]string{"kind": "Loại kỳ báo cáo không hợp lệ."})
	}
	var p Period
	if kind == CalendarMonth {
		p.From = calendar.NewDate(year, time.Month(first), 1)
		p.To = calendar.NewDate(year, time.Month(last)+1, 1).AddDays(-1)
		p.Name = name + " (dương lịch)"
		return p, nil
	}
	p.From = calendar.NewDate(year, time.Month(first-1), 15) // month 0 is December before
	p.To = calendar.NewDate(year, time.Month(last), 14)
	p.Name = name + " (" + dmy(p.From) + " – " + dmy(p.To) + ")"
	return p, nil
}

// Periods lists the periods offered by name for the year: the statutory year, halves,
// quarters and months, then the calendar months.
func Periods(year int) []Period {
	var out []Period
	add := func(k Kind, n int) {
		if p, err := Named(k, year, n); err == nil {
			out = append(out, p)
		}
	}
	add(Year, 0)
	for n := 1; n <= 2; n++ {
		add(Half, n)
	}
	for n := 1; n <= 4; n++ {
		add(Quarter, n)
	}
	for n := 1; n <= 12; n++ {
		add(Month, n)
	}
	for n := 1; n <= 12; n++ {
		add(CalendarMonth, n)
	}
	return out
}

// StatutoryMonth returns the statutory month that contains the date: the one ending on
// the 14th of the date's month when the day is at most 14, else the next one.
func StatutoryMonth(d calendar.Date) Period {
	y, m := d.Year, int(d.Month)
	if d.Day >= 15 {
		m++
		if m == 13 {
			y, m = y+1, 1
		}
	}
	p, _ := Named(Month, y, m)
	return p
}

func badNumber(msg string) error {
	return fault.WithFields("Kỳ báo cáo không hợp lệ.", map[string]string{"n": msg})
}

// dmy formats a date the Vietnamese way, 15/12/2025.
func dmy(d calendar.Date) string {
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year)
}
