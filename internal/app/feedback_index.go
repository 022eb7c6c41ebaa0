package app

import (
	"context"

	"motcua/internal/feedback"
	"motcua/internal/org"
	"motcua/internal/report"
	"motcua/internal/store"
)

// feedbackMeasures counts QĐ 766 indicators 5.1, 5.2 and 5.3 over the PAKN now at a
// unit and received within the period (store.IndexCounts.Feedback): classified ones,
// ones whose clocks were all kept (judged at the end of the period, or now when
// earlier), and liked answers over rated ones.
func (a *App) feedbackMeasures(ctx context.Context, fs []store.StoredFeedback, p report.Period, m report.Measures) error {
	at := a.now()
	if end := p.End(); end.Before(at) {
		at = end
	}
	var cls, onTime, liked, rated int
	for _, f := range fs {
		if f.State.Class != "" {
			cls++
		}
		cal, err := a.store.UnitCalendar(ctx, f.State.Unit)
		if err != nil {
			return err
		}
		cs, err := feedback.Clocks(f.Record, f.State, cal, at)
		if err != nil {
			return err
		}
		if feedback.OnTime(cs) {
			onTime++
		}
		switch f.State.Reaction {
		case feedback.ReactionLiked:
			liked++
			rated++
		case feedback.ReactionDisliked:
			rated++
		}
	}
	m[report.MeasureFeedbackClassified] = report.Fraction{Num: cls, Den: len(fs)}
	m[report.MeasureFeedbackOnTime] = report.Fraction{Num: onTime, Den: len(fs)}
	m[report.MeasureFeedbackLiked] = report.Fraction{Num: liked, Den: rated}
	return nil
}

// DossiersWithFeedback counts the dossiers of the unit and every unit below it that had
// at least one PAKN about them received within the civil dates from–to (both included),
// the part of QĐ 766 indicator 5.4 that PAKN feed. Access is Index766's.
func (a *App) DossiersWithFeedback(ctx context.Context, u org.User, unit, from, to string) (int, error) {
	if err := requireRole(u, org.Leader, org.Inspector, org.Admin); err != nil {
		return 0, err
	}
	un, p, err := a.reportUnit(ctx, u, unit, from, to, "Tham số chỉ số chưa hợp lệ.")
	if err != nil {
		return 0, err
	}
	return a.store.DossiersWithFeedback(ctx, un.Code, p)
}
