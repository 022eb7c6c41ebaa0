// Package desk serves the officers' desk (cán bộ một cửa, chuyên viên, lãnh đạo): sign-in,
// counter reception with its printed slips, the inbox, and the dossier page with its
// actions and scanned files. Handlers decode the request, call one use case of
// internal/app — which decides who may do what — and render.
package desk

import (
	"net/http"

	"motcua/internal/org"
	"motcua/internal/web/kit"
)

// Server is the kit as the officers' desk uses it.
type Server struct{ *kit.Kit }

// Routes lists the desk's pages.
func Routes(mux *http.ServeMux, k *kit.Kit) {
	s := Server{k}
	mux.HandleFunc("GET /dang-nhap", s.handleLoginForm)
	mux.Handle("POST /dang-nhap", s.CheckCSRF(s.handleLogin))
	mux.Handle("POST /dang-xuat", s.CheckCSRF(s.handleLogout))

	// The menu of the counter is shown to those who receive; the use case decides.
	desk := []org.Role{org.OneStop, org.Admin}
	mux.Handle("GET /tiep-nhan", s.OfficerPage(s.handleReceptionForm, desk...))
	mux.Handle("POST /tiep-nhan", s.OfficerPage(s.CheckCSRF(s.handleReceptionSave).ServeHTTP, desk...))
	mux.Handle("GET /ho-so", s.OfficerPage(s.handleInbox))
	mux.Handle("GET /ho-so/xuat.xlsx", s.OfficerPage(s.handleInboxExport))
	mux.Handle("GET /ho-so/{code}", s.OfficerPage(s.handleDossierPage))
	// Tệp xuất: files too large for a request (a book of many volumes, a long list),
	// made in the background; the use cases decide who may see what.
	mux.Handle("GET /tep-xuat", s.OfficerPage(s.handleExports))
	mux.Handle("POST /tep-xuat", s.OfficerPage(s.CheckCSRF(s.handleQueueExport).ServeHTTP))
	mux.Handle("GET /tep-xuat/{id}/tai-ve", s.OfficerPage(s.handleExportFile))
	mux.Handle("POST /tep-xuat/{id}/huy", s.OfficerPage(s.CheckCSRF(s.handleCancelExport).ServeHTTP))
	mux.Handle("POST /ho-so/{code}/thao-tac", s.OfficerPage(s.CheckCSRF(s.handleDossierAction).ServeHTTP))
	// Phản ánh, kiến nghị: the list with the overdue ones, a PAKN with its actions, a call
	// to the hotline typed by the desk.
	mux.Handle("GET /phan-anh-kien-nghi", s.OfficerPage(s.handleFeedbackInbox))
	mux.Handle("GET /phan-anh-kien-nghi/duong-day-nong", s.OfficerPage(s.handleHotlineForm, desk...))
	mux.Handle("POST /phan-anh-kien-nghi/duong-day-nong", s.OfficerPage(s.CheckCSRF(s.handleHotlineSave).ServeHTTP, desk...))
	mux.Handle("GET /phan-anh-kien-nghi/{code}", s.OfficerPage(s.handleFeedbackPage))
	mux.Handle("POST /phan-anh-kien-nghi/{code}", s.OfficerPage(s.CheckCSRF(s.handleFeedbackAction).ServeHTTP))
	mux.Handle("GET /bao-cao/danh-gia", s.OfficerPage(s.handleRatings, org.Leader, org.Inspector, org.Admin))
	mux.Handle("POST /ho-so/{code}/attachments", s.UploadLimit(kit.MaxSupplementFiles, s.OfficerPage(s.CheckCSRF(s.handleDossierUpload).ServeHTTP)))
	mux.Handle("POST /ho-so/{code}/ket-qua", s.UploadLimit(1, s.OfficerPage(s.CheckCSRF(s.handleResultUpload).ServeHTTP)))
	mux.Handle("POST /ho-so/{code}/ket-qua/tao", s.OfficerPage(s.CheckCSRF(s.handleResultGenerate).ServeHTTP))
	mux.Handle("GET /ho-so/{code}/ket-qua.pdf", s.OfficerPage(s.handleResultPDF))
	mux.Handle("POST /ho-so/{code}/so-hoa", s.UploadLimit(kit.MaxSupplementFiles, s.OfficerPage(s.CheckCSRF(s.handleDigitise).ServeHTTP)))

	// Leaders' reports, dashboard and the competition scorecard; the use cases decide.
	lead := []org.Role{org.Leader, org.Inspector, org.Admin}
	mux.Handle("GET /bao-cao", s.OfficerPage(s.handleReport, lead...))
	mux.Handle("GET /bao-cao/ho-so", s.OfficerPage(s.handleReportDossiers, lead...))
	mux.Handle("GET /bao-cao/ii07b", s.OfficerPage(s.handleII07b, lead...))
	mux.Handle("GET /dieu-hanh", s.OfficerPage(s.handleDashboard, lead...))
	mux.Handle("GET /thi-dua", s.OfficerPage(s.handleScorecard, lead...))
	mux.Handle("POST /thi-dua/diem", s.OfficerPage(s.CheckCSRF(s.handleScore).ServeHTTP, lead...))
	mux.Handle("POST /thi-dua/minh-chung", s.UploadLimit(kit.MaxSupplementFiles, s.OfficerPage(s.CheckCSRF(s.handleEvidenceUpload).ServeHTTP, lead...)))
	mux.Handle("GET /thi-dua/minh-chung/{id}", s.OfficerPage(s.handleEvidence, lead...))
	mux.Handle("GET /thi-dua/xep-hang", s.OfficerPage(s.handleCompetitionRanking, lead...))
	mux.Handle("GET /thi-dua/tieu-chi", s.OfficerPage(s.handleSchemeForm, lead...))
	mux.Handle("POST /thi-dua/tieu-chi", s.OfficerPage(s.CheckCSRF(s.handleSchemeSave).ServeHTTP, org.Admin))
}
