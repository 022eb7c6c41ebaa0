package kit

import (
	"net/http"
	"net/url"

	"motcua/internal/fault"
	"motcua/internal/store"
)

// CitizenCookie holds a citizen's session, separate from the officers' session.
const CitizenCookie = "motcua_citizen"

// CurrentCitizen is the citizen signed in on the request, if any.
func (s *Kit) CurrentCitizen(r *http.Request) (store.Citizen, bool) {
	c, err := r.Cookie(CitizenCookie)
	if err != nil || c.Value == "" {
		return store.Citizen{}, false
	}
	citizen, err := s.Store.SessionCitizen(r.Context(), c.Value)
	return citizen, err == nil
}

// CitizenPage lets through signed-in citizens and sends others to the citizens' login.
func (s *Kit) CitizenPage(h func(http.ResponseWriter, *http.Request, store.Citizen)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		NoStore(w)
		c, ok := s.CurrentCitizen(r)
		if !ok {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, "/cong-dan/dang-nhap?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			s.PageError(w, r, fault.New(fault.Unauthorized, "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại."))
			return
		}
		h(w, r, c)
	})
}
