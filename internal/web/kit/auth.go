package kit

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"unicode"

	"motcua/internal/fault"
	"motcua/internal/org"
)

// The cookies of an officer's session and of the anti-forgery token, and the header that
// carries the token on API writes.
const (
	SessionCookie = "motcua_session"
	CSRFCookie    = "motcua_csrf"
	// csrfHeader carries the anti-forgery token on JSON API writes made with a session
	// cookie instead of a bearer token.
	csrfHeader = "X-CSRF-Token"
)

// CurrentUser is the officer of the request, if any.
func CurrentUser(r *http.Request) (org.User, bool) {
	u, ok := r.Context().Value(keyUser).(org.User)
	return u, ok
}

// Identify attaches the officer of the session cookie or of the bearer token to the
// request. An invalid bearer token is refused at once with 401; an invalid cookie is
// simply ignored. A JSON API write (POST, PUT, PATCH, DELETE) with a session cookie
// counts only with the anti-forgery token in the X-CSRF-Token header; without it the
// officer is not attached and officerAPI answers 403.
func (s *Kit) Identify(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if auth := r.Header.Get("Authorization"); auth != "" {
			token, ok := strings.CutPrefix(auth, "Bearer ")
			if !ok {
				s.APIError(w, r, fault.New(fault.Unauthorized, "Tiêu đề Authorization phải có dạng \"Bearer <mã>\"."))
				return
			}
			u, err := s.Store.TokenUser(r.Context(), strings.TrimSpace(token))
			if err != nil {
				s.APIError(w, r, err)
				return
			}
			r = r.WithContext(context.WithValue(r.Context(), keyUser, u))
		} else if c, err := r.Cookie(SessionCookie); err == nil && c.Value != "" {
			if u, err := s.Store.SessionUser(r.Context(), c.Value); err == nil {
				if IsAPI(r) && unsafeMethod(r.Method) && !validCSRF(r, r.Header.Get(csrfHeader)) {
					r = r.WithContext(context.WithValue(r.Context(), keyCSRFMissing, true))
				} else {
					r = r.WithContext(context.WithValue(r.Context(), keyUser, u))
				}
			}
		}
		next.ServeHTTP(w, r)
	})
}

// unsafeMethod reports whether the method may change state.
func unsafeMethod(m string) bool {
	return m != http.MethodGet && m != http.MethodHead && m != http.MethodOptions
}

// validCSRF reports whether sent is the visitor's anti-forgery token (double submit:
// the cookie and a form field or header must match).
func validCSRF(r *http.Request, sent string) bool {
	c, err := r.Cookie(CSRFCookie)
	return err == nil && sent != "" && subtle.ConstantTimeCompare([]byte(c.Value), []byte(sent)) == 1
}

// NoStore keeps private pages and data out of browser and proxy caches.
func NoStore(w http.ResponseWriter) { w.Header().Set("Cache-Control", "no-store") }

// OfficerPage lets through officers holding any of the roles (any officer when none are
// given); others are sent to the login page or shown a 403 page.
func (s *Kit) OfficerPage(h http.HandlerFunc, roles ...org.Role) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		NoStore(w)
		u, ok := CurrentUser(r)
		if !ok {
			http.Redirect(w, r, "/dang-nhap?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		if len(roles) > 0 && !u.HasAny(roles...) {
			s.PageError(w, r, fault.New(fault.Forbidden, "Tài khoản của bạn không có quyền xem trang này."))
			return
		}
		h(w, r)
	})
}

// OfficerAPI is officerPage for the JSON API: 401 without a token, 403 without the role
// or for a write with a session cookie but no anti-forgery token.
func (s *Kit) OfficerAPI(h http.HandlerFunc, roles ...org.Role) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		NoStore(w)
		u, ok := CurrentUser(r)
		if !ok && r.Context().Value(keyCSRFMissing) != nil {
			s.APIError(w, r, fault.New(fault.Forbidden, "Yêu cầu ghi bằng phiên đăng nhập cần mã chống giả mạo trong tiêu đề X-CSRF-Token, hoặc dùng mã truy cập (Bearer token)."))
			return
		}
		if !ok {
			s.APIError(w, r, fault.New(fault.Unauthorized, "Cần mã truy cập (Bearer token) của cán bộ."))
			return
		}
		if len(roles) > 0 && !u.HasAny(roles...) {
			s.APIError(w, r, fault.New(fault.Forbidden, "Tài khoản không có quyền thực hiện thao tác này."))
			return
		}
		h(w, r)
	})
}

// CSRFToken returns the visitor's anti-forgery token, setting the cookie on first use.
// Forms carry it in a hidden field; checkCSRF compares the two (double submit).
func (s *Kit) CSRFToken(w http.ResponseWriter, r *http.Request) string {
	if t, ok := r.Context().Value(keyCSRF).(string); ok {
		return t
	}
	if c, err := r.Cookie(CSRFCookie); err == nil && len(c.Value) >= 32 {
		return c.Value
	}
	b := make([]byte, 24)
	rand.Read(b)
	t := base64.RawURLEncoding.EncodeToString(b)
	SetCookie(w, r, &http.Cookie{Name: CSRFCookie, Value: t})
	return t
}

// CheckCSRF refuses a state-changing form whose hidden csrf field does not match the
// visitor's cookie. It runs on every HTML POST route.
func (s *Kit) CheckCSRF(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := ParseForm(r); err != nil {
			s.PageError(w, r, err)
			return
		}
		if !validCSRF(r, r.PostFormValue("csrf")) {
			s.PageError(w, r, fault.New(fault.Forbidden, "Biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang và thử lại."))
			return
		}
		h(w, r)
	})
}

// ParseForm parses a posted form (multipart included), mapping an oversized body to
// too_large and a malformed one to invalid.
func ParseForm(r *http.Request) error {
	var err error
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		err = r.ParseMultipartForm(8 << 20)
	} else {
		err = r.ParseForm()
	}
	if err == nil {
		return nil
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return fault.New(fault.TooLarge, "")
	}
	return fault.New(fault.Invalid, "Biểu mẫu gửi lên không đọc được.")
}

// SetCookie sets a cookie for the whole site, HttpOnly and SameSite=Lax, and Secure
// whenever the request is HTTPS (isHTTPS).
func SetCookie(w http.ResponseWriter, r *http.Request, c *http.Cookie) {
	c.Path, c.HttpOnly, c.SameSite, c.Secure = "/", true, http.SameSiteLaxMode, IsHTTPS(r)
	http.SetCookie(w, c)
}

// LocalPath returns next when it is a clean path on this site, else def: it must start
// with a single "/" (not "//" or "/\"), hold no backslash, whitespace or control
// character anywhere, and parse without scheme or host. Browsers strip tabs and newlines
// from addresses and read "\" as "/", so anything else could lead off the site. Both
// logins use it for their "next" page.
func LocalPath(next, def string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return def
	}
	for _, c := range next {
		if c == '\\' || unicode.IsSpace(c) || unicode.IsControl(c) || !unicode.IsPrint(c) {
			return def
		}
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return def
	}
	return next
}
