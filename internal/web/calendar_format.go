package web

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"motcua/internal/calendar"
)

// viWeekday names a weekday in running text: "thứ Hai" … "thứ Bảy", "Chủ nhật".
func viWeekday(w time.Weekday) string {
	if w == time.Sunday {
		return "Chủ nhật"
	}
	names := [7]string{"", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy"}
	return "thứ " + names[w]
}

// viWeekdayTitle names a weekday as a heading: "Thứ Hai" … "Chủ nhật".
func viWeekdayTitle(w time.Weekday) string {
	s := viWeekday(w)
	return strings.ToUpper(s[:1]) + s[1:]
}

// viDate formats a civil date as "thứ Hai, ngày 04/05/2026".
func viDate(d calendar.Date) string {
	return fmt.Sprintf("%s, ngày %02d/%02d/%04d", viWeekday(d.Weekday()), d.Day, int(d.Month), d.Year)
}

// viInstant formats an instant in Vietnam's time as "10 giờ 00 phút, thứ Hai, ngày 04/05/2026".
func viInstant(t time.Time) string {
	t = t.In(calendar.Zone())
	return fmt.Sprintf("%d giờ %02d phút, %s", t.Hour(), t.Minute(), viDate(calendar.DateOf(t)))
}

// viDuration formats working minutes as "8 giờ", "3 giờ 30 phút", "45 phút", or "—" for none.
func viDuration(minutes int) string {
	h, m := minutes/60, minutes%60
	switch {
	case minutes <= 0:
		return "—"
	case m == 0:
		return fmt.Sprintf("%d giờ", h)
	case h == 0:
		return fmt.Sprintf("%d phút", m)
	}
	return fmt.Sprintf("%d giờ %d phút", h, m)
}

// viNumber formats a number of days with a decimal comma: "3", "0,5".
func viNumber(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1)
}

// lunarMonthName names a lunar month: "tháng Giêng", "tháng Mười Một", "tháng Chạp",
// "tháng Sáu nhuận".
func lunarMonthName(month int, leap bool) string {
	names := [13]string{"", "Giêng", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Mười Một", "Chạp"}
	if month < 1 || month > 12 {
		return ""
	}
	s := "tháng " + names[month]
	if leap {
		s += " nhuận"
	}
	return s
}

// canChi names a lunar year by the sexagenary cycle: 2026 is "Bính Ngọ".
func canChi(year int) string {
	can := [10]string{"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"}
	chi := [12]string{"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"}
	return can[((year+6)%10+10)%10] + " " + chi[((year+8)%12+12)%12]
}

// explainKind labels a kind of explanation day for people.
func explainKind(kind string) string {
	switch kind {
	case calendar.ExplainCounted:
		return "Tính đủ ngày"
	case calendar.ExplainPartial:
		return "Tính một phần"
	case calendar.ExplainPaused:
		return "Tạm dừng"
	}
	return "Không tính"
}
