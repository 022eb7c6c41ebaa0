package api

import (
	"net/http"
	"strings"

	"motcua/internal/fault"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// apiResultPDF sends a dossier's signed electronic result to an officer
// (GET /api/v1/dossiers/{code}/result.pdf).
func (s *Server) apiResultPDF(w http.ResponseWriter, r *http.Request) {
	f, err := s.App.ResultPDF(r.Context(), s.Viewer(r), r.PathValue("code"))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	kit.WriteResultPDF(w, r, f)
}

// apiLookupResultPDF sends the signed electronic result to whoever holds the lookup key
// (GET /api/v1/lookup/{code}/result.pdf?key=).
func (s *Server) apiLookupResultPDF(w http.ResponseWriter, r *http.Request) {
	f, err := s.App.LookupResultPDF(r.Context(), r.PathValue("code"), r.URL.Query().Get("key"))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	kit.WriteResultPDF(w, r, f)
}

// apiAttachResult records the electronic result prepared for the leader's approval
// (POST /api/v1/dossiers/{code}/result, multipart field "file": a PDF, not encrypted).
func (s *Server) apiAttachResult(w http.ResponseWriter, r *http.Request) {
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
	at, err := s.App.AttachResult(r.Context(), u, r.PathValue("code"), ups[0], s.Origin(r))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusCreated, attachmentsJSON([]store.Attachment{at})[0])
}
