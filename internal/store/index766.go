package store

import (
	"context"
	"fmt"

	"motcua/internal/report"
)

// IndexRoots chooses the units whose QĐ 766 counts are read, each with every unit below
// it: the units directly below Parent (a ranking), or the Unit alone (one index).
type IndexRoots struct {
	Parent, Unit string
}

// IndexCounts are the numerators and denominators of the QĐ 766 indicators that the
// store counts for one root unit and the units below it over a period, each by the rule
// its measure documents (report and feedback packages).
type IndexCounts struct {
	// OnTime over Processed is 2.1; Online over Received is 3.3
	// (report.DossierMeasures).
	OnTime, Processed, Online, Received int
	// Resolved, Late, Disliked and WithFeedback are 5.4's parts
	// (feedback.ServiceSatisfaction).
	Resolved, Late, Disliked, WithFeedback int
	// EResults over ResultDossiers is 4.1; Digitised and Reused over Started are 4.2 and
	// 4.3.
	ResultDossiers, EResults, Started, Digitised, Reused int
	// Payments are 3.4 and 3.6.
	Payments PaymentCounts
	// Feedback are the PAKN of 5.1–5.3 with their events, counted by their clocks in Go.
	Feedback []StoredFeedback
}

// IndexCounts counts the QĐ 766 measures of every root over the period, whatever the
// number of roots: the dossier and payment measures from the maintained counts
// (IndexCountSums), the others in two set-based queries grouped by root, each driven
// from the records it depends on (ratings and PAKN, files), then the PAKN of the
// period. A root with nothing to count is absent from the map.
func (s *Store) IndexCounts(ctx context.Context, roots IndexRoots, p report.Period) (map[string]*IndexCounts, error) {
	start, end := p.Start().UTC(), p.End().UTC()
	out := map[string]*IndexCounts{}
	at := func(root string) *IndexCounts {
		c := out[root]
		if c == nil {
			c = &IndexCounts{}
			out[root] = c
		}
		return c
	}
	sums, err := s.IndexCountSums(ctx, roots, p)
	if err != nil {
		return nil, err
	}
	for root, n := range sums {
		c := at(root)
		m := n.DossierMeasures()
		c.OnTime, c.Processed = m[report.MeasureOnTime].Num, m[report.MeasureOnTime].Den
		c.Online, c.Received = m[report.MeasureOnline].Num, m[report.MeasureOnline].Den
		c.Resolved, c.Late = n.ResolvedLate()
		c.Started, c.ResultDossiers = n.Started(), n.Results
		c.Payments = n.Payments
	}
	type source struct {
		name   string
		args   []any
		fields func(c *IndexCounts) []*int
	}
	sources := []source{
		{"IndexSatisfactionCounts", []any{start, end}, func(c *IndexCounts) []*int {
			return []*int{&c.Disliked, &c.WithFeedback}
		}},
		{"IndexFileCounts", []any{start, end, start, end, start, end}, func(c *IndexCounts) []*int {
			return []*int{&c.EResults, &c.Digitised, &c.Reused}
		}},
	}
	for _, src := range sources {
		rows, err := s.query(ctx, s.read, src.name, append([]any{roots.Parent, roots.Unit}, src.args...)...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var root string
			var row IndexCounts
			vals := src.fields(&row)
			dest := []any{&root}
			for _, v := range vals {
				dest = append(dest, v)
			}
			if err := rows.Scan(dest...); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: %s: %w", src.name, err)
			}
			for i, f := range src.fields(at(root)) {
				*f = *vals[i]
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("store: %s: %w", src.name, err)
		}
	}
	rows, err := s.query(ctx, s.read, "IndexFeedback", roots.Parent, roots.Unit, start, end)
	if err != nil {
		return nil, err
	}
	fs, rootOf, err := scanPeriodFeedback(rows, true)
	if err != nil {
		return nil, err
	}
	for i, f := range fs {
		c := at(rootOf[i])
		c.Feedback = append(c.Feedback, f)
	}
	return out, nil
}
