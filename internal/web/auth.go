package web

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/store"
)

const (
	sessionCookie = "motcua_session"
	csrfCookie    = "motcua_csrf"
	// loginLimitUser is how many failed logins an account may have in loginWindow
	// before further attempts are refused; loginLimitIP the same for one address.
	loginLimitUser = 5
	loginLimitIP   = 30
	loginWindow    = time.Minute
)

// currentUser is the officer of the request, if any.
func currentUser(r *http.Request) (org.User, bool) {
	u, ok := r.Context().Value(keyUser).(org.User)
	return u, ok
}

// identify attaches the officer of the session cookie or of the bearer token to the
// request. An invalid bearer token is refused at once with 401; an invalid cookie is
// simply ignored.
func (s *Server) identify(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if auth := r.Header.Get("Authorization"); auth != "" {
			token, ok := strings.CutPrefix(auth, "Bearer ")
			if !ok {
				s.apiError(w, r, fault.New(fault.Unauthorized, "Tiêu đề Authorization phải có dạng \"Bearer <mã>\"."))
				return
			}
			u, err := s.store.TokenUser(r.Context(), strings.TrimSpace(token))
			if err != nil {
				s.apiError(w, r, err)
				return
			}
			r = r.WithContext(context.WithValue(r.Context(), keyUser, u))
		} else if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
			if u, err := s.store.SessionUser(r.Context(), c.Value); err == nil {
				r = r.WithContext(context.WithValue(r.Context(), keyUser, u))
			}
		}
		next.ServeHTTP(w, r)
	})
}

// officerPage lets through officers holding any of the roles (any officer when none are
// given); others are sent to the login page or shown a 403 page.
func (s *Server) officerPage(h http.HandlerFunc, roles ...org.Role) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u, ok := currentUser(r)
		if !ok {
			http.Redirect(w, r, "/dang-nhap?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		if len(roles) > 0 && !u.HasAny(roles...) {
			s.pageError(w, r, fault.New(fault.Forbidden, "Tài khoản của bạn không có quyền xem trang này."))
			return
		}
		h(w, r)
	})
}

// officerAPI is officerPage for the JSON API: 401 without a token, 403 without the role.
func (s *Server) officerAPI(h http.HandlerFunc, roles ...org.Role) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u, ok := currentUser(r)
		if !ok {
			s.apiError(w, r, fault.New(fault.Unauthorized, "Cần mã truy cập (Bearer token) của cán bộ."))
			return
		}
		if len(roles) > 0 && !u.HasAny(roles...) {
			s.apiError(w, r, fault.New(fault.Forbidden, "Tài khoản không có quyền thực hiện thao tác này."))
			return
		}
		h(w, r)
	})
}

// csrfToken returns the visitor's anti-forgery token, setting the cookie on first use.
// Forms carry it in a hidden field; checkCSRF compares the two (double submit).
func (s *Server) csrfToken(w http.ResponseWriter, r *http.Request) string {
	if t, ok := r.Context().Value(keyCSRF).(string); ok {
		return t
	}
	if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) >= 32 {
		return c.Value
	}
	b := make([]byte, 24)
	rand.Read(b)
	t := base64.RawURLEncoding.EncodeToString(b)
	http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: t, Path: "/", HttpOnly: true,
		Secure: r.TLS != nil, SameSite: http.SameSiteLaxMode})
	return t
}

// checkCSRF refuses a state-changing form whose hidden csrf field does not match the
// visitor's cookie. It runs on every HTML POST route.
func (s *Server) checkCSRF(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := parseForm(r); err != nil {
			s.pageError(w, r, err)
			return
		}
		c, err := r.Cookie(csrfCookie)
		sent := r.PostFormValue("csrf")
		if err != nil || sent == "" || subtle.ConstantTimeCompare([]byte(c.Value), []byte(sent)) != 1 {
			s.pageError(w, r, fault.New(fault.Forbidden, "Biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang và thử lại."))
			return
		}
		h(w, r)
	})
}

// parseForm parses a posted form (multipart included), mapping an oversized body to
// too_large and a malformed one to invalid.
func parseForm(r *http.Request) error {
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

// loginAllowed checks the failure counters of the account and the address.
func (s *Server) loginAllowed(ctx context.Context, username, ip string) error {
	for _, c := range []struct {
		key   string
		limit int
	}{{"user:" + username, loginLimitUser}, {"ip:" + ip, loginLimitIP}} {
		n, err := s.store.LoginFailures(ctx, c.key, loginWindow)
		if err != nil {
			return err
		}
		if n >= c.limit {
			return fault.New(fault.RateLimited, "Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau 1 phút.")
		}
	}
	return nil
}

// login checks credentials with throttling: after each failure the answer is slowed a
// little more, and past the limit it is refused with rate_limited.
func (s *Server) login(r *http.Request, username, password string) (org.User, error) {
	ctx := r.Context()
	ip := clientIP(r)
	if err := s.loginAllowed(ctx, username, ip); err != nil {
		return org.User{}, err
	}
	u, err := s.store.Authenticate(ctx, username, password)
	if err != nil {
		if fault.CodeOf(err) == fault.Unauthorized {
			s.store.RecordLoginFailure(ctx, "user:"+username, "ip:"+ip)
			n, _ := s.store.LoginFailures(ctx, "user:"+username, loginWindow)
			time.Sleep(min(time.Duration(n)*100*time.Millisecond, time.Second))
			s.audit(r, username, "login.failed", username, "")
		}
		return org.User{}, err
	}
	s.store.ClearLoginFailures(ctx, "user:"+username)
	return u, nil
}

// audit records an officer action; failures to write are logged, never shown.
func (s *Server) audit(r *http.Request, actor, action, target, detail string) {
	unit := ""
	if u, ok := currentUser(r); ok {
		unit = u.UnitCode
		if actor == "" {
			actor = u.Username
		}
	}
	err := s.store.Audit(r.Context(), store.AuditEntry{Actor: actor, UnitCode: unit, Action: action,
		Target: target, Detail: detail, IP: clientIP(r), RequestID: requestID(r)})
	if err != nil {
		s.log.ErrorContext(r.Context(), "audit write failed", "err", err, "request_id", requestID(r))
	}
}
