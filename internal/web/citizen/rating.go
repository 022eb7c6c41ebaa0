package citizen

import (
	"net/http"
	"net/url"

	"motcua/internal/fault"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// myRatingAction is where "Hồ sơ của tôi" posts the rating of a dossier.
func myRatingAction(code string) string {
	return "/cong-dan/ho-so/" + url.PathEscape(code) + "/danh-gia"
}

// handleMyRate records the applicant's rating of their returned dossier (POST
// /cong-dan/ho-so/{code}/danh-gia) and shows the dossier again.
func (s *Server) handleMyRate(w http.ResponseWriter, r *http.Request, c store.Citizen) {
	code := r.PathValue("code")
	in := kit.RatingForm(r)
	_, err := s.App.RateByCitizen(r.Context(), c, code, in)
	if err == nil {
		http.Redirect(w, r, "/cong-dan/ho-so/"+url.PathEscape(code)+"?da-danh-gia=1", http.StatusSeeOther)
		return
	}
	e := s.Public(r, err)
	if e.Code != fault.Invalid && e.Code != fault.Conflict {
		s.PageError(w, r, err)
		return
	}
	d, derr := s.App.CitizenDossier(r.Context(), c, code)
	if derr != nil {
		s.PageError(w, r, derr)
		return
	}
	box, berr := s.RatingBox(r, d, myRatingAction(d.Record.Code), "")
	if berr != nil {
		s.PageError(w, r, berr)
		return
	}
	s.renderMyDossier(w, r, c, kit.Status(e.Code), map[string]any{"Rating": box.WithError(e, in)})
}
