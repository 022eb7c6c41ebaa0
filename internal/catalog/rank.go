package catalog

import "strings"

// Rank tiers, from best to worst. Rank returns tier*1000 plus a bonus
// below 1000, so a better tier always wins.
const (
	rankNone    = 0
	rankPartial = 1 // some query words, or the query as a substring
	rankAll     = 2 // every query word as a whole word, any order
	rankOrdered = 3 // every query word as a whole word, in order
	rankPrefix  = 4 // the name starts with the query
	rankExact   = 5 // the name is the query
)

// Rank scores how well a procedure name matches a search query; higher is
// better and 0 means no match. Both arguments must already be folded
// (lower-case, no diacritics, đ→d), as the store does on both databases.
// Order of the tiers: exact match > name starts with the query > all query
// words present as whole words in order > all words present > partial.
// Within a tier, names with fewer words beyond the query rank higher, and
// among partial matches, names matching more query words rank higher.
func Rank(foldedQuery, foldedName string) int {
	q := words(foldedQuery)
	n := words(foldedName)
	if len(q) == 0 || len(n) == 0 {
		return rankNone
	}
	qs, ns := strings.Join(q, " "), strings.Join(n, " ")
	extra := len(n) - len(q)
	if extra < 0 {
		extra = 0
	}
	bonus := 999 - min(extra, 999)
	switch {
	case qs == ns:
		return rankExact*1000 + 999
	case strings.HasPrefix(ns, qs):
		return rankPrefix*1000 + bonus
	case inOrder(q, n):
		return rankOrdered*1000 + bonus
	}
	present := map[string]bool{}
	for _, w := range n {
		present[w] = true
	}
	matched := 0
	for _, w := range q {
		if present[w] {
			matched++
		}
	}
	switch {
	case matched == len(q):
		return rankAll*1000 + bonus
	case matched > 0:
		return rankPartial*1000 + matched*900/len(q) + (99 - min(extra, 99))
	case strings.Contains(ns, qs):
		return rankPartial * 1000
	}
	return rankNone
}

// inOrder reports whether q is a subsequence of n.
func inOrder(q, n []string) bool {
	i := 0
	for _, w := range n {
		if i < len(q) && w == q[i] {
			i++
		}
	}
	return i == len(q)
}

// words splits folded text into lower-case words of ASCII letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7f)
	})
}
