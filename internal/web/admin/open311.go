package admin

import (
	"net/http"
	"strconv"

	"motcua/internal/fault"
	"motcua/internal/web/kit"
)

// renderOpen311 shows the Open311 keys (names and dates, never a key) with the form to
// issue one; a key just issued is shown once.
func (s *Server) renderOpen311(w http.ResponseWriter, r *http.Request, st int, key string, e *fault.Error) {
	u, _ := kit.CurrentUser(r)
	keys, err := s.App.Open311Keys(r.Context(), u)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	data := map[string]any{"Title": "Khóa Open311", "Keys": keys, "NewKey": key}
	if e != nil {
		data["Error"], data["Fields"] = e.Message, e.Fields
	}
	s.Render(w, r, st, "admin_open311.html", data)
}

func (s *Server) handleOpen311Keys(w http.ResponseWriter, r *http.Request) {
	s.renderOpen311(w, r, http.StatusOK, "", nil)
}

func (s *Server) handleOpen311KeyAdd(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	key, _, err := s.App.AddOpen311Key(r.Context(), u, r.PostFormValue("name"), s.Origin(r))
	if err != nil {
		e := s.Public(r, err)
		if e.Code == fault.Internal {
			s.PageError(w, r, err)
			return
		}
		s.renderOpen311(w, r, kit.Status(e.Code), "", e)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	s.renderOpen311(w, r, http.StatusCreated, key, nil)
}

func (s *Server) handleOpen311KeyRevoke(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.PageError(w, r, fault.New(fault.NotFound, "Không có khóa này."))
		return
	}
	if err := s.App.RevokeOpen311Key(r.Context(), u, id, s.Origin(r)); err != nil {
		s.PageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/quan-tri/open311", http.StatusSeeOther)
}
