package web

import (
	"net/http"
	"sync"
	"time"

	"motcua/internal/app"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/store"
)

// origin is where the request comes from, for the audit log and the QR codes of forms.
func (s *Server) origin(r *http.Request) app.Origin {
	return app.Origin{IP: clientIP(r), RequestID: requestID(r), BaseURL: s.baseURL(r)}
}

// officerDossier loads a dossier that the officer of the request may see, with the
// actions the officer may take on it.
func (s *Server) officerDossier(r *http.Request, code string) (store.StoredDossier, []dossier.Action, error) {
	u, _ := currentUser(r)
	return s.app.OfficerDossier(r.Context(), u, code)
}

// rateLimiter counts requests per client address in fixed windows. It lives as long as
// the handler that uses it.
type rateLimiter struct {
	limit  int
	window time.Duration
	mu     sync.Mutex
	hits   map[string]rateWindow
}

type rateWindow struct {
	start time.Time
	n     int
}

func newRateLimiter(limit int, window time.Duration) *rateLimiter {
	return &rateLimiter{limit: limit, window: window, hits: map[string]rateWindow{}}
}

// allow counts one request from key at now and reports whether it is within the limit.
func (l *rateLimiter) allow(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.hits) > 50000 {
		for k, w := range l.hits {
			if now.Sub(w.start) >= l.window {
				delete(l.hits, k)
			}
		}
	}
	w := l.hits[key]
	if now.Sub(w.start) >= l.window {
		w = rateWindow{start: now}
	}
	w.n++
	l.hits[key] = w
	return w.n <= l.limit
}

// limited wraps a handler with the limiter, answering rate_limited past the limit.
func (s *Server) limited(l *rateLimiter, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !l.allow(clientIP(r), time.Now()) {
			w.Header().Set("Retry-After", "60")
			err := fault.New(fault.RateLimited, "Bạn tra cứu quá nhiều lần. Vui lòng thử lại sau 1 phút.")
			if isAPI(r) {
				s.apiError(w, r, err)
			} else {
				s.pageError(w, r, err)
			}
			return
		}
		h(w, r)
	}
}
