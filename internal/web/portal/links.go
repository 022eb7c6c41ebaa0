package portal

import (
	"net/http"

	"motcua/internal/app"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// linkForm is the link form as typed, kept when it is shown again with errors.
type linkForm struct {
	ID         int64
	Unit       string
	Title, URL string
}

// renderLinks shows the unit's links block with the form to add a link (form, fields and
// msg: the add form shown again with its errors).
func (s *Server) renderLinks(w http.ResponseWriter, r *http.Request, st int, unit string, f linkForm, fields map[string]string, msg string) {
	u, _ := kit.CurrentUser(r)
	_, links, err := s.App.HomeBlocks(r.Context(), u, unit)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	f.Unit = unit
	s.Render(w, r, st, "portal_editor_links.html", map[string]any{
		"Title": "Liên kết trang chủ", "Unit": s.unitName(r, unit), "UnitCode": unit, "Links": links,
		"Form": f, "Fields": fields, "Error": msg, "Saved": r.URL.Query().Get("da-luu") == "1",
		"Units": s.adminUnits(r, u),
	})
}

func (s *Server) handleLinks(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	s.renderLinks(w, r, http.StatusOK, blockUnit(r, u), linkForm{}, nil, "")
}

func (s *Server) handleLinkEdit(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	id, err := pathID(r, "Không tìm thấy liên kết.")
	var x store.Link
	if err == nil {
		x, err = s.App.EditorLink(r.Context(), u, id)
	}
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	s.renderLink(w, r, http.StatusOK, linkForm{ID: x.ID, Unit: x.UnitCode, Title: x.Title, URL: x.URL}, nil, "")
}

func (s *Server) renderLink(w http.ResponseWriter, r *http.Request, st int, f linkForm, fields map[string]string, msg string) {
	s.Render(w, r, st, "portal_editor_link.html", map[string]any{
		"Title": "Sửa liên kết", "Form": f, "Fields": fields, "Error": msg,
	})
}

// handleLinkSave adds a link (POST /bien-tap/lien-ket) or changes one (…/{id}/sua).
func (s *Server) handleLinkSave(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	f := linkForm{Unit: blockUnit(r, u), Title: r.PostFormValue("title"), URL: r.PostFormValue("url")}
	var err error
	if r.PathValue("id") != "" {
		f.ID, err = pathID(r, "Không tìm thấy liên kết.")
	}
	unit := f.Unit
	if err == nil {
		unit, err = s.App.SaveLink(r.Context(), u, app.LinkInput{ID: f.ID, Unit: f.Unit, Title: f.Title, URL: f.URL}, s.Origin(r))
	}
	if err != nil {
		s.saveFailed(w, r, err, f.ID != 0,
			func(st int, fields map[string]string, msg string) { s.renderLink(w, r, st, f, fields, msg) },
			func(st int, fields map[string]string, msg string) { s.renderLinks(w, r, st, f.Unit, f, fields, msg) })
		return
	}
	http.Redirect(w, r, blocksPath("/bien-tap/lien-ket", unit)+"&da-luu=1", http.StatusSeeOther)
}

// handleLinkAction moves a link up (len) or down (xuong), or deletes it (xoa).
func (s *Server) handleLinkAction(w http.ResponseWriter, r *http.Request) {
	s.blockAction(w, r, blockList{path: "/bien-tap/lien-ket", missing: "Không tìm thấy liên kết.",
		move: s.App.MoveLink, remove: s.App.DeleteLink})
}
