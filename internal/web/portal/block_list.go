package portal

import (
	"context"
	"net/http"

	"motcua/internal/app"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/web/kit"
)

// blockList is one ordered block of the home page (the slideshow, the links) as its
// editing page acts on it: its address, the message for an unknown entry and the use
// cases that move and delete an entry, each returning the entry's unit.
type blockList struct {
	path    string
	missing string
	move    func(ctx context.Context, u org.User, id int64, up bool, o app.Origin) (string, error)
	remove  func(ctx context.Context, u org.User, id int64, o app.Origin) (string, error)
}

// blockAction moves an entry of the block up (len) or down (xuong), or deletes it (xoa),
// then shows the block's page of the entry's unit again.
func (s *Server) blockAction(w http.ResponseWriter, r *http.Request, b blockList) {
	u, _ := kit.CurrentUser(r)
	id, err := pathID(r, b.missing)
	var unit string
	if err == nil {
		ctx, o := r.Context(), s.Origin(r)
		switch r.PathValue("action") {
		case "len":
			unit, err = b.move(ctx, u, id, true, o)
		case "xuong":
			unit, err = b.move(ctx, u, id, false, o)
		case "xoa":
			unit, err = b.remove(ctx, u, id, o)
		default:
			err = fault.New(fault.NotFound, "Thao tác không tồn tại.")
		}
	}
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	http.Redirect(w, r, blocksPath(b.path, unit), http.StatusSeeOther)
}

// saveFailed answers a refused save of a block's entry: a missing entry, a forbidden
// unit or an internal error is an error page; a refused form is shown again with its
// errors, the edit form when an entry was being changed (editing), else the block's page
// with its add form.
func (s *Server) saveFailed(w http.ResponseWriter, r *http.Request, err error, editing bool, edit, add func(st int, fields map[string]string, msg string)) {
	fe := s.Public(r, err)
	switch {
	case fe.Code == fault.Forbidden || fe.Code == fault.NotFound || fe.Code == fault.Internal:
		s.PageError(w, r, err)
	case editing:
		edit(kit.Status(fe.Code), fe.Fields, fe.Message)
	default:
		add(kit.Status(fe.Code), fe.Fields, fe.Message)
	}
}
