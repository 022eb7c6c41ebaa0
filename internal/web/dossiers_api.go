package web

import (
	"net/http"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/store"
)

// instant renders an instant for JSON in UTC+7, or null when zero.
func instant(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.In(zone).Format(time.RFC3339)
}

// apiCreateDossier receives a dossier (POST /api/v1/dossiers).
func (s *Server) apiCreateDossier(w http.ResponseWriter, r *http.Request) {
	var in dossierInput
	if err := decodeJSON(r, &in); err != nil {
		s.apiError(w, r, err)
		return
	}
	u, _ := currentUser(r)
	n, err := s.newDossier(r.Context(), u, in)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	action := dossier.ActionReceive
	if n.Channel == dossier.ChannelOnline {
		action = dossier.ActionSubmit
	}
	d, err := s.store.CreateDossier(s.auditContext(r, "dossier."+string(action), n.ProcedureCode), n)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{
		"code": d.Record.Code, "status": d.State.Status,
		"received_at": instant(d.State.ReceivedAt), "due_at": instant(d.State.DueAt),
		"lookup_key": d.Record.LookupKey,
	})
}

// eventJSON is an event as officers see it.
type eventJSON struct {
	Seq         int    `json:"seq"`
	Action      string `json:"action"`
	ActionLabel string `json:"action_label"`
	Actor       string `json:"actor"`
	Role        string `json:"role"`
	Unit        string `json:"unit,omitempty"`
	At          any    `json:"at"`
	Note        string `json:"note,omitempty"`
	Reason      string `json:"reason,omitempty"`
	NewDue      any    `json:"new_due,omitempty"`
	ToUnit      string `json:"to_unit,omitempty"`
	Assignee    string `json:"assignee,omitempty"`
	Step        int    `json:"step"`
}

// dossierJSON is the officer's view of a dossier (GET /api/v1/dossiers/{code}).
func (s *Server) dossierJSON(d store.StoredDossier, actions []dossier.Action) map[string]any {
	st := d.State
	events := make([]eventJSON, 0, len(d.Dossier.Events))
	for _, e := range d.Dossier.Events {
		ej := eventJSON{Seq: e.Seq, Action: string(e.Action), ActionLabel: e.Action.Label(), Actor: e.Actor,
			Role: string(e.Role), Unit: e.Unit, At: instant(e.At), Note: e.Note, Reason: e.Reason,
			ToUnit: e.ToUnit, Assignee: e.Assignee, Step: e.Step}
		if !e.NewDue.IsZero() {
			ej.NewDue = instant(e.NewDue)
		}
		events = append(events, ej)
	}
	if actions == nil {
		actions = []dossier.Action{}
	}
	docs := d.Record.Documents
	if docs == nil {
		docs = []store.DossierDocument{}
	}
	return map[string]any{
		"code": d.Record.Code, "unit_code": d.Record.UnitCode, "holder_unit": st.Unit,
		"procedure_code": d.Record.ProcedureCode, "procedure_name": d.Record.ProcedureName,
		"process_version": d.Dossier.Process.Version, "steps": st.Steps,
		"channel": d.Record.Channel, "status": st.Status, "status_label": st.Status.Label(),
		"step": st.Step, "step_name": st.StepName, "step_role": st.StepRole, "assignee": st.Assignee,
		"timeliness": st.Timeliness(s.now()), "deadline": d.Dossier.Deadline,
		"submitted_at": instant(st.SubmittedAt), "received_at": instant(st.ReceivedAt),
		"due_at": instant(st.DueAt), "finished_at": instant(st.FinishedAt), "returned_at": instant(st.ReturnedAt),
		"paused": st.Paused, "supplements": st.Supplements, "extended": st.Extended, "version": st.Version,
		"applicant": d.Record.Applicant, "form": d.Record.Form, "documents": docs, "sets": d.Record.Sets,
		"fee_vnd": d.Record.FeeVND, "lookup_key": d.Record.LookupKey,
		"events": events, "available_actions": actions, "due_explain": st.Explain,
	}
}

// apiDossier shows a dossier to an officer who may see it.
func (s *Server) apiDossier(w http.ResponseWriter, r *http.Request) {
	d, u, err := s.officerDossier(r, r.PathValue("code"))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, s.dossierJSON(d, availableActions(d.Dossier, d.State, u)))
}

