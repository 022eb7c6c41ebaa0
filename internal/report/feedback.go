package report

// The measures of phản ánh, kiến nghị (PAKN), counted by internal/app from the PAKN's
// events.
const (
	// MeasureFeedbackClassified: PAKN classified (regulation, policy, procedure or an
	// officer's conduct) over the PAKN received in the period (5.1).
	MeasureFeedbackClassified Measure = "feedback_classified"
	// MeasureFeedbackOnTime: PAKN whose four clocks (refuse, ask for information, handle,
	// publish) were all met or are still running in time, over the PAKN received in the
	// period (5.2).
	MeasureFeedbackOnTime Measure = "feedback_on_time"
	// MeasureFeedbackLiked: answers the sender liked over the answers the sender rated
	// (5.3).
	MeasureFeedbackLiked Measure = "feedback_liked"
)
