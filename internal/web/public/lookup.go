package public

import (
	"motcua/internal/app"
	"net/http"
	"net/url"
	"strings"

	"motcua/internal/fault"
	"motcua/internal/web/kit"
)

// handleLookupPage shows the public lookup form (GET /tra-cuu); with code and key in the
// query it goes to the result page.
func (s *Server) handleLookupPage(w http.ResponseWriter, r *http.Request) {
	code := strings.TrimSpace(r.URL.Query().Get("code"))
	key := strings.TrimSpace(r.URL.Query().Get("key"))
	if code != "" && key != "" {
		http.Redirect(w, r, "/tra-cuu/"+url.PathEscape(code)+"?key="+url.QueryEscape(key), http.StatusSeeOther)
		return
	}
	s.Render(w, r, http.StatusOK, "lookup.html", map[string]any{"Title": "Tra cứu hồ sơ", "Code": code, "Key": key})
}

// handleLookupResult shows the public state of a dossier (GET /tra-cuu/{code}?key=…): the
// procedure, the status, the appointment and the timeline, no personal data. An unknown
// code and a wrong key give the same answer.
func (s *Server) handleLookupResult(w http.ResponseWriter, r *http.Request) {
	code, key := r.PathValue("code"), r.URL.Query().Get("key")
	w.Header().Set("Cache-Control", "no-store")
	p, err := s.App.PublicLookup(r.Context(), code, key)
	if err != nil {
		e := s.Public(r, err)
		if e.Code != fault.NotFound {
			s.PageError(w, r, err)
			return
		}
		s.Render(w, r, http.StatusNotFound, "lookup.html", map[string]any{"Title": "Tra cứu hồ sơ",
			"Code": code, "Key": key, "Message": e.Message})
		return
	}
	fee, err := s.App.LookupFee(r.Context(), app.Payer{LookupKey: key}, p.Code)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	signed, err := s.App.HasElectronicResult(r.Context(), p.Code)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	data := map[string]any{"Title": "Hồ sơ " + p.Code, "P": p, "Labels": kit.PublicLabels(p), "Fee": fee, "Key": key, "Signed": signed}
	if d, err := s.App.LookupDossier(r.Context(), code, key); err == nil {
		box, err := s.RatingBox(r, d, lookupRatingAction(p.Code), key)
		if err != nil {
			s.PageError(w, r, err)
			return
		}
		data["Rating"] = box
	}
	if r.URL.Query().Get("da-danh-gia") != "" {
		data["Notice"] = "Cảm ơn bạn đã đánh giá mức độ hài lòng."
	}
	s.Render(w, r, http.StatusOK, "lookup_result.html", data)
}
