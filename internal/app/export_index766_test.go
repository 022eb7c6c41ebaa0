package app

import (
	"context"

	"motcua/internal/report"
	"motcua/internal/store"
)

// IndexesBelow exposes to the external tests the indexes of the units directly below
// the parent, as the rankings compute them, by unit code.
func (a *App) IndexesBelow(ctx context.Context, parent string, units []string, p report.Period) (map[string]report.Index, error) {
	set, err := a.indexes(ctx, store.IndexRoots{Parent: parent}, p)
	if err != nil {
		return nil, err
	}
	out := map[string]report.Index{}
	for _, u := range units {
		out[u] = set.of(u)
	}
	return out, nil
}

// UnitIndex exposes the index of one unit with the units below it.
func (a *App) UnitIndex(ctx context.Context, unit string, p report.Period) (report.Index, error) {
	return a.unitIndex(ctx, unit, p)
}

// FeedbackMeasures exposes the Go count of indicators 5.1–5.3 over the PAKN.
func (a *App) FeedbackMeasures(ctx context.Context, fs []store.StoredFeedback, p report.Period, m report.Measures) error {
	return a.feedbackMeasures(ctx, fs, p, m)
}
