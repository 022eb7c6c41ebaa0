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
	"sync"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// strippers keep the transformers that remove the combining marks: a chain holds buffers
// of a few kilobytes, which made each Fold allocate about 2.7 KB (a bulk load folds
// millions of names). A transformer is not safe for concurrent use: each Fold takes its own.
var strippers = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// Fold returns the search form (dạng không dấu) of s: NFC-normalised,
// lower-cased, with combining marks removed, đ and Đ mapped to d, every
// character that is not a letter or a digit replaced by a space, and
// whitespace collapsed to single spaces with none at either end.
// "ĐĂNG KÝ  đất-đai" becomes "dang ky dat dai". Fold is safe for
// concurrent use.
func Fold(s string) string {
	t := strippers.Get().(transform.Transformer)
	stripped, _, err := transform.String(t, s) // which resets t first
	strippers.Put(t)
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
