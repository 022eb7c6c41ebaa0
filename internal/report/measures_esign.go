package report

// Measures of the digitisation group of the QĐ 766 index (số hóa), counted from the
// dossiers' files. The numerators and denominators follow "Mô tả công thức tính chỉ số
// 766" as read in research/domain.md §4.2; what a "document result" and "within
// competence" mean in motcua is our reading, not confirmed by a source.
const (
	// MeasureEResult (4.1): dossiers resolved in the period (result ready or returned)
	// with an electronic result signed by the unit, over the dossiers resolved with a
	// result. Unconfirmed: every procedure's result is taken to be a document.
	MeasureEResult Measure = "e_result"
	// MeasureDigitised (4.2): dossiers received in the period with a file for their
	// components and one for their result, over the dossiers received. Unconfirmed:
	// "dossiers within competence" is read as the dossiers received.
	MeasureDigitised Measure = "digitised"
	// MeasureReused (4.3): dossiers received in the period with at least one component
	// reused from the applicant's documents store, over the dossiers received.
	MeasureReused Measure = "reused"
)
