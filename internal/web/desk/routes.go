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
}
