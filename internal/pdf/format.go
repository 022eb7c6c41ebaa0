package pdf

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ict is Vietnam's civil time zone, UTC+7. Every time on a form is printed in it.
func ict() *time.Location {
	return time.FixedZone("ICT", 7*3600)
}

// clockText formats an instant as on the forms: "10 giờ 00 phút, ngày 24 tháng 04 năm
// 2026".
func clockText(t time.Time) string {
	t = t.In(ict())
	return fmt.Sprintf("%02d giờ %02d phút, %s", t.Hour(), t.Minute(), dateWords(t))
}

// dateWords formats the civil date of t in UTC+7 as the forms write it: "ngày 24 tháng
// 04 năm 2026".
func dateWords(t time.Time) string {
	t = t.In(ict())
	return fmt.Sprintf("ngày %02d tháng %02d năm %d", t.Day(), int(t.Month()), t.Year())
}

// dateText formats the civil date of t in UTC+7 as "24/04/2026".
func dateText(t time.Time) string {
	return t.In(ict()).Format("02/01/2006")
}

// dateLine is the place-and-date line under the national motto:
// "Tân Hòa, ngày 24 tháng 04 năm 2026", with blanks to fill in for the zero time.
func dateLine(place string, t time.Time) string {
	if strings.TrimSpace(place) == "" {
		place = "……………"
	}
	if t.IsZero() {
		return place + ", ngày …… tháng …… năm ……"
	}
	t = t.In(ict())
	return fmt.Sprintf("%s, ngày %02d tháng %02d năm %d", place, t.Day(), int(t.Month()), t.Year())
}

// daysText formats a statutory time limit: "3 ngày làm việc", "0,5 ngày làm việc",
// "15 ngày" for calendar days, or for 0 working days the same-day rule.
func daysText(n float64, calendarDays bool) string {
	if n == 0 && !calendarDays {
		return "trong ngày (nhận sau 15 giờ: trong ngày làm việc tiếp theo)"
	}
	s := strings.Replace(strconv.FormatFloat(n, 'f', -1, 64), ".", ",", 1)
	if calendarDays {
		return s + " ngày"
	}
	return s + " ngày làm việc"
}

// moneyText formats an amount in đồng with dots between thousands: "50.000 đồng".
func moneyText(v int64) string {
	neg := v < 0
	if neg {
		v = -v
	}
	digits := strconv.FormatInt(v, 10)
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String() + " đồng"
	}
	return b.String() + " đồng"
}

// orDots returns s, or a dotted blank to fill in by hand when s is empty.
func orDots(s string) string {
	if strings.TrimSpace(s) == "" {
		return "……………………"
	}
	return s
}

// countText prints a document count, blank for zero.
func countText(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// upperFirst capitalises the first letter of s.
func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
