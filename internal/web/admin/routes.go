// Package admin serves the administration pages (quản trị): units, accounts, the audit
// log, the procedure catalogue with its processes, import and export, the calendar of
// days off and make-up days, and the units' working hours. Pages are shown to
// administrators; every change goes through a use case of internal/app that checks the
// role again and writes the audit line.
package admin

import (
	"net/http"

	"motcua/internal/org"
	"motcua/internal/web/kit"
)

// Server is the kit as the administration pages use it.
type Server struct{ *kit.Kit }

// Routes lists the administration pages.
func Routes(mux *http.ServeMux, k *kit.Kit) {
	s := Server{k}
	page := func(h http.HandlerFunc) http.Handler { return s.OfficerPage(h, org.Admin) }
	form := func(h http.HandlerFunc) http.Handler { return s.OfficerPage(s.CheckCSRF(h).ServeHTTP, org.Admin) }

	// Units and accounts (đơn vị, tài khoản) and the audit log (nhật ký).
	mux.Handle("GET /quan-tri/don-vi", page(s.handleUnitList))
	mux.Handle("GET /quan-tri/don-vi/moi", page(s.handleUnitNew))
	mux.Handle("POST /quan-tri/don-vi", form(s.handleUnitSave))
	mux.Handle("GET /quan-tri/don-vi/{code}", page(s.handleUnitEdit))
	mux.Handle("POST /quan-tri/don-vi/{code}", form(s.handleUnitSave))
	mux.Handle("GET /quan-tri/tai-khoan", page(s.handleUserList))
	mux.Handle("GET /quan-tri/tai-khoan/moi", page(s.handleUserNew))
	mux.Handle("POST /quan-tri/tai-khoan", form(s.handleUserCreate))
	mux.Handle("GET /quan-tri/tai-khoan/{username}", page(s.handleUserEdit))
	mux.Handle("POST /quan-tri/tai-khoan/{username}", form(s.handleUserUpdate))
	mux.Handle("POST /quan-tri/tai-khoan/{username}/mat-khau", form(s.handleUserPassword))
	mux.Handle("POST /quan-tri/tai-khoan/{username}/khoa", form(s.handleUserActive(false)))
	mux.Handle("POST /quan-tri/tai-khoan/{username}/mo-khoa", form(s.handleUserActive(true)))
	mux.Handle("GET /quan-tri/nhat-ky", page(s.handleAudit))
	mux.Handle("GET /quan-tri/chung-thu-so", page(s.handleCertificates))
	mux.Handle("POST /quan-tri/chung-thu-so", s.OfficerPage(kit.LimitBody(maxCertificateBody, s.CheckCSRF(s.handleCertificateImport)).ServeHTTP, org.Admin))

	// Keys of Open311 integrators (khóa kết nối Open311).
	mux.Handle("GET /quan-tri/open311", page(s.handleOpen311Keys))
	mux.Handle("POST /quan-tri/open311", form(s.handleOpen311KeyAdd))
	mux.Handle("POST /quan-tri/open311/{id}/thu-hoi", form(s.handleOpen311KeyRevoke))
	mux.Handle("POST /quan-tri/nhat-ky/luu-tru", form(s.handleAuditRetention))

	// Procedure catalogue (thủ tục hành chính).
	mux.Handle("GET /quan-tri/thu-tuc", page(s.handleAdminProcedures))
	mux.Handle("GET /quan-tri/thu-tuc/moi", page(s.handleProcedureNew))
	mux.Handle("POST /quan-tri/thu-tuc", form(s.handleProcedureSave))
	mux.Handle("GET /quan-tri/thu-tuc/xuat.json", page(s.handleCatalogExportJSON))
	mux.Handle("GET /quan-tri/thu-tuc/xuat.xlsx", page(s.handleCatalogExportXLSX))
	mux.Handle("POST /quan-tri/thu-tuc/import", s.OfficerPage(kit.LimitBody(maxImportBody, s.CheckCSRF(s.handleCatalogImport)).ServeHTTP, org.Admin))
	mux.Handle("GET /quan-tri/thu-tuc/{code}", page(s.handleProcedureEdit))
	mux.Handle("POST /quan-tri/thu-tuc/{code}", form(s.handleProcedureSave))
	mux.Handle("GET /quan-tri/thu-tuc/{code}/quy-trinh", page(s.handleProcessEdit))
	mux.Handle("POST /quan-tri/thu-tuc/{code}/quy-trinh", form(s.handleProcessPublish))
	mux.Handle("GET /quan-tri/thu-tuc/{code}/so-sanh", page(s.handleProcessCompare))

	// Legal clock (ngày nghỉ, ngày làm bù, giờ làm việc).
	mux.Handle("GET /quan-tri/lich", page(s.handleCalendarDays))
	mux.Handle("POST /quan-tri/lich", form(s.handleCalendarDaySave))
	mux.Handle("POST /quan-tri/lich/{id}/xoa", form(s.handleCalendarDayDelete))
	mux.Handle("POST /quan-tri/lich/van-ban", form(s.handleCalendarDecision))
	mux.Handle("POST /quan-tri/lich/nhap", form(s.handleCalendarDecisionImport))
	mux.Handle("GET /quan-tri/don-vi/{code}/gio-lam-viec", page(s.handleScheduleEdit))
	mux.Handle("POST /quan-tri/don-vi/{code}/gio-lam-viec", form(s.handleScheduleSave))
}
