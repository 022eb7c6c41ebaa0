package report

// MeasureServiceSatisfaction: indicator 5.4, tỷ lệ hài lòng trong tiếp nhận, giải quyết
// TTHC — 100% − (share of late dossiers + share of dossiers with a PAKN or a rating
// "không hài lòng") over the dossiers resolved in the period (feedback.ServiceSatisfaction).
const MeasureServiceSatisfaction Measure = "service_satisfaction"
