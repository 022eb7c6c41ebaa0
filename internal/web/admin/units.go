package admin

import (
	"net/http"
	"strings"

	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/web/kit"
)

func unitFromForm(r *http.Request) org.Unit {
	f := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	return org.Unit{
		Code: f("code"), Name: f("name"), ParentCode: f("parent_code"), Level: org.Level(f("level")),
		Address: f("address"), Hotline: f("hotline"), Email: f("email"), Hours: f("hours"), DeskName: f("desk_name"),
	}
}

func (s *Server) handleUnitList(w http.ResponseWriter, r *http.Request) {
	units, err := s.Store.Units(r.Context())
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "admin_units.html", map[string]any{"Title": "Quản lý đơn vị", "Units": units})
}

func (s *Server) unitForm(w http.ResponseWriter, r *http.Request, st int, u org.Unit, oldCode string, errs map[string]string, msg string) {
	units, err := s.Store.Units(r.Context())
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	title := "Thêm đơn vị"
	if oldCode != "" {
		title = "Sửa đơn vị " + oldCode
	}
	s.Render(w, r, st, "admin_unit_form.html", map[string]any{
		"Title": title, "Unit": u, "OldCode": oldCode, "Errors": errs, "Message": msg,
		"Units": units, "Levels": org.Levels(),
	})
}

func (s *Server) handleUnitNew(w http.ResponseWriter, r *http.Request) {
	s.unitForm(w, r, http.StatusOK, org.Unit{Level: org.Commune}, "", nil, "")
}

func (s *Server) handleUnitEdit(w http.ResponseWriter, r *http.Request) {
	u, err := s.Store.Unit(r.Context(), r.PathValue("code"))
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	s.unitForm(w, r, http.StatusOK, u, u.Code, nil, "")
}

// handleUnitSave creates a unit (no code in the path) or updates one.
func (s *Server) handleUnitSave(w http.ResponseWriter, r *http.Request) {
	u := unitFromForm(r)
	oldCode := r.PathValue("code")
	officer, _ := kit.CurrentUser(r)
	_, err := s.App.SaveUnit(r.Context(), officer, oldCode, u, s.Origin(r))
	if err != nil {
		e := s.Public(r, err)
		if e.Code == fault.Invalid || e.Code == fault.Conflict {
			s.unitForm(w, r, kit.Status(e.Code), u, oldCode, e.Fields, e.Message)
			return
		}
		s.PageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/quan-tri/don-vi", http.StatusSeeOther)
}
