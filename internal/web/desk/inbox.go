package desk

import (
	"net/http"
	"strconv"

	"motcua/internal/app"
	"motcua/internal/web/kit"
)

// handleInbox shows the officer's dossiers ordered by due date (GET /ho-so).
func (s *Server) handleInbox(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
	sections, err := s.App.Inbox(r.Context(), u, offset)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "inbox.html", map[string]any{
		"Title": "Hồ sơ cần xử lý", "Sections": sections, "Offset": max(offset, 0),
		"CanReceive": app.CanReceive(u),
	})
}
