package kit

import (
	"mime"
	"net/http"
	"strconv"
	"time"

	"motcua/internal/app"
	"motcua/internal/fault"
)

// ExportID reads the id of an export job from the path; anything else is not found.
func ExportID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, fault.New(fault.NotFound, "Không tìm thấy công việc xuất tệp.")
	}
	return id, nil
}

// WriteExportFile sends the file of a finished export job as a download (ranges allowed,
// so that a long download can resume) and closes it.
func WriteExportFile(w http.ResponseWriter, r *http.Request, f app.ExportFile) {
	defer f.Body.Close()
	h := w.Header()
	h.Set("Content-Type", f.ContentType)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": f.Name}))
	h.Set("Cache-Control", "private, no-store")
	http.ServeContent(w, r, "", time.Time{}, f.Body)
}
