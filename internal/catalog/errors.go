package catalog

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FieldError is one validation problem: the path of the offending value
// (e.g. "documents[2].name", indices 0-based) and a Vietnamese message
// that can be shown to users.
type FieldError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// FieldErrors lists validation problems in the order they were found.
// An empty list means the value is valid.
type FieldErrors []FieldError

// Map returns the problems keyed by path, keeping the first message of
// each path, for the "fields" object of API errors.
func (e FieldErrors) Map() map[string]string {
	m := make(map[string]string, len(e))
	for _, fe := range e {
		if _, ok := m[fe.Path]; !ok {
			m[fe.Path] = fe.Message
		}
	}
	return m
}

// Error joins the problems into one line so FieldErrors can be returned as
// an error.
func (e FieldErrors) Error() string {
	parts := make([]string, len(e))
	for i, fe := range e {
		parts[i] = fe.Path + ": " + fe.Message
	}
	return strings.Join(parts, "; ")
}

func (e *FieldErrors) add(path, msg string) {
	*e = append(*e, FieldError{Path: path, Message: msg})
}

// prefixed appends errs to e with prefix+"." before each path.
func (e *FieldErrors) prefixed(prefix string, errs FieldErrors) {
	for _, fe := range errs {
		*e = append(*e, FieldError{Path: prefix + "." + fe.Path, Message: fe.Message})
	}
}

// Text limits.
const (
	maxNameRunes = 500
	maxLongRunes = 20000
)

// text checks a text value: required when asked, at most max runes, valid
// UTF-8, no control characters (line breaks allowed when multiline), no
// leading or trailing spaces, and NFC-clean. See nfcClean.
func (e *FieldErrors) text(path, s string, required bool, max int, multiline bool) {
	if s == "" {
		if required {
			e.add(path, "Không được để trống.")
		}
		return
	}
	if !utf8.ValidString(s) {
		e.add(path, "Văn bản không phải UTF-8 hợp lệ.")
		return
	}
	if strings.TrimSpace(s) != s {
		e.add(path, "Không được có khoảng trắng ở đầu hoặc cuối.")
	}
	if n := utf8.RuneCountInString(s); n > max {
		e.add(path, "Văn bản quá dài (tối đa "+strconv.Itoa(max)+" ký tự).")
	}
	for _, r := range s {
		if r == '\n' && multiline {
			continue
		}
		if unicode.IsControl(r) || r == utf8.RuneError || r == '\u2028' || r == '\u2029' {
			e.add(path, "Văn bản chứa ký tự điều khiển hoặc ký tự không hợp lệ.")
			break
		}
	}
	if !nfcClean(s) {
		e.add(path, "Văn bản phải ở dạng Unicode dựng sẵn (NFC); hãy gõ lại dấu tiếng Việt.")
	}
}

// nfcClean reports whether s has no combining diacritical marks
// (U+0300–U+036F). Every Vietnamese letter has a precomposed form, so
// Vietnamese text in NFC never contains them, while text typed in NFD
// (decomposed) always does. The check needs no normalisation tables.
func nfcClean(s string) bool {
	for _, r := range s {
		if r >= 0x0300 && r <= 0x036F {
			return false
		}
	}
	return true
}
