package public

import (
	"net/http"
	"net/url"

	"motcua/internal/fault"
	"motcua/internal/web/kit"
)

// lookupRatingAction is where the lookup page's rating form posts.
func lookupRatingAction(code string) string { return "/tra-cuu/" + url.PathEscape(code) + "/danh-gia" }

// handleLookupRate records the rating sent from the public lookup page (POST
// /tra-cuu/{code}/danh-gia, with the lookup key in the form) and shows the page again.
// A wrong key answers as the lookup does.
func (s *Server) handleLookupRate(w http.ResponseWriter, r *http.Request) {
	code, key := r.PathValue("code"), r.PostFormValue("key")
	w.Header().Set("Cache-Control", "no-store")
	in := kit.RatingForm(r)
	_, err := s.App.RateByLookup(r.Context(), code, key, in)
	if err == nil {
		http.Redirect(w, r, "/tra-cuu/"+url.PathEscape(code)+"?key="+url.QueryEscape(key)+"&da-danh-gia=1", http.StatusSeeOther)
		return
	}
	e := s.Public(r, err)
	if e.Code != fault.Invalid && e.Code != fault.Conflict {
		s.lookupFailed(w, r, code, key, err)
		return
	}
	d, lerr := s.App.LookupDossier(r.Context(), code, key)
	if lerr != nil {
		s.lookupFailed(w, r, code, key, lerr)
		return
	}
	p, lerr := s.Store.Lookup(r.Context(), code, key)
	if lerr != nil {
		s.lookupFailed(w, r, code, key, lerr)
		return
	}
	box, berr := s.RatingBox(r, d, lookupRatingAction(p.Code), key)
	if berr != nil {
		s.PageError(w, r, berr)
		return
	}
	st := http.StatusUnprocessableEntity
	if e.Code == fault.Conflict {
		st = http.StatusConflict
	}
	s.Render(w, r, st, "lookup_result.html", map[string]any{"Title": "Hồ sơ " + p.Code, "P": p,
		"Labels": kit.PublicLabels(p), "Rating": box.WithError(e, in)})
}

// lookupFailed shows the lookup form with the lookup's message for an unknown code or a
// wrong key, and the error page otherwise.
func (s *Server) lookupFailed(w http.ResponseWriter, r *http.Request, code, key string, err error) {
	e := s.Public(r, err)
	if e.Code != fault.NotFound {
		s.PageError(w, r, err)
		return
	}
	s.Render(w, r, http.StatusNotFound, "lookup.html", map[string]any{"Title": "Tra cứu hồ sơ",
		"Code": code, "Key": key, "Message": e.Message})
}
