package portal

import "strings"

// DiffOp marks a line of a diff: ' ' kept, '-' removed, '+' added.
type DiffOp byte

// DiffLine is one line of a diff between two revisions (so sánh phiên bản).
type DiffLine struct {
	Op   DiffOp
	Text string
}

// maxDiffCells bounds the work of Diff (lines × lines); past it the two texts are shown
// as one removal and one addition.
const maxDiffCells = 4_000_000

// Diff compares two texts line by line (longest common subsequence) and returns the lines
// of old and new in order, marked kept, removed or added.
func Diff(old, new string) []DiffLine {
	a, b := strings.Split(old, "\n"), strings.Split(new, "\n")
	if len(a)*len(b) > maxDiffCells {
		var out []DiffLine
		for _, l := range a {
			out = append(out, DiffLine{'-', l})
		}
		for _, l := range b {
			out = append(out, DiffLine{'+', l})
		}
		return out
	}
	// lcs[i][j] is the length of the LCS of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []DiffLine
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			out = append(out, DiffLine{' ', a[i]})
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			out = append(out, DiffLine{'-', a[i]})
			i++
		default:
			out = append(out, DiffLine{'+', b[j]})
			j++
		}
	}
	for ; i < len(a); i++ {
		out = append(out, DiffLine{'-', a[i]})
	}
	for ; j < len(b); j++ {
		out = append(out, DiffLine{'+', b[j]})
	}
	return out
}

// Kind names the line's mark for a page: "kept", "removed" or "added".
func (l DiffLine) Kind() string {
	switch l.Op {
	case '-':
		return "removed"
	case '+':
		return "added"
	}
	return "kept"
}
