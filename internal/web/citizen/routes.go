// Package citizen serves the citizen's own pages (người dân, doanh nghiệp): registration
// and its verification mail, sign-in and password reset, online submission of a dossier with its draft and files,
// and "Hồ sơ của tôi" with supplements, withdrawal and the forms issued to them.
// Handlers decode the request, call one use case of internal/app, and render.
package citizen

import (
	"net/http"

	"motcua/internal/web/kit"
)

// Server is the kit as the citizen's pages use it.
type Server struct{ *kit.Kit }

// Routes lists the citizen's pages.
func Routes(mux *http.ServeMux, k *kit.Kit) {
	s := Server{k}
	mux.HandleFunc("GET /cong-dan/dang-ky", s.handleCitizenRegisterForm)
	mux.Handle("POST /cong-dan/dang-ky", s.CheckCSRF(s.handleCitizenRegister))
	mux.HandleFunc("GET /cong-dan/xac-thuc", s.handleCitizenVerify)
	mux.HandleFunc("GET /cong-dan/gui-lai-xac-thuc", s.handleCitizenResendForm)
	mux.Handle("POST /cong-dan/gui-lai-xac-thuc", s.CheckCSRF(s.handleCitizenResend))
	mux.HandleFunc("GET /cong-dan/dang-nhap", s.handleCitizenLoginForm)
	mux.Handle("POST /cong-dan/dang-nhap", s.CheckCSRF(s.handleCitizenLogin))
	mux.Handle("POST /cong-dan/dang-xuat", s.CheckCSRF(s.handleCitizenLogout))
	mux.HandleFunc("GET /cong-dan/quen-mat-khau", s.handleCitizenForgotForm)
	mux.Handle("POST /cong-dan/quen-mat-khau", s.CheckCSRF(s.handleCitizenForgot))
	mux.HandleFunc("GET /cong-dan/dat-lai-mat-khau", s.handleCitizenResetForm)
	mux.Handle("POST /cong-dan/dat-lai-mat-khau", s.CheckCSRF(s.handleCitizenReset))

	// Hồ sơ của tôi.
	mux.Handle("GET /cong-dan/ho-so", s.CitizenPage(s.handleMyDossiers))
	mux.Handle("GET /cong-dan/ho-so/{code}", s.CitizenPage(s.handleMyDossier))
	mux.Handle("GET /cong-dan/ho-so/{code}/bieu-mau/{file}", s.CitizenPage(s.handleMyDossierForm))
	mux.Handle("POST /cong-dan/ho-so/{code}/rut", s.CheckCSRF(s.CitizenPage(s.handleMyWithdraw).ServeHTTP))
	mux.Handle("POST /cong-dan/ho-so/{code}/danh-gia", s.CheckCSRF(s.CitizenPage(s.handleMyRate).ServeHTTP))
	mux.Handle("GET /cong-dan/ho-so/{code}/ket-qua.pdf", s.CitizenPage(s.handleMyResultPDF))
	mux.Handle("GET /cong-dan/kho-du-lieu", s.CitizenPage(s.handleMyDocuments))
	mux.Handle("POST /cong-dan/kho-du-lieu/{id}/xoa", s.CheckCSRF(s.CitizenPage(s.handleMyDocumentRemove).ServeHTTP))
	mux.Handle("POST /cong-dan/ho-so/{code}/attachments", s.UploadLimit(kit.MaxSupplementFiles, s.CheckCSRF(s.CitizenPage(s.handleMySupplement).ServeHTTP)))

	// Online submission (nộp hồ sơ trực tuyến).
	mux.Handle("GET /nop-truc-tuyen/{procedure}", s.CitizenPage(s.handleOnlineForm))
	mux.Handle("POST /nop-truc-tuyen/{procedure}", s.UploadLimit(kit.MaxSupplementFiles, s.CheckCSRF(s.CitizenPage(s.handleOnlineSave).ServeHTTP)))
	mux.Handle("POST /nop-truc-tuyen/{procedure}/attachments", s.UploadLimit(1, s.CheckCSRF(s.CitizenPage(s.handleOnlineUpload).ServeHTTP)))
}
