// Package public serves the pages everyone sees without an account: the unit's home
// page, the procedure catalogue with its posting sheets, the working-day calendar, the
// public lookup of a dossier by code and key, and files to whoever may read them.
// Handlers decode the request, call one use case or read, and render; rules live in
// internal/app.
package public

import (
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"motcua/internal/web/kit"
)

// Server is the kit as the public pages use it.
type Server struct{ *kit.Kit }

// Routes lists the public pages.
func Routes(mux *http.ServeMux, k *kit.Kit) {
	s := Server{k}
	static, _ := fs.Sub(kit.Assets, "static")
	mux.HandleFunc("GET /{$}", s.handleHome)
	mux.Handle("GET /static/", cacheFor(http.StripPrefix("/static/", http.FileServerFS(static)), 86400))
	mux.Handle("GET /favicon.ico", cacheFor(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.ServeFileFS(w, r, static, "favicon.ico")
	}), 86400))
	mux.HandleFunc("GET /healthz", s.handleHealth)

	// Procedure catalogue (thủ tục hành chính).
	mux.HandleFunc("GET /thu-tuc", s.handleProcedures)
	mux.HandleFunc("GET /thu-tuc/{code}", s.handleProcedure)
	mux.HandleFunc("GET /thu-tuc/linh-vuc/{field}/niem-yet.pdf", s.handlePostingSheet)

	// Legal clock (lịch làm việc, hạn giải quyết).
	mux.HandleFunc("GET /lich", s.handleCalendarMonth)
	mux.HandleFunc("GET /lich/han-giai-quyet", s.handleCalendarDue)

	// Public lookup (tra cứu hồ sơ) and files.
	mux.HandleFunc("GET /tra-cuu", s.Limited(s.Lookups, s.handleLookupPage))
	mux.HandleFunc("GET /tra-cuu/{code}", s.Limited(s.Lookups, s.handleLookupResult))
	mux.HandleFunc("GET /tep/{id}", s.handleDownload)

	// Phản ánh, kiến nghị: the form, the published answers, the sender's follow-up page.
	mux.HandleFunc("GET /phan-anh", s.handleFeedbackForm)
	mux.Handle("POST /phan-anh", s.CheckCSRF(s.handleFeedbackSend))
	mux.HandleFunc("GET /phan-anh/cong-khai", s.handleFeedbackPublished)
	mux.HandleFunc("GET /phan-anh/tra-cuu", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		http.Redirect(w, r, "/phan-anh/"+url.PathEscape(strings.TrimSpace(q.Get("code")))+"?key="+url.QueryEscape(strings.TrimSpace(q.Get("key"))), http.StatusSeeOther)
	})
	mux.HandleFunc("GET /phan-anh/{code}", s.Limited(s.Lookups, s.handleFeedbackFollow))
	mux.Handle("POST /phan-anh/{code}", s.CheckCSRF(s.Limited(s.Lookups, s.handleFeedbackSender)))
	// Ratings of the service (đánh giá mức độ hài lòng): from the lookup page, and the
	// kiosk at a unit's desk.
	ratings := kit.NewRateLimiter(kit.RatingsPerMinute, time.Minute)
	mux.Handle("POST /tra-cuu/{code}/danh-gia", s.CheckCSRF(s.Limited(ratings, s.handleLookupRate)))
	mux.HandleFunc("GET /danh-gia/{unit}", s.handleKiosk)
	mux.Handle("POST /danh-gia/{unit}", s.CheckCSRF(s.Limited(ratings, s.handleKioskScan)))
	mux.Handle("POST /danh-gia/{unit}/xac-nhan", s.CheckCSRF(s.Limited(ratings, s.handleKioskConfirm)))
	mux.Handle("POST /danh-gia/{unit}/gui", s.CheckCSRF(s.Limited(ratings, s.handleKioskSend)))
	// Public results (kết quả giải quyết TTHC) and rankings.
	mux.HandleFunc("GET /ket-qua/{unit}", s.Limited(s.Lookups, s.handleResults))
	mux.HandleFunc("GET /xep-hang", s.Limited(s.Lookups, s.handleRankings))
}

func cacheFor(h http.Handler, seconds int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age="+strconv.Itoa(seconds))
		h.ServeHTTP(w, r)
	})
}
