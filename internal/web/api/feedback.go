package api

import (
	"net/http"
	"strconv"

	"motcua/internal/app"
	"motcua/internal/feedback"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

type feedbackBody struct {
	UnitCode    string `json:"unit_code"`
	Kind        string `json:"kind"`
	DossierCode string `json:"dossier_code"`
	DossierKey  string `json:"dossier_key"`
	Title       string `json:"title"`
	Content     string `json:"content"`
	Sender      struct {
		Name    string `json:"name"`
		Email   string `json:"email"`
		Phone   string `json:"phone"`
		Address string `json:"address"`
	} `json:"sender"`
}

// apiSubmitFeedback receives a PAKN (POST /api/v1/feedback, public; a citizen's session
// makes it the account's) → 201 {"code","lookup_key","status","received_at","due_at"}.
func (s *Server) apiSubmitFeedback(w http.ResponseWriter, r *http.Request) {
	var b feedbackBody
	if err := kit.DecodeJSON(r, &b); err != nil {
		s.APIError(w, r, err)
		return
	}
	in := app.FeedbackInput{Submission: feedback.Submission{UnitCode: b.UnitCode, Kind: feedback.Kind(b.Kind),
		DossierCode: b.DossierCode, Title: b.Title, Content: b.Content,
		Sender: feedback.Sender{Name: b.Sender.Name, Email: b.Sender.Email, Phone: b.Sender.Phone, Address: b.Sender.Address}},
		DossierKey: b.DossierKey}
	var citizen *store.Citizen
	if c, ok := s.CurrentCitizen(r); ok {
		citizen = &c
	}
	f, err := s.App.SubmitFeedback(r.Context(), in, citizen, s.Origin(r))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusCreated, map[string]any{"code": f.Record.Code, "lookup_key": f.Record.LookupKey,
		"status": f.State.Status, "received_at": kit.Instant(f.Record.ReceivedAt), "due_at": kit.Instant(f.DueAt)})
}

// clocksJSON renders the clocks with their explanations.
func clocksJSON(cs []feedback.Clock) []map[string]any {
	out := []map[string]any{}
	for _, c := range cs {
		out = append(out, map[string]any{"kind": c.Kind, "days": c.Days, "start": kit.Instant(c.Start),
			"due": kit.Instant(c.Due), "stop": kit.Instant(c.Stop), "outcome": c.Outcome, "explain": c.Explain})
	}
	return out
}

// publicFeedback is a PAKN without anything about its sender.
func publicFeedback(v app.FeedbackView) map[string]any {
	st := v.State
	return map[string]any{"code": v.Record.Code, "unit_code": st.Unit, "kind": v.Record.Kind, "channel": v.Record.Channel,
		"status": st.Status, "class": st.Class, "title": v.Record.Title, "content": v.Record.Content,
		"answer": st.Answer, "reaction": st.Reaction, "received_at": kit.Instant(v.Record.ReceivedAt),
		"due_at": kit.Instant(v.DueAt), "on_time": v.OnTime, "version": st.Version, "clocks": clocksJSON(v.Clocks)}
}

// apiSenderFeedback shows a PAKN to its sender (GET /api/v1/feedback/{code}?key=…).
func (s *Server) apiSenderFeedback(w http.ResponseWriter, r *http.Request) {
	v, err := s.App.SenderFeedback(r.Context(), r.PathValue("code"), r.URL.Query().Get("key"))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	kit.WriteJSON(w, http.StatusOK, publicFeedback(v))
}

// apiPublishedFeedback lists published answers (GET /api/v1/feedback/published?unit=&limit=).
func (s *Server) apiPublishedFeedback(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	pub, err := s.App.PublishedFeedback(r.Context(), r.URL.Query().Get("unit"), limit)
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	items := []map[string]any{}
	for _, p := range pub {
		items = append(items, map[string]any{"code": p.Code, "unit_code": p.UnitCode, "kind": p.Kind, "title": p.Title,
			"content": p.Content, "answer": p.Answer, "published_at": kit.Instant(p.PublishedAt)})
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{"items": items})
}

// apiFeedbackList lists the PAKN the officer may see (GET /api/v1/feedback?status=&overdue=true).
func (s *Server) apiFeedbackList(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	list, err := s.App.FeedbackInbox(r.Context(), u, feedback.Status(r.URL.Query().Get("status")), r.URL.Query().Get("overdue") == "true")
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	items := []map[string]any{}
	for _, x := range list {
		items = append(items, map[string]any{"code": x.Code, "unit_code": x.UnitCode, "kind": x.Kind, "channel": x.Channel,
			"status": x.Status, "class": x.Class, "assignee": x.Assignee, "title": x.Title, "dossier_code": x.DossierCode,
			"received_at": kit.Instant(x.ReceivedAt), "due_at": kit.Instant(x.DueAt), "published_at": kit.Instant(x.PublishedAt)})
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{"items": items})
}

// apiOfficerFeedback shows a PAKN to an officer, with its sender (GET /api/v1/feedback/{code}).
func (s *Server) apiOfficerFeedback(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	v, err := s.App.OfficerFeedback(r.Context(), u, r.PathValue("code"))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	out := publicFeedback(v)
	out["sender"] = v.Record.Sender
	out["assignee"] = v.State.Assignee
	out["dossier_code"] = v.Record.DossierCode
	out["actions"] = v.Actions
	out["events"] = v.Events
	kit.WriteJSON(w, http.StatusOK, out)
}

// apiFeedbackAction takes an officer's action (POST /api/v1/feedback/{code}/actions).
func (s *Server) apiFeedbackAction(w http.ResponseWriter, r *http.Request) {
	var b struct {
		Action   string `json:"action"`
		Note     string `json:"note"`
		Reason   string `json:"reason"`
		Class    string `json:"class"`
		Assignee string `json:"assignee"`
		ToUnit   string `json:"to_unit"`
		Answer   string `json:"answer"`
		Version  int    `json:"version"`
	}
	if err := kit.DecodeJSON(r, &b); err != nil {
		s.APIError(w, r, err)
		return
	}
	u, _ := kit.CurrentUser(r)
	in := app.FeedbackActInput{Action: feedback.Action(b.Action), Note: b.Note, Reason: b.Reason, Class: feedback.Class(b.Class),
		Assignee: b.Assignee, ToUnit: b.ToUnit, Answer: b.Answer, Version: b.Version}
	if _, err := s.App.ActOnFeedback(r.Context(), u, r.PathValue("code"), in, s.Origin(r)); err != nil {
		s.APIError(w, r, err)
		return
	}
	s.apiOfficerFeedback(w, r)
}

// apiFeedback shows a PAKN: to an officer with a token, with its sender; to anyone else
// by code and key (?key=…), without anything about the sender.
func (s *Server) apiFeedback(w http.ResponseWriter, r *http.Request) {
	if _, ok := kit.CurrentUser(r); ok && r.URL.Query().Get("key") == "" {
		kit.NoStore(w)
		s.apiOfficerFeedback(w, r)
		return
	}
	s.apiSenderFeedback(w, r)
}
