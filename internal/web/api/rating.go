package api

import (
	"net/http"

	"motcua/internal/fault"
	"motcua/internal/feedback"
	"motcua/internal/web/kit"
)

// ratingJSON is a rating as the API gives it: no officer names, no personal data.
func ratingJSON(r feedback.Rating) map[string]any {
	criteria := map[string]string{}
	for c, v := range r.Criteria {
		criteria[string(c)] = string(v)
	}
	return map[string]any{"code": r.DossierCode, "level": string(r.Level), "criteria": criteria,
		"comment": r.Comment, "channel": string(r.Channel), "rated_at": kit.Instant(r.At)}
}

// apiLookupRating rates a returned dossier with its lookup key (POST
// /api/v1/lookup/{code}/rating?key=…, public): {"level","criteria":{…},"comment"} → 201
// with the rating. A wrong key is 404 as the lookup; an unfinished or already rated
// dossier 409.
func (s *Server) apiLookupRating(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	var in feedback.RatingInput
	if err := kit.DecodeJSON(r, &in); err != nil {
		s.APIError(w, r, err)
		return
	}
	rt, err := s.App.RateByLookup(r.Context(), r.PathValue("code"), r.URL.Query().Get("key"), in)
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusCreated, ratingJSON(rt))
}

// apiLookupRatingGet gives the rating of a dossier with its lookup key (GET
// /api/v1/lookup/{code}/rating?key=…, public), or 404 when it has none.
func (s *Server) apiLookupRatingGet(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	p, err := s.Store.Lookup(r.Context(), r.PathValue("code"), r.URL.Query().Get("key"))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	rt, ok, err := s.App.DossierRating(r.Context(), p.Code)
	switch {
	case err != nil:
		s.APIError(w, r, err)
	case !ok:
		s.APIError(w, r, fault.New(fault.NotFound, "Hồ sơ chưa được đánh giá."))
	default:
		kit.WriteJSON(w, http.StatusOK, ratingJSON(rt))
	}
}
