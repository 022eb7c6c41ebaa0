package app

import (
	"context"

	"motcua/internal/report"
)

// paymentMeasures counts QĐ 766 indicators 3.6 (dossiers paid online over dossiers with
// a fee due) and 3.4 (procedures with a dossier paid online over procedures with a
// fee-bearing dossier) for the unit and the units below it, over the dossiers received in
// the period. A waived fee is not due (the formula removes dossiers whose fees are all
// 0). Indicator 3.5 (procedures with fees integrated with payment on the national
// portal) is not computed: motcua is not the national portal and does not hold that data.
func paymentMeasures(a *App, ctx context.Context, unitCode string, p report.Period, m report.Measures) error {
	c, err := a.store.PaymentMeasures(ctx, unitCode, p.Start(), p.End())
	if err != nil {
		return err
	}
	m[report.MeasurePaidOnline] = report.Fraction{Num: c.PaidOnline, Den: c.FeeDossiers}
	m[report.MeasurePaidOnlineProcedures] = report.Fraction{Num: c.PaidProcedures, Den: c.FeeProcedures}
	return nil
}
