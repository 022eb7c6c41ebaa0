// Package api serves the JSON API under /api/v1 (the contract of DESIGN.md §5): tokens,
// units, the catalogue, the legal clock, dossiers with their actions, forms and files,
// and the public lookup. Handlers decode JSON, call one use case of internal/app, and
// encode the answer; errors follow the contract's JSON shape (kit.APIError).
package api

import (
	"net/http"
	"time"

	"motcua/internal/org"
	"motcua/internal/web/kit"
)

// Server is the kit as the JSON API uses it.
type Server struct{ *kit.Kit }

// Routes lists the API.
func Routes(mux *http.ServeMux, k *kit.Kit) {
	s := Server{k}
	mux.HandleFunc("POST /api/v1/auth/token", s.apiToken)
	mux.Handle("DELETE /api/v1/auth/token", s.OfficerAPI(s.apiRevokeToken))
	mux.Handle("GET /api/v1/me", s.OfficerAPI(s.apiMe))
	mux.HandleFunc("GET /api/v1/units", s.apiUnits)

	// Procedure catalogue.
	mux.HandleFunc("GET /api/v1/procedures", s.apiProcedures)
	mux.HandleFunc("GET /api/v1/procedures/{code}", s.apiProcedure)

	// Legal clock.
	mux.HandleFunc("GET /api/v1/calendar/due", s.apiCalendarDue)
	mux.HandleFunc("GET /api/v1/calendar/holidays", s.apiCalendarHolidays)
	mux.HandleFunc("GET /api/v1/calendar/lunar", s.apiCalendarLunar)
	mux.HandleFunc("GET /api/v1/calendar/solar", s.apiCalendarSolar)

	// Dossiers.
	mux.Handle("GET /api/v1/dossiers", s.OfficerAPI(s.apiDossierList))
	mux.Handle("POST /api/v1/dossiers", s.OfficerAPI(s.apiCreateDossier, org.OneStop, org.Admin))
	mux.Handle("GET /api/v1/dossiers/{code}", s.OfficerAPI(s.apiDossier))
	mux.Handle("POST /api/v1/dossiers/{code}/actions", s.OfficerAPI(s.apiDossierAction))
	mux.Handle("GET /api/v1/dossiers/{code}/forms/{file}", s.OfficerAPI(s.apiDossierForm))
	mux.Handle("GET /api/v1/units/{code}/book.pdf", s.OfficerAPI(s.apiUnitBook))

	// Export jobs (công việc xuất tệp): files too large for a request, made in the background.
	mux.Handle("POST /api/v1/exports", s.OfficerAPI(s.apiQueueExport))
	mux.Handle("GET /api/v1/exports", s.OfficerAPI(s.apiExports))
	mux.Handle("GET /api/v1/exports/{id}", s.OfficerAPI(s.apiExport))
	mux.Handle("GET /api/v1/exports/{id}/file", s.OfficerAPI(s.apiExportFile))
	mux.Handle("DELETE /api/v1/exports/{id}", s.OfficerAPI(s.apiCancelExport))
	mux.HandleFunc("GET /api/v1/lookup/{code}", s.Limited(s.Lookups, s.apiLookup))
	ratings := kit.NewRateLimiter(kit.RatingsPerMinute, time.Minute)
	mux.HandleFunc("GET /api/v1/lookup/{code}/rating", s.Limited(s.Lookups, s.apiLookupRatingGet))
	mux.HandleFunc("POST /api/v1/lookup/{code}/rating", s.Limited(ratings, s.apiLookupRating))
	mux.Handle("GET /api/v1/dossiers/{code}/result.pdf", s.OfficerAPI(s.apiResultPDF))
	mux.Handle("POST /api/v1/dossiers/{code}/result", s.UploadLimit(1, s.OfficerAPI(s.apiAttachResult)))
	mux.HandleFunc("GET /api/v1/lookup/{code}/result.pdf", s.Limited(s.Lookups, s.apiLookupResultPDF))
	mux.Handle("GET /api/v1/dossiers/{code}/attachments", s.OfficerAPI(s.apiDossierAttachments))
	mux.Handle("POST /api/v1/dossiers/{code}/attachments", s.UploadLimit(1, s.OfficerAPI(s.apiAddDossierAttachment)))

	// Phản ánh, kiến nghị (PAKN).
	mux.HandleFunc("POST /api/v1/feedback", s.apiSubmitFeedback)
	mux.HandleFunc("GET /api/v1/feedback/published", s.Limited(s.Lookups, s.apiPublishedFeedback))
	mux.Handle("GET /api/v1/feedback", s.OfficerAPI(s.apiFeedbackList))
	mux.HandleFunc("GET /api/v1/feedback/{code}", s.Limited(s.Lookups, s.apiFeedback))
	mux.Handle("POST /api/v1/feedback/{code}/actions", s.OfficerAPI(s.apiFeedbackAction))

	// Reports (báo cáo, thống kê).
	mux.Handle("GET /api/v1/reports/ii06a", s.OfficerAPI(s.apiReportII06a))
	mux.Handle("GET /api/v1/reports/ii06a.xlsx", s.OfficerAPI(s.apiReportII06aXLSX))
	mux.Handle("GET /api/v1/reports/ii06a.pdf", s.OfficerAPI(s.apiReportII06aPDF))
	mux.Handle("GET /api/v1/reports/index766", s.OfficerAPI(s.apiIndex766))
	mux.HandleFunc("GET /api/v1/rankings", s.Limited(s.Lookups, s.apiRankings))
	mux.Handle("GET /api/v1/reports/ii07b", s.OfficerAPI(s.apiReportII07b))
	mux.Handle("GET /api/v1/reports/ii07b.xlsx", s.OfficerAPI(s.apiReportII07bXLSX))

	// The competition scorecard (chấm điểm Chỉ số CCHC) and its final ranking.
	mux.Handle("GET /api/v1/scorecards", s.OfficerAPI(s.apiScorecard))
	mux.Handle("GET /api/v1/scorecards/ranking", s.OfficerAPI(s.apiScorecardRanking))
}
