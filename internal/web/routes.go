package web

import (
	"io/fs"
	"net/http"
	"strconv"
	"time"

	"motcua/internal/fault"
	"motcua/internal/org"
)

// routes lists every route of motcua, once.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(assets, "static")
	staticHandler := http.StripPrefix("/static/", http.FileServerFS(static))

	// Public pages.
	mux.HandleFunc("GET /{$}", s.handleHome)
	mux.Handle("GET /static/", cacheFor(staticHandler, 86400))
	mux.HandleFunc("GET /healthz", s.handleHealth)
	mux.HandleFunc("GET /dang-nhap", s.handleLoginForm)
	mux.Handle("POST /dang-nhap", s.checkCSRF(s.handleLogin))
	mux.Handle("POST /dang-xuat", s.checkCSRF(s.handleLogout))

	// Administration.
	admin := []org.Role{org.Admin}
	mux.Handle("GET /quan-tri/don-vi", s.officerPage(s.handleUnitList, admin...))
	mux.Handle("GET /quan-tri/don-vi/moi", s.officerPage(s.handleUnitNew, admin...))
	mux.Handle("POST /quan-tri/don-vi", s.officerPage(s.checkCSRF(s.handleUnitSave).ServeHTTP, admin...))
	mux.Handle("GET /quan-tri/don-vi/{code}", s.officerPage(s.handleUnitEdit, admin...))
	mux.Handle("POST /quan-tri/don-vi/{code}", s.officerPage(s.checkCSRF(s.handleUnitSave).ServeHTTP, admin...))
	mux.Handle("GET /quan-tri/tai-khoan", s.officerPage(s.handleUserList, admin...))
	mux.Handle("GET /quan-tri/nhat-ky", s.officerPage(s.handleAudit, admin...))

	// Procedure catalogue (thủ tục hành chính): pages.
	mux.HandleFunc("GET /thu-tuc", s.handleProcedures)
	mux.HandleFunc("GET /thu-tuc/{code}", s.handleProcedure)
	mux.HandleFunc("GET /thu-tuc/linh-vuc/{field}/niem-yet.pdf", s.handlePostingSheet)
	mux.Handle("GET /quan-tri/thu-tuc", s.officerPage(s.handleAdminProcedures, admin...))
	mux.Handle("GET /quan-tri/thu-tuc/moi", s.officerPage(s.handleProcedureNew, admin...))
	mux.Handle("POST /quan-tri/thu-tuc", s.officerPage(s.checkCSRF(s.handleProcedureSave).ServeHTTP, admin...))
	mux.Handle("GET /quan-tri/thu-tuc/xuat.json", s.officerPage(s.handleCatalogExportJSON, admin...))
	mux.Handle("GET /quan-tri/thu-tuc/xuat.xlsx", s.officerPage(s.handleCatalogExportXLSX, admin...))
	mux.Handle("POST /quan-tri/thu-tuc/import", s.officerPage(limitBody(maxImportBody, s.checkCSRF(s.handleCatalogImport)).ServeHTTP, admin...))
	mux.Handle("GET /quan-tri/thu-tuc/{code}", s.officerPage(s.handleProcedureEdit, admin...))
	mux.Handle("POST /quan-tri/thu-tuc/{code}", s.officerPage(s.checkCSRF(s.handleProcedureSave).ServeHTTP, admin...))
	mux.Handle("GET /quan-tri/thu-tuc/{code}/quy-trinh", s.officerPage(s.handleProcessEdit, admin...))
	mux.Handle("POST /quan-tri/thu-tuc/{code}/quy-trinh", s.officerPage(s.checkCSRF(s.handleProcessPublish).ServeHTTP, admin...))
	mux.Handle("GET /quan-tri/thu-tuc/{code}/so-sanh", s.officerPage(s.handleProcessCompare, admin...))

	// Legal clock (lịch làm việc, hạn giải quyết): pages.
	mux.HandleFunc("GET /lich", s.handleCalendarMonth)
	mux.HandleFunc("GET /lich/han-giai-quyet", s.handleCalendarDue)
	mux.Handle("GET /quan-tri/lich", s.officerPage(s.handleCalendarDays, admin...))
	mux.Handle("POST /quan-tri/lich", s.officerPage(s.checkCSRF(s.handleCalendarDaySave).ServeHTTP, admin...))
	mux.Handle("POST /quan-tri/lich/{id}/xoa", s.officerPage(s.checkCSRF(s.handleCalendarDayDelete).ServeHTTP, admin...))
	mux.Handle("POST /quan-tri/lich/van-ban", s.officerPage(s.checkCSRF(s.handleCalendarDecision).ServeHTTP, admin...))
	mux.Handle("POST /quan-tri/lich/nhap", s.officerPage(s.checkCSRF(s.handleCalendarDecisionImport).ServeHTTP, admin...))
	mux.Handle("GET /quan-tri/don-vi/{code}/gio-lam-viec", s.officerPage(s.handleScheduleEdit, admin...))
	mux.Handle("POST /quan-tri/don-vi/{code}/gio-lam-viec", s.officerPage(s.checkCSRF(s.handleScheduleSave).ServeHTTP, admin...))

	// Dossiers (hồ sơ): pages.
	lookups := newRateLimiter(60, time.Minute)
	desk := []org.Role{org.OneStop, org.Admin}
	mux.Handle("GET /tiep-nhan", s.officerPage(s.handleReceptionForm, desk...))
	mux.Handle("POST /tiep-nhan", s.officerPage(s.checkCSRF(s.handleReceptionSave).ServeHTTP, desk...))
	mux.Handle("GET /ho-so", s.officerPage(s.handleInbox))
	mux.Handle("GET /ho-so/{code}", s.officerPage(s.handleDossierPage))
	mux.Handle("POST /ho-so/{code}/thao-tac", s.officerPage(s.checkCSRF(s.handleDossierAction).ServeHTTP))
	mux.Handle("POST /ho-so/{code}/attachments", s.uploadLimit(maxSupplementFiles, s.officerPage(s.checkCSRF(s.handleDossierUpload).ServeHTTP)))
	mux.HandleFunc("GET /tra-cuu", s.limited(lookups, s.handleLookupPage))
	mux.HandleFunc("GET /tra-cuu/{code}", s.limited(lookups, s.handleLookupResult))

	// Citizens and online submission.
	mux.HandleFunc("GET /cong-dan/dang-ky", s.handleCitizenRegisterForm)
	mux.Handle("POST /cong-dan/dang-ky", s.checkCSRF(s.handleCitizenRegister))
	mux.HandleFunc("GET /cong-dan/xac-thuc", s.handleCitizenVerify)
	mux.HandleFunc("GET /cong-dan/dang-nhap", s.handleCitizenLoginForm)
	mux.Handle("POST /cong-dan/dang-nhap", s.checkCSRF(s.handleCitizenLogin))
	mux.Handle("POST /cong-dan/dang-xuat", s.checkCSRF(s.handleCitizenLogout))
	mux.HandleFunc("GET /cong-dan/quen-mat-khau", s.handleCitizenForgotForm)
	mux.Handle("POST /cong-dan/quen-mat-khau", s.checkCSRF(s.handleCitizenForgot))
	mux.HandleFunc("GET /cong-dan/dat-lai-mat-khau", s.handleCitizenResetForm)
	mux.Handle("POST /cong-dan/dat-lai-mat-khau", s.checkCSRF(s.handleCitizenReset))
	mux.Handle("GET /cong-dan/ho-so", s.citizenPage(s.handleMyDossiers))
	mux.Handle("GET /cong-dan/ho-so/{code}", s.citizenPage(s.handleMyDossier))
	mux.Handle("GET /cong-dan/ho-so/{code}/bieu-mau/{file}", s.citizenPage(s.handleMyDossierForm))
	mux.Handle("POST /cong-dan/ho-so/{code}/rut", s.checkCSRF(s.citizenPage(s.handleMyWithdraw).ServeHTTP))
	mux.Handle("POST /cong-dan/ho-so/{code}/attachments", s.uploadLimit(maxSupplementFiles, s.checkCSRF(s.citizenPage(s.handleMySupplement).ServeHTTP)))
	mux.Handle("GET /nop-truc-tuyen/{procedure}", s.citizenPage(s.handleOnlineForm))
	mux.Handle("POST /nop-truc-tuyen/{procedure}", s.checkCSRF(s.citizenPage(s.handleOnlineSave).ServeHTTP))
	mux.Handle("POST /nop-truc-tuyen/{procedure}/attachments", s.uploadLimit(1, s.checkCSRF(s.citizenPage(s.handleOnlineUpload).ServeHTTP)))
	mux.HandleFunc("GET /tep/{id}", s.handleDownload)

	// JSON API.
	mux.HandleFunc("POST /api/v1/auth/token", s.apiToken)
	mux.Handle("DELETE /api/v1/auth/token", s.officerAPI(s.apiRevokeToken))
	mux.Handle("GET /api/v1/me", s.officerAPI(s.apiMe))
	mux.HandleFunc("GET /api/v1/units", s.apiUnits)

	// Procedure catalogue: API.
	mux.HandleFunc("GET /api/v1/procedures", s.apiProcedures)
	mux.HandleFunc("GET /api/v1/procedures/{code}", s.apiProcedure)

	// Legal clock: API.
	mux.HandleFunc("GET /api/v1/calendar/due", s.apiCalendarDue)
	mux.HandleFunc("GET /api/v1/calendar/holidays", s.apiCalendarHolidays)
	mux.HandleFunc("GET /api/v1/calendar/lunar", s.apiCalendarLunar)
	mux.HandleFunc("GET /api/v1/calendar/solar", s.apiCalendarSolar)

	// Dossiers: API.
	mux.Handle("POST /api/v1/dossiers", s.officerAPI(s.apiCreateDossier, desk...))
	mux.Handle("GET /api/v1/dossiers/{code}", s.officerAPI(s.apiDossier))
	mux.Handle("POST /api/v1/dossiers/{code}/actions", s.officerAPI(s.apiDossierAction))
	mux.Handle("GET /api/v1/dossiers/{code}/forms/{file}", s.officerAPI(s.apiDossierForm))
	mux.Handle("GET /api/v1/units/{code}/book.pdf", s.officerAPI(s.apiUnitBook))
	mux.HandleFunc("GET /api/v1/lookup/{code}", s.limited(lookups, s.apiLookup))
	mux.Handle("GET /api/v1/dossiers/{code}/attachments", s.officerAPI(s.apiDossierAttachments))
	mux.Handle("POST /api/v1/dossiers/{code}/attachments", s.uploadLimit(1, s.officerAPI(s.apiAddDossierAttachment)))

	// Anything else.
	mux.HandleFunc("/", s.notFound)

	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := fault.New(fault.Forbidden, "Yêu cầu từ trang web khác bị từ chối.")
		if isAPI(r) {
			s.apiError(w, r, err)
			return
		}
		s.pageError(w, r, err)
	}))
	return s.wrap(cop.Handler(s.identify(mux)))
}

func cacheFor(h http.Handler, seconds int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age="+strconv.Itoa(seconds))
		h.ServeHTTP(w, r)
	})
}
