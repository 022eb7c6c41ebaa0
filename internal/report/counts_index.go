package report

// DossierMeasures returns QĐ 766 indicators 2.1 and 3.3 from the sums of a period, equal
// to DossierMeasures of the period's dossiers: 2.1 counts the dossiers of Biểu II.06a
// that were not withdrawn, on time when resolved early or on time or in progress in
// time, unless they had two or more supplement requests (the Twice sums take those out);
// 3.3 the dossiers received within the period, online ones over all.
func (s PeriodSums) DossierMeasures() Measures {
	n := s.Counts()
	processed := n.Received.Total - n.Withdrawn
	good := n.Resolved.Early + n.Resolved.OnTime + n.InProgress.InTime
	tw := s.Twice
	twiceGood := tw.Received + tw.OpenBefore - tw.Late - tw.Withdrawn - tw.Overdue
	return Measures{
		MeasureOnTime: {good - twiceGood, processed},
		MeasureOnline: {s.ReceivedOnline, s.ReceivedOnline + s.ReceivedDirect},
	}
}

// ResolvedLate returns the dossiers resolved within the period (not withdrawn) and those
// of them late as QĐ 766 indicator 2.1 counts them (resolved late, or with two or more
// supplement requests): the parts of indicator 5.4 that come from the counts.
func (s PeriodSums) ResolvedLate() (resolved, late int) {
	tw := s.Twice
	return s.Early + s.OnTime + s.Late, s.Late + tw.Finished - tw.Withdrawn - tw.Late
}

// Started returns the dossiers received within the period, the denominator of QĐ 766
// indicators 4.2 and 4.3.
func (s PeriodSums) Started() int { return s.ReceivedOnline + s.ReceivedDirect }
