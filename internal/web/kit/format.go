package kit

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/fault"
)

// ViWeekday names a weekday in running text: "thứ Hai" … "thứ Bảy", "Chủ nhật".
func ViWeekday(w time.Weekday) string {
	if w == time.Sunday {
		return "Chủ nhật"
	}
	names := [7]string{"", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy"}
	return "thứ " + names[w]
}

// ViWeekdayTitle names a weekday as a heading: "Thứ Hai" … "Chủ nhật".
func ViWeekdayTitle(w time.Weekday) string {
	s := ViWeekday(w)
	return strings.ToUpper(s[:1]) + s[1:]
}

// ViDate formats a civil date as "thứ Hai, ngày 04/05/2026".
func ViDate(d calendar.Date) string {
	return fmt.Sprintf("%s, ngày %02d/%02d/%04d", ViWeekday(d.Weekday()), d.Day, int(d.Month), d.Year)
}

// ViInstant formats an instant in Vietnam's time as "10 giờ 00 phút, thứ Hai, ngày 04/05/2026".
func ViInstant(t time.Time) string {
	t = t.In(calendar.Zone())
	return fmt.Sprintf("%d giờ %02d phút, %s", t.Hour(), t.Minute(), ViDate(calendar.DateOf(t)))
}

// ViDuration formats working minutes as "8 giờ", "3 giờ 30 phút", "45 phút", or "—" for none.
func ViDuration(minutes int) string {
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

// ViNumber formats a number of days with a decimal comma: "3", "0,5".
func ViNumber(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1)
}

// LunarMonthName names a lunar month: "tháng Giêng", "tháng Mười Một", "tháng Chạp",
// "tháng Sáu nhuận".
func LunarMonthName(month int, leap bool) string {
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

// CanChi names a lunar year by the sexagenary cycle: 2026 is "Bính Ngọ".
func CanChi(year int) string {
	can := [10]string{"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"}
	chi := [12]string{"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"}
	return can[((year+6)%10+10)%10] + " " + chi[((year+8)%12+12)%12]
}

// ExplainKind labels a kind of explanation day for people.
func ExplainKind(kind string) string {
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

// CalendarMessage is the Vietnamese message of a *calendar.Error, or a generic one.
func CalendarMessage(err error) string {
	if e := fault.As(CalendarInvalid(err, "")); e != nil {
		return e.Message
	}
	return "Dữ liệu không hợp lệ."
}

// ParseHHMM parses a time of day "HH:MM" (00:00–23:59).
func ParseHHMM(s string) (time.Duration, bool) {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, false
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, true
}

// CalendarInvalid turns a *calendar.Error about the named parameter into an invalid
// fault whose fields name that parameter; other errors pass unchanged.
func CalendarInvalid(err error, param string) error {
	var ce *calendar.Error
	if errors.As(err, &ce) {
		return fault.WithFields(ce.Message, map[string]string{param: ce.Message})
	}
	return err
}
