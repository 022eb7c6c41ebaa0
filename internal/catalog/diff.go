package catalog

// ChangeKind says how a step differs between two process versions.
type ChangeKind string

// Kinds of step change.
const (
	StepAdded   ChangeKind = "added"
	StepRemoved ChangeKind = "removed"
	StepChanged ChangeKind = "changed"
)

// StepChange is one difference between two versions of a quy trình nội bộ.
// OldIndex and NewIndex are 0-based positions in the old and new steps,
// -1 where the step does not exist on that side; Old and New hold the step
// on each side (zero where absent).
type StepChange struct {
	Kind     ChangeKind `json:"kind"`
	OldIndex int        `json:"old_index"`
	NewIndex int        `json:"new_index"`
	Old      Step       `json:"old"`
	New      Step       `json:"new"`
}

// Diff compares two versions of a process. Steps are matched by name in
// order (longest common subsequence); a matched step whose role or budget
// differs is "changed", unmatched old steps are "removed" and unmatched new
// steps "added". The result is ordered by position, removals before
// additions at the same place. Equal processes give no changes.
func Diff(a, b Process) []StepChange {
	n, m := len(a.Steps), len(b.Steps)
	// lcs[i][j] is the LCS length of a.Steps[i:] and b.Steps[j:].
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case a.Steps[i].Name == b.Steps[j].Name:
				lcs[i][j] = lcs[i+1][j+1] + 1
			case lcs[i+1][j] >= lcs[i][j+1]:
				lcs[i][j] = lcs[i+1][j]
			default:
				lcs[i][j] = lcs[i][j+1]
			}
		}
	}
	var out []StepChange
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a.Steps[i].Name == b.Steps[j].Name:
			if a.Steps[i] != b.Steps[j] {
				out = append(out, StepChange{Kind: StepChanged, OldIndex: i, NewIndex: j, Old: a.Steps[i], New: b.Steps[j]})
			}
			i++
			j++
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			out = append(out, StepChange{Kind: StepRemoved, OldIndex: i, NewIndex: -1, Old: a.Steps[i]})
			i++
		default:
			out = append(out, StepChange{Kind: StepAdded, OldIndex: -1, NewIndex: j, New: b.Steps[j]})
			j++
		}
	}
	return out
}
