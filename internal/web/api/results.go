package api

import (
	"net/http"

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
