package desk

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"motcua/internal/app"
	"motcua/internal/fault"
	"motcua/internal/feedback"
	"motcua/internal/web/kit"
)

// handleFeedbackInbox lists the PAKN of the officer's unit and the units below it, with
// the overdue ones first in their own section.
func (s *Server) handleFeedbackInbox(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	status := feedback.Status(r.URL.Query().Get("trang-thai"))
	all, err := s.App.FeedbackInbox(r.Context(), u, status, false)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	overdue, err := s.App.FeedbackInbox(r.Context(), u, "", true)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "feedback_inbox.html", map[string]any{"Title": "Phản ánh, kiến nghị",
		"Items": all, "Overdue": overdue, "Statuses": feedback.Statuses(), "Status": status, "Now": s.Now()})
}

func (s *Server) renderFeedback(w http.ResponseWriter, r *http.Request, code string, e *fault.Error) {
	u, _ := kit.CurrentUser(r)
	v, err := s.App.OfficerFeedback(r.Context(), u, code)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	assignees, err := s.App.FeedbackAssignees(r.Context(), v.State.Unit)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	units, err := s.Store.Units(r.Context())
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	has := map[string]bool{}
	for _, a := range v.Actions {
		has[string(a)] = true
	}
	st := http.StatusOK
	data := map[string]any{"Title": "Phản ánh, kiến nghị " + v.Record.Code, "V": v, "Has": has,
		"Assignees": assignees, "Units": units, "Classes": feedback.Classes()}
	if e != nil {
		st = kit.Status(e.Code)
		data["Error"], data["Fields"] = e.Message, e.Fields
	}
	s.Render(w, r, st, "feedback_officer.html", data)
}

func (s *Server) handleFeedbackPage(w http.ResponseWriter, r *http.Request) {
	s.renderFeedback(w, r, r.PathValue("code"), nil)
}

func (s *Server) handleFeedbackAction(w http.ResponseWriter, r *http.Request) {
	code := r.PathValue("code")
	f := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	in := app.FeedbackActInput{Action: feedback.Action(f("action")), Note: f("note"), Reason: f("reason"),
		Class: feedback.Class(f("class")), Assignee: f("assignee"), ToUnit: f("to_unit"), Answer: f("answer")}
	if v, err := strconv.Atoi(f("version")); err == nil {
		in.Version = v
	}
	u, _ := kit.CurrentUser(r)
	if _, err := s.App.ActOnFeedback(r.Context(), u, code, in, s.Origin(r)); err != nil {
		e := s.Public(r, err)
		if e.Code == fault.Internal || e.Code == fault.NotFound {
			s.PageError(w, r, err)
			return
		}
		s.renderFeedback(w, r, code, e)
		return
	}
	http.Redirect(w, r, "/phan-anh-kien-nghi/"+url.PathEscape(code), http.StatusSeeOther)
}

func (s *Server) renderHotline(w http.ResponseWriter, r *http.Request, st int, in app.FeedbackInput, e *fault.Error) {
	data := map[string]any{"Title": "Ghi nhận phản ánh qua đường dây nóng", "In": in, "Kinds": feedback.Kinds()}
	if e != nil {
		data["Error"], data["Fields"] = e.Message, e.Fields
	}
	s.Render(w, r, st, "feedback_hotline.html", data)
}

func (s *Server) handleHotlineForm(w http.ResponseWriter, r *http.Request) {
	s.renderHotline(w, r, http.StatusOK, app.FeedbackInput{}, nil)
}

func (s *Server) handleHotlineSave(w http.ResponseWriter, r *http.Request) {
	f := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	in := app.FeedbackInput{Submission: feedback.Submission{Kind: feedback.Kind(f("kind")), DossierCode: f("dossier_code"),
		Title: f("title"), Content: r.PostFormValue("content"),
		Sender: feedback.Sender{Name: f("name"), Email: f("email"), Phone: f("phone"), Address: f("address")}}}
	u, _ := kit.CurrentUser(r)
	fb, err := s.App.LogHotlineFeedback(r.Context(), u, in, s.Origin(r))
	if err != nil {
		e := s.Public(r, err)
		if e.Code == fault.Internal {
			s.PageError(w, r, err)
			return
		}
		s.renderHotline(w, r, kit.Status(e.Code), in, e)
		return
	}
	http.Redirect(w, r, "/phan-anh-kien-nghi/"+url.PathEscape(fb.Record.Code), http.StatusSeeOther)
}
