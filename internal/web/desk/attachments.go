package desk

import (
	"net/http"
	"net/url"
	"strconv"

	"motcua/internal/web/kit"
)

// handleDossierUpload attaches the scans of paper documents to a dossier from its page
// (POST /ho-so/{code}/attachments), then shows the page again.
func (s *Server) handleDossierUpload(w http.ResponseWriter, r *http.Request) {
	ups, err := kit.Uploads(r, "file")
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	u, _ := kit.CurrentUser(r)
	code := r.PathValue("code")
	list, err := s.App.AttachOfficerFiles(r.Context(), u, code, r.PostFormValue("document_name"), ups, s.Origin(r))
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/ho-so/"+url.PathEscape(code)+"?tep="+strconv.Itoa(len(list)), http.StatusSeeOther)
}
