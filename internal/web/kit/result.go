package kit

import (
	"mime"
	"net/http"

	"motcua/internal/app"
)

// WriteResultPDF sends a signed electronic result as a PDF download, byte for byte (a
// signed file must not be altered, not even compressed by a proxy's transform).
func WriteResultPDF(w http.ResponseWriter, r *http.Request, f app.ResultFile) {
	defer f.Content.Close()
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": f.Attachment.FileName}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "private, no-store, no-transform")
	http.ServeContent(w, r, "", f.Attachment.CreatedAt, f.Content)
}
