package kit

import (
	"motcua/internal/store"
)

// PublicLabels lists the citizen-facing label of each event of the public timeline.
func PublicLabels(p store.PublicDossier) []string {
	out := make([]string, len(p.Timeline))
	for i, e := range p.Timeline {
		out[i] = e.Label
		if out[i] == "" {
			out[i] = e.Action.PublicLabel()
		}
	}
	return out
}
