package store

import (
	"context"

	"motcua/internal/report"
)

// ResultCounts counts, for the unit and every unit below it, the dossiers resolved with
// a result (result ready or returned) within the period and those among them with a
// signed electronic result (QĐ 766 indicator 4.1).
func (s *Store) ResultCounts(ctx context.Context, unit string, p report.Period) (resolved, electronic int, err error) {
	err = s.row(ctx, s.read, "", "ResultMeasure", []any{unit, p.Start().UTC(), p.End().UTC()}, &resolved, &electronic)
	return resolved, electronic, err
}

// DigitisedCounts counts, for the unit and every unit below it, the dossiers whose clock
// started within the period, those with a file for their components and one for their
// result (digitised, indicator 4.2), and those with a component reused from a citizen's
// store (indicator 4.3).
func (s *Store) DigitisedCounts(ctx context.Context, unit string, p report.Period) (received, digitised, reused int, err error) {
	err = s.row(ctx, s.read, "", "DigitisedMeasure", []any{unit, p.Start().UTC(), p.End().UTC()}, &received, &digitised, &reused)
	return received, digitised, reused, err
}
