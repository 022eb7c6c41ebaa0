package feedback

// Tally counts ratings by level (thống kê đánh giá).
type Tally struct {
	Satisfied, Neutral, Dissatisfied int
}

// Add counts one rating of the level; an unknown level is not counted.
func (t *Tally) Add(s Satisfaction) { t.Count(s, 1) }

// Count counts n ratings of the level; an unknown level is not counted.
func (t *Tally) Count(s Satisfaction, n int) {
	switch s {
	case Satisfied:
		t.Satisfied += n
	case Neutral:
		t.Neutral += n
	case Dissatisfied:
		t.Dissatisfied += n
	}
}

// Plus adds the counts of another tally.
func (t *Tally) Plus(o Tally) {
	t.Satisfied += o.Satisfied
	t.Neutral += o.Neutral
	t.Dissatisfied += o.Dissatisfied
}

// Total is the number of ratings counted.
func (t Tally) Total() int { return t.Satisfied + t.Neutral + t.Dissatisfied }

// SatisfiedPercent is the share of "hài lòng" ratings in percent, rounded down to a
// tenth; 0 when there is none.
func (t Tally) SatisfiedPercent() float64 {
	if t.Total() == 0 {
		return 0
	}
	return float64(t.Satisfied*1000/t.Total()) / 10
}

// ServiceSatisfaction is what indicator 5.4 of the QĐ 766 index (tỷ lệ hài lòng trong
// tiếp nhận, giải quyết TTHC) counts over the dossiers resolved in a period:
//
//	5.4 = 100% − (tỷ lệ hồ sơ quá hạn + tỷ lệ hồ sơ có PAKN hoặc đánh giá không hài lòng)
//
// Resolved are the dossiers resolved in the period, Late those of them resolved late (as
// the index counts lateness: after the original appointment, or with two or more
// supplement requests), Disliked those of them with a rating "không hài lòng".
//
// Not confirmed from the decision's text (research/domain.md §4, which quotes only the
// formula): that a dossier both late and disliked counts in both shares (the formula adds
// the two shares, so it is read literally here), and that a rating counts whenever it was
// given, even after the period ended.
type ServiceSatisfaction struct {
	Resolved, Late, Disliked int
	// WithFeedback counts the dossiers resolved in the period that received a phản ánh,
	// kiến nghị (PAKN) about them and no dislike: the second share of the formula is "có
	// PAKN hoặc đánh giá không hài lòng", so a dossier with both counts once, in Disliked.
	WithFeedback int
}

// Fraction is 5.4 as a numerator over the resolved dossiers: the resolved dossiers less
// the late ones and less those with a dislike or feedback, never below zero, so that
// numerator ÷ denominator = 100% − (late share + dislike-or-feedback share).
func (s ServiceSatisfaction) Fraction() (num, den int) {
	num = s.Resolved - s.Late - s.Disliked - s.WithFeedback
	return max(num, 0), s.Resolved
}
