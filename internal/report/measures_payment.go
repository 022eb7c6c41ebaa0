package report

// Measures of online payment (thanh toán trực tuyến), counted by the payments source in
// internal/app (index766_payments.go).
const (
	// MeasurePaidOnline: dossiers received in the period with a fee due (not waived)
	// that were paid online, over those dossiers (3.6).
	MeasurePaidOnline Measure = "paid_online"
	// MeasurePaidOnlineProcedures: procedures with at least one dossier of the period
	// paid online, over the procedures with a fee-bearing dossier in the period (3.4).
	MeasurePaidOnlineProcedures Measure = "paid_online_procedures"
)
