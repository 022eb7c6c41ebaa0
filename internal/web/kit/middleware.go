package kit

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"motcua/internal/fault"
)

type ctxKey int

const (
	keyRequestID ctxKey = iota
	keyUser
	keyCSRF
	// keyCSRFMissing marks an API write whose session cookie came without its
	// anti-forgery token (identify).
	keyCSRFMissing
	// keyHTTPS marks a request that reached the site over HTTPS (isHTTPS).
	keyHTTPS
	// keyRoute holds where RecordRoute writes the pattern that served the request.
	keyRoute
)

// RecordRoute wraps the mux: after it served the request, the pattern it matched is
// handed back to Wrap for the metrics (the mux sets it on the request it was given, a
// copy of Wrap's).
func RecordRoute(mux http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mux.ServeHTTP(w, r)
		if p, ok := r.Context().Value(keyRoute).(*string); ok {
			*p = r.Pattern
		}
	})
}

// IsHTTPS reports whether the request reached the site over HTTPS: TLS here, or at a
// trusted proxy that said so with X-Forwarded-Proto, or a site whose configured public
// address is https://. Cookies are then Secure and responses carry HSTS.
func IsHTTPS(r *http.Request) bool {
	https, _ := r.Context().Value(keyHTTPS).(bool)
	return https || r.TLS != nil
}

// RequestID is the ID of the request, shown on error pages and written in logs.
func RequestID(r *http.Request) string {
	id, _ := r.Context().Value(keyRequestID).(string)
	return id
}

func newRequestID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// statusWriter remembers the status for the access log.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// securityHeaders go on every response. The value slices are shared by all responses
// instead of allocated for each (each has length and capacity 1, so that a handler's
// Header.Add copies rather than changes them); keys are in canonical form.
var securityHeaders = map[string][]string{
	"X-Content-Type-Options":  {"nosniff"},
	"X-Frame-Options":         {"DENY"},
	"Referrer-Policy":         {"same-origin"},
	"Content-Security-Policy": {"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"},
	"Permissions-Policy":      {"camera=(), microphone=(), geolocation=()"},
}

// hsts is the Strict-Transport-Security value of responses over HTTPS.
var hsts = []string{"max-age=31536000"}

// Wrap adds, from the outside in: a request ID, the access log (method, path without its
// query, status, duration — never personal data), recovery from panics, security
// headers (HSTS on HTTPS) and the body size limit.
func (s *Kit) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := newRequestID()
		https := r.TLS != nil || strings.HasPrefix(strings.ToLower(s.Cfg.BaseURL), "https://") || s.forwardedHTTPS(r)
		var route string
		ctx := context.WithValue(context.WithValue(r.Context(), keyRequestID, id), keyHTTPS, https)
		r = r.WithContext(context.WithValue(ctx, keyRoute, &route))
		s.realClient(r)
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			if p := recover(); p != nil {
				err := fmt.Errorf("panic: %v", p)
				if sw.status == 0 {
					if IsAPI(r) {
						s.APIError(sw, r, err)
					} else {
						s.PageError(sw, r, err)
					}
				} else {
					s.Log.ErrorContext(r.Context(), "panic after response started", "err", err, "request_id", id)
				}
			}
			took := time.Since(start)
			// LogAttrs: typed attributes, no boxing of each value on every request.
			s.Log.LogAttrs(r.Context(), slog.LevelInfo, "http", slog.String("method", r.Method),
				slog.String("path", r.URL.Path), slog.Int("status", sw.status), slog.Int64("bytes", int64(sw.bytes)),
				slog.Int64("ms", took.Milliseconds()), slog.String("request_id", id))
			status := sw.status
			if status == 0 {
				status = http.StatusOK // nothing written: net/http answers 200
			}
			s.Cfg.Metrics.ObserveRequest(route, r.Method, status, took)
		}()
		h := sw.Header()
		h.Set("X-Request-Id", id)
		for k, v := range securityHeaders {
			h[k] = v
		}
		if https {
			h["Strict-Transport-Security"] = hsts
		}
		if r.ContentLength > s.Cfg.MaxBody && !largeBodyRoute(r) {
			err := fault.New(fault.TooLarge, "")
			if IsAPI(r) {
				s.APIError(sw, r, err)
			} else {
				s.PageError(sw, r, err)
			}
			return
		}
		if badBytes(r) {
			err := fault.New(fault.Invalid, "Địa chỉ hoặc tham số chứa ký tự không hợp lệ.")
			if IsAPI(r) {
				s.APIError(sw, r, err)
			} else {
				s.PageError(sw, r, err)
			}
			return
		}
		if r.Body != nil && !largeBodyRoute(r) {
			r.Body = http.MaxBytesReader(sw, r.Body, s.Cfg.MaxBody)
		}
		next.ServeHTTP(sw, r)
	})
}

// badBytes reports whether the path or a query parameter holds a NUL or other control
// character, or is not UTF-8: no page or API takes such text, so it is refused at the
// door, the same way on both databases.
func badBytes(r *http.Request) bool {
	bad := func(s string) bool {
		if !utf8.ValidString(s) {
			return true
		}
		for _, c := range s {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
				return true
			}
		}
		return false
	}
	if bad(r.URL.Path) {
		return true
	}
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return false // a malformed query is the handlers' to refuse
	}
	for k, vs := range q {
		if bad(k) {
			return true
		}
		for _, v := range vs {
			if bad(v) {
				return true
			}
		}
	}
	return false
}

// IsAPI reports whether the request is for the JSON API (or Open311), whose errors are
// JSON.
func IsAPI(r *http.Request) bool {
	return strings.HasPrefix(r.URL.Path, "/api/") || strings.HasPrefix(r.URL.Path, "/open311/")
}

// ClientIP is the address of the client: the peer, or what a trusted proxy reported
// (realClient has already rewritten RemoteAddr).
func ClientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// NotFound answers unknown routes: JSON under /api, a Vietnamese page elsewhere.
func (s *Kit) NotFound(w http.ResponseWriter, r *http.Request) {
	err := fault.New(fault.NotFound, "Không tìm thấy địa chỉ này.")
	if IsAPI(r) {
		s.APIError(w, r, err)
		return
	}
	s.PageError(w, r, err)
}

// largeBodyRoute reports whether the route sets its own, larger body limit (uploads).
func largeBodyRoute(r *http.Request) bool {
	return strings.HasSuffix(r.URL.Path, "/attachments") || strings.HasSuffix(r.URL.Path, "/import") ||
		(r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/nop-truc-tuyen/")) ||
		(r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/bien-tap/"))
}
