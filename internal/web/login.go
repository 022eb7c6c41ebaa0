package web

import (
	"net/http"
	"net/url"
	"strings"
	"unicode"

	"motcua/internal/fault"
)

func (s *Server) handleLoginForm(w http.ResponseWriter, r *http.Request) {
	if _, ok := currentUser(r); ok {
		http.Redirect(w, r, localPath(r.URL.Query().Get("next"), "/"), http.StatusSeeOther)
		return
	}
	s.render(w, r, http.StatusOK, "login.html", map[string]any{
		"Title": "Đăng nhập cán bộ", "Next": r.URL.Query().Get("next"),
	})
}

func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	username := strings.TrimSpace(strings.ToLower(r.PostFormValue("username")))
	next := r.PostFormValue("next")
	data := map[string]any{"Title": "Đăng nhập cán bộ", "Next": next, "Username": username}
	_, token, err := s.app.LoginOfficer(r.Context(), username, r.PostFormValue("password"), s.origin(r))
	if err != nil {
		e := s.public(r, err)
		if e.Code == fault.Internal {
			s.pageError(w, r, err)
			return
		}
		data["Error"] = e.Message
		s.render(w, r, status(e.Code), "login.html", data)
		return
	}
	setCookie(w, r, &http.Cookie{Name: sessionCookie, Value: token, MaxAge: int(s.app.SessionTTL().Seconds())})
	http.Redirect(w, r, localPath(next, "/"), http.StatusSeeOther)
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
	setCookie(w, r, &http.Cookie{Name: sessionCookie, Value: "", MaxAge: -1})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// localPath returns next when it is a clean path on this site, else def: it must start
// with a single "/" (not "//" or "/\"), hold no backslash, whitespace or control
// character anywhere, and parse without scheme or host. Browsers strip tabs and newlines
// from addresses and read "\" as "/", so anything else could lead off the site. Both
// logins use it for their "next" page.
func localPath(next, def string) string {
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
