package web

import (
	"net/http"
	"strings"
)

func (s *Server) handleLoginForm(w http.ResponseWriter, r *http.Request) {
	if _, ok := currentUser(r); ok {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	s.render(w, r, http.StatusOK, "login.html", map[string]any{
		"Title": "Đăng nhập cán bộ", "Next": r.URL.Query().Get("next"),
	})
}

func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	username := strings.TrimSpace(strings.ToLower(r.PostFormValue("username")))
	pw := r.PostFormValue("password")
	next := r.PostFormValue("next")
	data := map[string]any{"Title": "Đăng nhập cán bộ", "Next": next, "Username": username}
	if username == "" || pw == "" {
		data["Error"] = "Vui lòng nhập tên đăng nhập và mật khẩu."
		s.render(w, r, http.StatusBadRequest, "login.html", data)
		return
	}
	u, err := s.login(r, username, pw)
	if err != nil {
		e := s.public(r, err)
		data["Error"] = e.Message
		s.render(w, r, status(e.Code), "login.html", data)
		return
	}
	token, err := s.store.CreateSession(r.Context(), u.ID, s.cfg.SessionTTL)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true,
		Secure: r.TLS != nil, SameSite: http.SameSiteLaxMode, MaxAge: int(s.cfg.SessionTTL.Seconds())})
	s.audit(r, u.Username, "login", u.Username, "")
	http.Redirect(w, r, safeNext(next), http.StatusSeeOther)
}

func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if err := s.store.DeleteSession(r.Context(), c.Value); err != nil {
			s.pageError(w, r, err)
			return
		}
	}
	if u, ok := currentUser(r); ok {
		s.audit(r, u.Username, "logout", u.Username, "")
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// safeNext keeps redirects on this site.
func safeNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.Contains(next, "\\") {
		return "/"
	}
	return next
}
