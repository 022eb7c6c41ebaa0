package api

import (
	"net/http"
	"strconv"
	"strings"

	"motcua/internal/fault"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// apiDossierAttachments lists the files of a dossier for an officer who may see it.
func (s *Server) apiDossierAttachments(w http.ResponseWriter, r *http.Request) {
	d, _, err := s.OfficerDossier(r, r.PathValue("code"))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	list, err := s.Store.DossierAttachments(r.Context(), d.Record.Code)
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{"items": attachmentsJSON(list)})
}

// apiAddDossierAttachment stores a file sent by an officer (multipart field "file", with
// an optional "document_name").
func (s *Server) apiAddDossierAttachment(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		s.APIError(w, r, fault.New(fault.Invalid, "Tệp phải được gửi dạng multipart/form-data, trường “file”."))
		return
	}
	ups, err := kit.Uploads(r, "file")
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	u, _ := kit.CurrentUser(r)
	list, err := s.App.AttachOfficerFiles(r.Context(), u, r.PathValue("code"), r.PostFormValue("document_name"), ups[:1], s.Origin(r))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusCreated, attachmentsJSON(list)[0])
}

func attachmentsJSON(list []store.Attachment) []map[string]any {
	out := make([]map[string]any, 0, len(list))
	for _, a := range list {
		out = append(out, map[string]any{
			"id": a.ID, "document_index": a.DocIndex, "document_name": a.DocName, "file_name": a.FileName,
			"size": a.Size, "content_type": a.ContentType, "sha256": a.SHA256, "uploaded_kind": a.UploadedKind,
			"created_at": kit.Instant(a.CreatedAt), "url": "/tep/" + strconv.FormatInt(a.ID, 10),
		})
	}
	return out
}