// actionInput is the body of POST /api/v1/dossiers/{code}/actions.
type actionInput struct {
	Action     string  `json:"action"`
	Note       string  `json:"note"`
	Reason     string  `json:"reason"`
	NewDue     string  `json:"new_due"`
	ToUnit     string  `json:"to_unit"`
	StepBudget float64 `json:"step_budget"`
	Assignee   string  `json:"assignee"`
}

// parseNewDue reads a new appointment: an RFC 3339 instant, or a date (YYYY-MM-DD) meaning
// the end of that working day (17:00 in UTC+7).
func parseNewDue(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if d, err := calendar.ParseDate(s); err == nil {
		return d.Start().Add(17 * time.Hour), nil
	}
	if t, err := time.ParseInLocation("2006-01-02T15:04", s, zone); err == nil {
		return t, nil
	}
	return time.Time{}, fault.WithFields("Thông tin thao tác chưa hợp lệ.",
		map[string]string{"new_due": "Ngày hẹn mới phải có dạng YYYY-MM-DD hoặc RFC 3339."})
}

// act takes the action of in on the dossier for the officer of the request.
func (s *Server) act(r *http.Request, code string, in actionInput) (store.StoredDossier, error) {
	d, u, err := s.officerDossier(r, code)
	if err != nil {
		return d, err
	}
	action := dossier.Action(strings.TrimSpace(in.Action))
	if _, err := dossier.ParseAction(string(action)); err != nil {
		return d, fault.WithFields("Thông tin thao tác chưa hợp lệ.", map[string]string{"action": "Thao tác không hợp lệ."})
	}
	due, err := parseNewDue(in.NewDue)
	if err != nil {
		return d, err
	}
	cmd := dossier.Command{
		Action: action, Actor: u.Username, Role: actingRole(d.Dossier, d.State, u, action), Unit: u.UnitCode,
		Note: in.Note, Reason: in.Reason, NewDue: due, ToUnit: in.ToUnit, StepBudget: in.StepBudget,
		Assignee: in.Assignee,
	}
	if cmd.Role == "" {
		return d, fault.New(fault.Forbidden, "Tài khoản không có vai trò xử lý hồ sơ.")
	}
	next, err := s.store.ActOnDossier(s.auditContext(r, "dossier."+string(action), ""), code, cmd, time.Time{})
	if err != nil {
		return d, err
	}
	return next, nil
}

// apiDossierAction takes an action on a dossier.
func (s *Server) apiDossierAction(w http.ResponseWriter, r *http.Request) {
	var in actionInput
	if err := decodeJSON(r, &in); err != nil {
		s.apiError(w, r, err)
		return
	}
	d, err := s.act(r, r.PathValue("code"), in)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	u, _ := currentUser(r)
	writeJSON(w, http.StatusOK, s.dossierJSON(d, availableActions(d.Dossier, d.State, u)))
}

// publicJSON is the lookup answer: no personal data, no officer, no notes.
func publicJSON(p store.PublicDossier, labels []string) map[string]any {
	type item struct {
		At     any    `json:"at"`
		Action string `json:"action"`
		Label  string `json:"label"`
	}
	timeline := make([]item, 0, len(p.Timeline))
	for i, e := range p.Timeline {
		label := e.Action.PublicLabel()
		if i < len(labels) {
			label = labels[i]
		}
		timeline = append(timeline, item{At: instant(e.At), Action: string(e.Action), Label: label})
	}
	return map[string]any{
		"code": p.Code, "procedure": p.ProcedureName, "status": p.Status, "status_label": p.Status.Label(),
		"submitted_at": instant(p.SubmittedAt), "received_at": instant(p.ReceivedAt), "due_at": instant(p.DueAt),
		"finished_at": instant(p.FinishedAt), "returned_at": instant(p.ReturnedAt),
		"timeliness": p.Timeliness, "timeliness_label": p.Timeliness.Label(), "timeline": timeline,
	}
}

// apiLookup is the public lookup (GET /api/v1/lookup/{code}?key=…).
func (s *Server) apiLookup(w http.ResponseWriter, r *http.Request) {
	p, err := s.store.Lookup(r.Context(), r.PathValue("code"), r.URL.Query().Get("key"))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, publicJSON(p, publicLabels(p)))
}
