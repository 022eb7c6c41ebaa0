package report

import (
	"cmp"
	"slices"
)

// RankEntry is one unit to rank with its index.
type RankEntry struct {
	UnitCode, UnitName string
	Index              Index
}

// Ranked is one line of a xếp hạng: the unit's rank, its score out of 100 over the
// indicators with data, and its band. A unit without data has Rank 0 and no band.
type Ranked struct {
	Rank               int
	UnitCode, UnitName string
	Score              float64
	Band               string
}

// Rank orders the units by score, best first, and names their bands with the scheme.
// Equal scores (to 2 decimals) share a rank and the next rank skips (1, 1, 3); equal
// units are listed by code. Units without data come last, unranked.
func Rank(s Scheme766, entries []RankEntry) []Ranked {
	out := make([]Ranked, 0, len(entries))
	for _, e := range entries {
		r := Ranked{UnitCode: e.UnitCode, UnitName: e.UnitName, Score: e.Index.Score()}
		if e.Index.HasData() {
			r.Rank, r.Band = 1, s.Band(r.Score)
		}
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b Ranked) int {
		if (a.Rank == 0) != (b.Rank == 0) {
			return cmp.Compare(b.Rank, a.Rank)
		}
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.UnitCode, b.UnitCode))
	})
	for i := range out {
		switch {
		case out[i].Rank == 0:
		case i > 0 && out[i-1].Rank > 0 && out[i-1].Score == out[i].Score:
			out[i].Rank = out[i-1].Rank
		default:
			out[i].Rank = i + 1
		}
	}
	return out
}
