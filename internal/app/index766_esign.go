package app

import (
	"context"

	"motcua/internal/report"
)

// digitisationMeasures counts QĐ 766 indicators 4.1 (electronic results), 4.2
// (digitised dossiers) and 4.3 (reused components) for the unit and the units below it.
func digitisationMeasures(a *App, ctx context.Context, unitCode string, p report.Period, m report.Measures) error {
	resolved, electronic, err := a.store.ResultCounts(ctx, unitCode, p)
	if err != nil {
		return err
	}
	received, digitised, reused, err := a.store.DigitisedCounts(ctx, unitCode, p)
	if err != nil {
		return err
	}
	m[report.MeasureEResult] = report.Fraction{Num: electronic, Den: resolved}
	m[report.MeasureDigitised] = report.Fraction{Num: digitised, Den: received}
	m[report.MeasureReused] = report.Fraction{Num: reused, Den: received}
	return nil
}
