package store

import (
	"context"
	"fmt"

	"motcua/internal/report"
)

// IndexSums are the sums of the maintained counts of one root over a period: the
// report.PeriodSums, and the counts of QĐ 766 indicators 3.4 and 3.6.
type IndexSums struct {
	report.PeriodSums
	Payments PaymentCounts
}

// IndexCountSums reads, per root unit (each root with every unit below it), the sums of
// the maintained counts over the period (IndexSums): the parts of the QĐ 766 index that
// come from the counts. Like II06aSums it reads two prefix sums, each at most a row or
// two per statutory year, 12 half-months and 8 days, but per unit only (the counts summed
// over the procedures); the procedures of 3.4 are those whose fee marks over the period
// are above zero, read from the few rows per procedure that cover the period
// (report.Cover). A root without counts is absent.
func (s *Store) IndexCountSums(ctx context.Context, roots IndexRoots, p report.Period) (map[string]IndexSums, error) {
	args := []any{roots.Parent, roots.Unit}
	for _, pre := range []report.Prefix{report.PrefixBefore(p.To.AddDays(1)), report.PrefixBefore(p.From)} {
		args = append(args, pre.Args()...)
	}
	args = append(args, report.CoverArgs(p)...)
	rows, err := s.query(ctx, s.read, "IndexCountSums", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]IndexSums{}
	for rows.Next() {
		var (
			root string
			n    IndexSums
		)
		tw, pc := &n.Twice, &n.Payments
		if err := rows.Scan(&root, &n.ReceivedOnline, &n.ReceivedDirect, &n.OpenBefore, &n.Early, &n.OnTime,
			&n.Late, &n.Withdrawn, &n.Overdue, &n.Results, &tw.Received, &tw.OpenBefore, &tw.Finished, &tw.Late,
			&tw.Withdrawn, &tw.Overdue, &pc.FeeDossiers, &pc.PaidOnline, &pc.FeeProcedures, &pc.PaidProcedures); err != nil {
			return nil, fmt.Errorf("store: index count sums: %w", err)
		}
		out[root] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: index count sums: %w", err)
	}
	return out, nil
}
