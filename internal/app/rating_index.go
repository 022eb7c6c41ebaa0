package app

import (
	"context"

	"motcua/internal/feedback"
	"motcua/internal/report"
)

// serviceSatisfaction is the measure source of QĐ 766 indicator 5.4 (tỷ lệ hài lòng
// trong tiếp nhận, giải quyết TTHC): over the dossiers of the unit and the units below
// it resolved in the period (report.ClassifyII06a; withdrawn ones are not resolved), it
// counts the late ones as indicator 2.1 does (finished after the original appointment's
// date, or with two or more supplement requests) and those rated "không hài lòng"
// or that have a phản ánh, kiến nghị about them (feedback.ServiceSatisfaction: a dossier
// with both counts once).
func serviceSatisfaction(a *App, ctx context.Context, unitCode string, p report.Period, m report.Measures) error {
	ds, err := a.store.ReportDossiers(ctx, unitCode, true, p)
	if err != nil {
		return err
	}
	levels, err := a.store.RatingLevels(ctx, unitCode, p.Start(), p.End())
	if err != nil {
		return err
	}
	withFeedback, err := a.store.DossierCodesWithFeedback(ctx, unitCode, p)
	if err != nil {
		return err
	}
	var s feedback.ServiceSatisfaction
	for _, d := range ds {
		c := report.ClassifyII06a(d, p)
		if !c.Has(report.Resolved) {
			continue
		}
		s.Resolved++
		if c.Out == report.ResolvedLate || d.Supplements >= 2 {
			s.Late++
		}
		switch {
		case levels[d.Code] == feedback.Dissatisfied:
			s.Disliked++
		case withFeedback[d.Code]:
			s.WithFeedback++
		}
	}
	num, den := s.Fraction()
	m[report.MeasureServiceSatisfaction] = report.Fraction{Num: num, Den: den}
	return nil
}
