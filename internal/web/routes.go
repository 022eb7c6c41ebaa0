package web

import (
	"io/fs"
	"net/http"
	"strconv"

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

	// Legal clock (lịch làm việc, hạn giải quyết): pages.

	// Dossiers (hồ sơ): pages.

	// JSON API.
	mux.HandleFunc("POST /api/v1/auth/token", s.apiToken)
	mux.Handle("DELETE /api/v1/auth/token", s.officerAPI(s.apiRevokeToken))
	mux.Handle("GET /api/v1/me", s.officerAPI(s.apiMe))
	mux.HandleFunc("GET /api/v1/units", s.apiUnits)

	// Procedure catalogue: API.

	// Legal clock: API.

	// Dossiers: API.

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
