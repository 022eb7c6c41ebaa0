package public

import (
	"net/http"
	"net/url"
	"strings"

	"motcua/internal/app"
	"motcua/internal/fault"
	"motcua/internal/feedback"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// feedbackInput reads the PAKN form.
func feedbackInput(r *http.Request) app.FeedbackInput {
	f := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	return app.FeedbackInput{Submission: feedback.Submission{UnitCode: f("unit_code"), Kind: feedback.Kind(f("kind")),
		DossierCode: f("dossier_code"), Title: f("title"), Content: r.PostFormValue("content"),
		Sender: feedback.Sender{Name: f("name"), Email: f("email"), Phone: f("phone"), Address: f("address")}},
		DossierKey: f("dossier_key")}
}

func (s *Server) renderFeedbackForm(w http.ResponseWriter, r *http.Request, st int, in app.FeedbackInput, e *fault.Error) {
	site := s.SiteUnit(r)
	units, err := s.Store.Units(r.Context())
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	pub, err := s.App.PublishedFeedback(r.Context(), site.Code, 5)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	if in.UnitCode == "" {
		in.UnitCode = site.Code
	}
	if in.Kind == "" {
		in.Kind = feedback.Kind(r.URL.Query().Get("loai"))
		in.DossierCode = r.URL.Query().Get("ma")
	}
	data := map[string]any{"Title": "Gửi phản ánh, kiến nghị", "In": in, "Units": units, "Kinds": feedback.Kinds(),
		"Published": pub, "MaxContent": feedback.MaxContent}
	if c, ok := s.CurrentCitizen(r); ok && in.Sender.Name == "" {
		data["Citizen"] = c
	}
	if e != nil {
		data["Error"], data["Fields"] = e.Message, e.Fields
	}
	s.Render(w, r, st, "feedback_form.html", data)
}

func (s *Server) handleFeedbackForm(w http.ResponseWriter, r *http.Request) {
	s.renderFeedbackForm(w, r, http.StatusOK, app.FeedbackInput{}, nil)
}

func (s *Server) handleFeedbackSend(w http.ResponseWriter, r *http.Request) {
	in := feedbackInput(r)
	var citizen *store.Citizen
	if c, ok := s.CurrentCitizen(r); ok {
		citizen = &c
	}
	f, err := s.App.SubmitFeedback(r.Context(), in, citizen, s.Origin(r))
	if err != nil {
		e := s.Public(r, err)
		if e.Code == fault.Internal {
			s.PageError(w, r, err)
			return
		}
		s.renderFeedbackForm(w, r, kit.Status(e.Code), in, e)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	s.Render(w, r, http.StatusCreated, "feedback_sent.html", map[string]any{"Title": "Đã gửi phản ánh, kiến nghị",
		"Code": f.Record.Code, "Key": f.Record.LookupKey, "Due": f.DueAt,
		"Link": "/phan-anh/" + url.PathEscape(f.Record.Code) + "?key=" + url.QueryEscape(f.Record.LookupKey)})
}

func (s *Server) handleFeedbackPublished(w http.ResponseWriter, r *http.Request) {
	unit := r.URL.Query().Get("don-vi")
	pub, err := s.App.PublishedFeedback(r.Context(), unit, 200)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "feedback_published.html", map[string]any{"Title": "Trả lời phản ánh, kiến nghị", "Published": pub})
}

func (s *Server) renderFollow(w http.ResponseWriter, r *http.Request, code, key string, e *fault.Error) {
	w.Header().Set("Cache-Control", "no-store")
	v, err := s.App.SenderFeedback(r.Context(), code, key)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	st := http.StatusOK
	data := map[string]any{"Title": "Phản ánh, kiến nghị " + v.Record.Code, "V": v, "Key": key}
	if e != nil {
		st = kit.Status(e.Code)
		data["Error"] = e.Message
	}
	s.Render(w, r, st, "feedback_follow.html", data)
}

func (s *Server) handleFeedbackFollow(w http.ResponseWriter, r *http.Request) {
	s.renderFollow(w, r, r.PathValue("code"), r.URL.Query().Get("key"), nil)
}

func (s *Server) handleFeedbackSender(w http.ResponseWriter, r *http.Request) {
	code, key := r.PathValue("code"), strings.TrimSpace(r.PostFormValue("key"))
	in := app.SenderFeedbackInput{Action: feedback.Action(r.PostFormValue("action")),
		Reaction: feedback.Reaction(r.PostFormValue("reaction")), Note: r.PostFormValue("note")}
	if _, err := s.App.SenderAct(r.Context(), code, key, in, s.Origin(r)); err != nil {
		e := s.Public(r, err)
		if e.Code == fault.Internal || e.Code == fault.NotFound {
			s.PageError(w, r, err)
			return
		}
		s.renderFollow(w, r, code, key, e)
		return
	}
	http.Redirect(w, r, "/phan-anh/"+url.PathEscape(code)+"?key="+url.QueryEscape(key), http.StatusSeeOther)
}
