package dossier

import (
	"strings"
	"unicode/utf8"
)

// Applicant is the người nộp hồ sơ: a citizen or the representative of an organisation.
// This is personal data: public pages never show it; officer lists show Masked().
type Applicant struct {
	FullName string `json:"full_name"`
	IDNumber string `json:"id_number"` // CMND (9 digits) or CCCD (12 digits)
	Phone    string `json:"phone"`
	Email    string `json:"email"`
	Address  string `json:"address"`
}

// Trimmed returns the applicant with surrounding spaces removed from every field and the
// inner spaces of the name collapsed.
func (a Applicant) Trimmed() Applicant {
	return Applicant{
		FullName: strings.Join(strings.Fields(a.FullName), " "),
		IDNumber: strings.TrimSpace(a.IDNumber),
		Phone:    strings.TrimSpace(a.Phone),
		Email:    strings.TrimSpace(a.Email),
		Address:  strings.TrimSpace(a.Address),
	}
}

// Valid returns the Vietnamese message for each invalid field (keyed by its JSON name),
// or nil: the full name is required (at most 200 characters); the ID number, when given,
// has 9 or 12 digits; the phone, when given, is a Vietnamese number (0 or +84 followed by
// 9–10 digits); the e-mail, when given, looks like one; the address has at most 500
// characters. Call it on Trimmed().
func (a Applicant) Valid() map[string]string {
	f := map[string]string{}
	switch n := utf8.RuneCountInString(a.FullName); {
	case strings.TrimSpace(a.FullName) == "":
		f["full_name"] = "Cần nhập họ và tên người nộp hồ sơ."
	case n > 200:
		f["full_name"] = "Họ và tên không được dài quá 200 ký tự."
	}
	if a.IDNumber != "" && (!allDigits(a.IDNumber) || len(a.IDNumber) != 9 && len(a.IDNumber) != 12) {
		f["id_number"] = "Số CMND/CCCD phải gồm 9 hoặc 12 chữ số."
	}
	if a.Phone != "" && !validPhone(a.Phone) {
		f["phone"] = "Số điện thoại không hợp lệ (bắt đầu bằng 0 hoặc +84, gồm 10–11 chữ số)."
	}
	if a.Email != "" && !validEmail(a.Email) {
		f["email"] = "Địa chỉ email không hợp lệ."
	}
	if utf8.RuneCountInString(a.Address) > 500 {
		f["address"] = "Địa chỉ không được dài quá 500 ký tự."
	}
	if len(f) == 0 {
		return nil
	}
	return f
}

// validPhone matches ^(\+84|0)[0-9]{9,10}$.
func validPhone(s string) bool {
	var rest string
	switch {
	case strings.HasPrefix(s, "+84"):
		rest = s[3:]
	case strings.HasPrefix(s, "0"):
		rest = s[1:]
	default:
		return false
	}
	return (len(rest) == 9 || len(rest) == 10) && allDigits(rest)
}

// validEmail accepts local@domain.tld with no spaces or control characters, one @, a
// dot inside the domain, at most 254 bytes.
func validEmail(s string) bool {
	if len(s) > 254 || strings.Count(s, "@") != 1 {
		return false
	}
	for _, c := range s {
		if c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' {
			return false
		}
	}
	local, domain, _ := strings.Cut(s, "@")
	if local == "" || len(local) > 64 {
		return false
	}
	dot := strings.LastIndexByte(domain, '.')
	return dot > 0 && dot < len(domain)-1 && !strings.Contains(domain, "..") &&
		!strings.HasPrefix(domain, "-") && !strings.HasPrefix(domain, ".")
}

// Masked returns the applicant with personal data hidden for officer lists: the family
// name kept and every other word reduced to its initial ("Nguyễn V*** A***"), the phone
// to its first and last two digits ("09******78"), the ID number to its last three, the
// e-mail to the first letter and the domain, the address to its last part (the locality).
func (a Applicant) Masked() Applicant {
	return Applicant{
		FullName: maskName(a.FullName),
		IDNumber: maskKeep(a.IDNumber, 0, 3),
		Phone:    maskKeep(a.Phone, 2, 2),
		Email:    maskEmail(a.Email),
		Address:  maskAddress(a.Address),
	}
}

func maskName(s string) string {
	words := strings.Fields(s)
	for i := 1; i < len(words); i++ {
		r, _ := utf8.DecodeRuneInString(words[i])
		words[i] = string(r) + "***"
	}
	return strings.Join(words, " ")
}

// maskKeep keeps the first head and last tail runes and stars the rest; values too short
// to hide anything are starred entirely.
func maskKeep(s string, head, tail int) string {
	r := []rune(s)
	if len(r) == 0 {
		return ""
	}
	if len(r) <= head+tail+2 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:head]) + strings.Repeat("*", len(r)-head-tail) + string(r[len(r)-tail:])
}

func maskEmail(s string) string {
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" {
		return maskKeep(s, 0, 0)
	}
	r, _ := utf8.DecodeRuneInString(local)
	return string(r) + "***@" + domain
}

func maskAddress(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	i := strings.LastIndexByte(s, ',')
	if i < 0 {
		return "***"
	}
	return "***, " + strings.TrimSpace(s[i+1:])
}
