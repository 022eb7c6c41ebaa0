package feedback

import (
	"fmt"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"motcua/internal/calendar"
	"motcua/internal/fault"
)

// Submission is a new PAKN as the sender (or the desk, from a call) gives it.
type Submission struct {
	UnitCode    string
	Channel     Channel
	Kind        Kind
	DossierCode string
	Title       string
	Content     string
	Sender      Sender
}

// MaxName bounds the sender's name and address, in characters.
const MaxName = 200

// Normalize trims the text fields and checks them, answering fault.Invalid with a
// message per field, or fault.TooLarge when a text is longer than its limit. The law
// requires a name and a way to answer (an e-mail address or a phone number).
func (s *Submission) Normalize() error {
	trim := func(p *string) { *p = strings.TrimSpace(*p) }
	trim(&s.UnitCode)
	trim(&s.DossierCode)
	trim(&s.Title)
	trim(&s.Content)
	trim(&s.Sender.Name)
	trim(&s.Sender.Email)
	trim(&s.Sender.Phone)
	trim(&s.Sender.Address)
	s.DossierCode = strings.ToUpper(s.DossierCode)
	errs := map[string]string{}
	tooLong := map[string]string{}
	long := func(field, v string, n int) bool {
		if utf8.RuneCountInString(v) > n {
			tooLong[field] = fmt.Sprintf("Tối đa %d ký tự.", n)
			return true
		}
		return false
	}
	if s.UnitCode == "" {
		errs["unit_code"] = "Chọn đơn vị nhận phản ánh, kiến nghị."
	}
	if !s.Kind.Valid() {
		errs["kind"] = "Chọn nội dung phản ánh, kiến nghị."
	}
	if !s.Channel.Valid() {
		errs["channel"] = "Kênh tiếp nhận không hợp lệ."
	}
	if s.Kind == KindDossier && s.DossierCode == "" {
		errs["dossier_code"] = "Nhập mã hồ sơ được phản ánh."
	}
	if s.Title == "" {
		s.Title = firstWords(s.Content, 80)
	}
	if s.Content == "" {
		errs["content"] = "Nhập nội dung phản ánh, kiến nghị."
	}
	long("title", s.Title, MaxTitle)
	long("content", s.Content, MaxContent)
	if s.Sender.Name == "" {
		errs["name"] = "Nhập họ và tên người gửi."
	}
	long("name", s.Sender.Name, MaxName)
	long("address", s.Sender.Address, MaxName)
	if s.Sender.Email == "" && s.Sender.Phone == "" {
		errs["contact"] = "Nhập số điện thoại hoặc địa chỉ thư điện tử để nhận trả lời."
	}
	if s.Sender.Email != "" {
		if a, err := mail.ParseAddress(s.Sender.Email); err != nil || a.Address != s.Sender.Email || len(s.Sender.Email) > 254 {
			errs["email"] = "Địa chỉ thư điện tử không hợp lệ."
		}
	}
	if s.Sender.Phone != "" && !validPhone(s.Sender.Phone) {
		errs["phone"] = "Số điện thoại không hợp lệ."
	}
	if len(tooLong) > 0 && len(errs) == 0 {
		e := fault.New(fault.TooLarge, "Nội dung gửi quá dài.")
		e.Fields = tooLong
		return e
	}
	for k, v := range tooLong {
		errs[k] = v
	}
	if len(errs) > 0 {
		return fault.WithFields("Phản ánh, kiến nghị chưa đủ thông tin.", errs)
	}
	return nil
}

// validPhone accepts 8–15 digits with an optional leading + and spaces, dots or hyphens.
func validPhone(p string) bool {
	n := 0
	for i, c := range p {
		switch {
		case c >= '0' && c <= '9':
			n++
		case c == '+' && i == 0, c == ' ', c == '.', c == '-':
		default:
			return false
		}
	}
	return n >= 8 && n <= 15
}

// firstWords returns the beginning of s, at most n characters, cut at a space.
func firstWords(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	if i := strings.LastIndexByte(string(r), ' '); i > n/2 {
		return string(r)[:i] + "…"
	}
	return string(r) + "…"
}

// FormatCode returns the mã phản ánh PA-{unit}-{YYMMDD}-{NNNN}: the receiving unit's
// identifier, the date of receipt in UTC+7 and the daily sequence number.
func FormatCode(unitCode string, at time.Time, seq int) string {
	return fmt.Sprintf("PA-%s-%s-%04d", unitCode, at.In(calendar.Zone()).Format("060102"), seq)
}
