package app

import (
	"motcua/internal/feedback"
	"motcua/internal/report"
	"motcua/internal/store"
)

// measuresOf turns the counts of one unit's subtree and period into the measures of the
// QĐ 766 index (all but 5.1–5.3, which feedbackMeasures adds):
//
//   - 2.1 and 3.3 from the dossier summaries (report.DossierMeasures);
//   - 3.6: dossiers received in the period with a fee due (a waived fee is not due: the
//     formula removes dossiers whose fees are all 0) paid online, over those dossiers;
//     3.4: procedures with such a dossier paid online, over the procedures with a
//     fee-bearing dossier. Indicator 3.5 (procedures with fees integrated with payment
//     on the national portal) is not computed: motcua is not the national portal and
//     does not hold that data;
//   - 4.1 (electronic results), 4.2 (digitised dossiers) and 4.3 (reused components)
//     (report.MeasureEResult, MeasureDigitised, MeasureReused);
//   - 5.4 (tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC): over the dossiers resolved
//     in the period (report.ClassifyII06a; withdrawn ones are not resolved), the late
//     ones as indicator 2.1 counts them (finished after the original appointment's
//     date, or with two or more supplement requests) and those rated "không hài lòng"
//     or that have a phản ánh, kiến nghị about them (feedback.ServiceSatisfaction: a
//     dossier with both counts once).
func measuresOf(c *store.IndexCounts) report.Measures {
	sat := feedback.ServiceSatisfaction{Resolved: c.Resolved, Late: c.Late, Disliked: c.Disliked, WithFeedback: c.WithFeedback}
	num, den := sat.Fraction()
	return report.Measures{
		report.MeasureOnTime:               {Num: c.OnTime, Den: c.Processed},
		report.MeasureOnline:               {Num: c.Online, Den: c.Received},
		report.MeasurePaidOnline:           {Num: c.Payments.PaidOnline, Den: c.Payments.FeeDossiers},
		report.MeasurePaidOnlineProcedures: {Num: c.Payments.PaidProcedures, Den: c.Payments.FeeProcedures},
		report.MeasureEResult:              {Num: c.EResults, Den: c.ResultDossiers},
		report.MeasureDigitised:            {Num: c.Digitised, Den: c.Started},
		report.MeasureReused:               {Num: c.Reused, Den: c.Started},
		report.MeasureServiceSatisfaction:  {Num: num, Den: den},
	}
}
