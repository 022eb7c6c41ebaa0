package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"motcua/internal/fault"
)

// decodeJSON reads a JSON request body into v. Malformed JSON, a wrong type and trailing
// data are invalid; a body over the limit is too_large.
func decodeJSON(r *http.Request, v any) error {
	// Read the whole body first, so that an oversized body is always too_large, whatever
	// its content.
	body, err := io.ReadAll(r.Body)
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return fault.New(fault.TooLarge, "")
	}
	if err != nil {
		return fault.New(fault.Invalid, "Không đọc được nội dung yêu cầu.")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(v); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.Is(err, io.EOF):
			return fault.New(fault.Invalid, "Thiếu nội dung JSON.")
		case errors.As(err, &syn):
			return fault.Newf(fault.Invalid, "JSON không hợp lệ tại vị trí %d.", syn.Offset)
		case errors.As(err, &typ):
			return &fault.Error{Code: fault.Invalid, Message: "Sai kiểu dữ liệu trong JSON.",
				Fields: map[string]string{typ.Field: fmt.Sprintf("Phải là kiểu %s.", typ.Type)}}
		}
		return fault.New(fault.Invalid, "JSON không hợp lệ.")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return fault.New(fault.Invalid, "Dữ liệu thừa sau đối tượng JSON.")
	}
	return nil
}

func (s *Server) apiToken(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Username string `json:"username"`
		Password string `json:"password"`
	}
	if err := decodeJSON(r, &in); err != nil {
		s.apiError(w, r, err)
		return
	}
	in.Username = strings.TrimSpace(strings.ToLower(in.Username))
	if in.Username == "" || in.Password == "" {
		s.apiError(w, r, fault.WithFields("Thiếu tên đăng nhập hoặc mật khẩu.", map[string]string{
			"username": "Bắt buộc.", "password": "Bắt buộc."}))
		return
	}
	u, err := s.login(r, in.Username, in.Password)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	token, exp, err := s.store.CreateToken(r.Context(), u.ID, s.cfg.TokenTTL)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.audit(r, u.Username, "token.issue", u.Username, "")
	writeJSON(w, http.StatusOK, map[string]any{"token": token, "expires_at": exp, "username": u.Username, "roles": u.Roles})
}

// apiRevokeToken revokes the bearer token of the request.
func (s *Server) apiRevokeToken(w http.ResponseWriter, r *http.Request) {
	token := strings.TrimSpace(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
	if err := s.store.RevokeToken(r.Context(), token); err != nil {
		s.apiError(w, r, err)
		return
	}
	s.audit(r, "", "token.revoke", "", "")
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) apiUnits(w http.ResponseWriter, r *http.Request) {
	units, err := s.store.Units(r.Context())
	if err != nil {
		s.apiError(w, r, err)
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
	now := s.now()
	for _, u := range units {
		items = append(items, item{u.Code, u.Name, u.ParentCode, string(u.Level), u.Hotline, u.Address, u.Email, u.Hours, u.Desk(now)})
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items})
}

// apiMe describes the officer behind the token.
func (s *Server) apiMe(w http.ResponseWriter, r *http.Request) {
	u, _ := currentUser(r)
	writeJSON(w, http.StatusOK, u)
}
