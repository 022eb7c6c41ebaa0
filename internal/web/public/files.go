package public

import (
	"mime"
	"net/http"
	"strconv"

	"motcua/internal/fault"
)

// handleDownload serves an attachment (GET /tep/{id}) to whoever the use case allows.
func (s *Server) handleDownload(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.PageError(w, r, fault.New(fault.NotFound, "Không tìm thấy tệp."))
		return
	}
	a, f, err := s.App.Attachment(r.Context(), s.Viewer(r), id)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	defer f.Close()
	h := w.Header()
	h.Set("Content-Type", a.ContentType)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": a.FileName}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "private, no-store")
	http.ServeContent(w, r, "", a.CreatedAt, f)
}
