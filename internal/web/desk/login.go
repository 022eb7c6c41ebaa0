package desk

import (
	"net/http"
	"strings"

	"motcua/internal/org"
	"motcua/internal/web/kit"
)

func (s *Server) handleLoginForm(w http.ResponseWriter, r *http.Request) {
	if _, ok := kit.CurrentUser(r); ok {
		http.Redirect(w, r, kit.LocalPath(r.URL.Query().Get("next"), "/ho-so"), http.StatusSeeOther)
		return
	}
	s.Render(w, r, http.StatusOK, "login.html", map[string]any{
		"Title": "Đăng nhập cán bộ", "Next": r.URL.Query().Get("next"),
	})
}

func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	username := strings.TrimSpace(strings.ToLower(r.PostFormValue("username")))
	next := r.PostFormValue("next")
	data := map[string]any{"Title": "Đăng nhập cán bộ", "Next": next, "Username": username}
	_, token, err := s.App.LoginOfficer(r.Context(), username, r.PostFormValue("password"), s.Origin(r))
	// Officers land on their inbox unless a page of the site sent them here.
	s.FinishLogin(w, r, kit.Login{Page: "login.html", Data: data, Cookie: kit.SessionCookie, Next: next, Default: "/ho-so"}, token, err)
}

// handleLogout ends the officer's session (POST /dang-xuat).
func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(kit.SessionCookie); err == nil {
		var who *org.User
		if u, ok := kit.CurrentUser(r); ok {
			who = &u
		}
		if err := s.App.LogoutOfficer(r.Context(), who, c.Value, s.Origin(r)); err != nil {
			s.PageError(w, r, err)
			return
		}
	}
	kit.SetCookie(w, r, &http.Cookie{Name: kit.SessionCookie, Value: "", MaxAge: -1})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}
