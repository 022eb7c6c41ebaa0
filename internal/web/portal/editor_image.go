package portal

import (
	"net/http"
	"strings"

	"motcua/internal/fault"
	"motcua/internal/web/kit"
)

// handleEditorImage stores a picture for use inside an article's body and shows the
// Markdown line to paste, with the description as its text alternative.
func (s *Server) handleEditorImage(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	alt := strings.TrimSpace(r.PostFormValue("alt"))
	data, err := readUpload(r, "image_file", 15<<20)
	if err == nil && data == nil {
		err = fault.New(fault.Invalid, "Vui lòng chọn ảnh để tải lên.")
	}
	if err == nil && (alt == "" || len(alt) > 250) {
		err = fault.New(fault.Invalid, "Vui lòng mô tả ảnh (văn bản thay thế, tối đa 250 ký tự) cho người khiếm thị.")
	}
	var name string
	if err == nil {
		name, err = s.App.UploadPortalImage(r.Context(), u, data)
	}
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	alt = strings.NewReplacer("[", "(", "]", ")").Replace(alt)
	s.Render(w, r, http.StatusOK, "portal_editor_image.html", map[string]any{
		"Title": "Ảnh đã tải lên", "Name": name, "Markdown": "![" + alt + "](/anh/" + name + ")",
		"Back": kit.LocalPath(r.PostFormValue("back"), "/bien-tap"),
	})
}
