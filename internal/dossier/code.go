package dossier

import (
	"crypto/rand"
	"fmt"
	"strconv"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/fault"
)

// FormatCode returns the mã hồ sơ {unit}-{YYMMDD}-{NNNN}: the receiving unit's electronic
// identifier, the receipt date in UTC+7 and the daily sequence number, zero-padded to at
// least 4 digits (a sequence above 9999 simply has more digits). The store allocates seq
// in a transaction keyed by unit and date.
func FormatCode(unitCode string, receivedAt time.Time, seq int) string {
	return fmt.Sprintf("%s-%s-%04d", unitCode, receivedAt.In(calendar.Zone()).Format("060102"), seq)
}

// ParseCode splits a dossier code made by FormatCode into the unit code, the receipt date
// (years 2000–2099) and the sequence number. It accepts only the canonical form that
// FormatCode produces, and returns an Invalid error otherwise.
func ParseCode(s string) (unit string, day calendar.Date, seq int, err error) {
	bad := fault.Newf(fault.Invalid, "Mã hồ sơ “%s” không đúng định dạng {mã đơn vị}-{YYMMDD}-{số thứ tự}.", clip(s, 60))
	i := strings.LastIndexByte(s, '-')
	if i < 0 {
		return "", calendar.Date{}, 0, bad
	}
	num := s[i+1:]
	rest := s[:i]
	j := strings.LastIndexByte(rest, '-')
	if j < 0 {
		return "", calendar.Date{}, 0, bad
	}
	unit, ymd := rest[:j], rest[j+1:]
	if !validUnitCode(unit) || len(ymd) != 6 || !allDigits(ymd) || len(num) < 4 || len(num) > 9 || !allDigits(num) {
		return "", calendar.Date{}, 0, bad
	}
	if len(num) > 4 && num[0] == '0' {
		return "", calendar.Date{}, 0, bad
	}
	seq, _ = strconv.Atoi(num)
	y, _ := strconv.Atoi(ymd[0:2])
	m, _ := strconv.Atoi(ymd[2:4])
	d, _ := strconv.Atoi(ymd[4:6])
	t := time.Date(2000+y, time.Month(m), d, 12, 0, 0, 0, calendar.Zone())
	if m < 1 || m > 12 || d < 1 || t.Day() != d || t.Month() != time.Month(m) {
		return "", calendar.Date{}, 0, bad
	}
	return unit, calendar.DateOf(t), seq, nil
}

// validUnitCode reports whether s can be a unit's electronic identifier inside a code:
// 1–64 ASCII letters, digits, dots, hyphens or underscores.
func validUnitCode(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, c := range []byte(s) {
		ok := c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '.' || c == '-' || c == '_'
		if !ok {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// clip shortens s to at most n runes for an error message.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// LookupAlphabet holds the characters of lookup keys: digits and capital letters without
// the look-alikes 0, O, 1, I and L.
const LookupAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

// LookupKeyLength is the number of characters of a lookup key.
const LookupKeyLength = 8

// NewLookupKey returns a random key (mã tra cứu) of LookupKeyLength characters from
// LookupAlphabet, printed on the receipt so that the applicant can follow the dossier
// without an account. It uses crypto/rand, without modulo bias.
func NewLookupKey() (string, error) {
	const n = len(LookupAlphabet)
	const limit = 256 - 256%n // reject bytes ≥ limit to avoid bias
	out := make([]byte, 0, LookupKeyLength)
	buf := make([]byte, 16)
	for len(out) < LookupKeyLength {
		if _, err := rand.Read(buf); err != nil {
			return "", fmt.Errorf("lookup key: %w", err)
		}
		for _, b := range buf {
			if int(b) < limit && len(out) < LookupKeyLength {
				out = append(out, LookupAlphabet[int(b)%n])
			}
		}
	}
	return string(out), nil
}

// ValidLookupKey reports whether s has the shape of a lookup key (case-insensitive).
func ValidLookupKey(s string) bool {
	if len(s) != LookupKeyLength {
		return false
	}
	for _, c := range strings.ToUpper(s) {
		if !strings.ContainsRune(LookupAlphabet, c) {
			return false
		}
	}
	return true
}
