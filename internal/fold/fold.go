// Package fold turns Vietnamese text into its search form: lower case, no
// diacritics, đ/Đ as d, punctuation as spaces and runs of spaces collapsed.
// The store keeps a folded copy of each searchable name and folds every
// query the same way, so search ignores accents, case and đ on SQLite and
// PostgreSQL alike.
//
// The package imports only the standard library and golang.org/x/text; it
// must not import any other motcua package.
package fold

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold returns the search form (dạng không dấu) of s: NFC-normalised,
// lower-cased, with combining marks removed, đ and Đ mapped to d, every
// character that is not a letter or a digit replaced by a space, and
// whitespace collapsed to single spaces with none at either end.
// "ĐĂNG KÝ  đất-đai" becomes "dang ky dat dai". Fold is safe for
// concurrent use.
func Fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	stripped, _, err := transform.String(t, s)
	if err != nil {
		stripped = s
	}
	var b strings.Builder
	b.Grow(len(stripped))
	space := false
	for _, r := range stripped {
		switch {
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
		default:
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
