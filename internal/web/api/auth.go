package api

import (
	"net/http"
	"strings"

	"motcua/internal/web/kit"
)

func (s *Server) apiToken(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Username string `json:"username"`
		Password string `json:"password"`
	}
	if err := kit.DecodeJSON(r, &in); err != nil {
		s.APIError(w, r, err)
		return
	}
	in.Username = strings.TrimSpace(strings.ToLower(in.Username))
	u, token, exp, err := s.App.IssueToken(r.Context(), in.Username, in.Password, s.Origin(r))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{"token": token, "expires_at": exp, "username": u.Username, "roles": u.Roles})
}

// apiRevokeToken revokes the bearer token of the request.
func (s *Server) apiRevokeToken(w http.ResponseWriter, r *http.Request) {
	token := strings.TrimSpace(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
	u, _ := kit.CurrentUser(r)
	if err := s.App.RevokeToken(r.Context(), u, token, s.Origin(r)); err != nil {
		s.APIError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) apiUnits(w http.ResponseWriter, r *http.Request) {
	units, err := s.Store.Units(r.Context())
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	type item struct {
		Code       string `json:"code"`
		Name       string `json:"name"`
		ParentCode string `json:"parent_code"`
		Level      string `json:"level"`
		Hotline    string `json:"hotline"`
		Address    string `json:"address"`
		Email      string `json:"email"`
		Hours      string `json:"hours"`
		// DeskName is the desk's name on today's forms (configured, or the default).
		DeskName string `json:"desk_name"`
	}
	items := make([]item, 0, len(units))
	now := s.Now()
	for _, u := range units {
		items = append(items, item{u.Code, u.Name, u.ParentCode, string(u.Level), u.Hotline, u.Address, u.Email, u.Hours, u.Desk(now)})
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{"items": items})
}

// apiMe describes the officer behind the token.
func (s *Server) apiMe(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	kit.WriteJSON(w, http.StatusOK, u)
}
