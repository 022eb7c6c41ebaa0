package api

import (
	"context"
	"net/http"

	"motcua/internal/app"
	"motcua/internal/dossier"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// apiCreateDossier receives a dossier (POST /api/v1/dossiers).
func (s *Server) apiCreateDossier(w http.ResponseWriter, r *http.Request) {
	var in app.ReceiveInput
	if err := kit.DecodeJSON(r, &in); err != nil {
		s.APIError(w, r, err)
		return
	}
	u, _ := kit.CurrentUser(r)
	d, err := s.App.Receive(r.Context(), u, in, s.Origin(r))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusCreated, createdJSON{
		Code: d.Record.Code, DueAt: kit.Instant(d.State.DueAt), LookupKey: d.Record.LookupKey,
		ReceivedAt: kit.Instant(d.State.ReceivedAt), Status: string(d.State.Status),
	})
}

// createdJSON is the answer to a received dossier (a struct: encoded without the sorting
// and boxing of a map, on every intake).
type createdJSON struct {
	Code       string `json:"code"`
	DueAt      any    `json:"due_at"`
	LookupKey  string `json:"lookup_key"`
	ReceivedAt any    `json:"received_at"`
	Status     string `json:"status"`
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
	// Documents are the missing documents a supplement request listed.
	Documents []dossier.MissingDocument `json:"documents,omitempty"`
}

// dossierJSON is the officer's view of a dossier (GET /api/v1/dossiers/{code}).
func (s *Server) dossierJSON(ctx context.Context, d store.StoredDossier, actions []dossier.Action) (map[string]any, error) {
	st := d.State
	events := make([]eventJSON, 0, len(d.Dossier.Events))
	for _, e := range d.Dossier.Events {
		ej := eventJSON{Seq: e.Seq, Action: string(e.Action), ActionLabel: e.Action.Label(), Actor: e.Actor,
			Role: string(e.Role), Unit: e.Unit, At: kit.Instant(e.At), Note: e.Note, Reason: e.Reason,
			ToUnit: e.ToUnit, Assignee: e.Assignee, Step: e.Step, Documents: e.Documents}
		if !e.NewDue.IsZero() {
			ej.NewDue = kit.Instant(e.NewDue)
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
	fee, err := s.App.Fee(ctx, d)
	if err != nil {
		return nil, err
	}
	payment := map[string]any{"status": fee.Code(), "label": fee.Label(), "amount_vnd": fee.DueVND}
	if fee.Settled != nil {
		payment["method"] = fee.Settled.Method
		if !fee.Settled.PaidAt.IsZero() {
			payment["paid_at"] = kit.Instant(fee.Settled.PaidAt)
		}
	}
	return map[string]any{
		"code": d.Record.Code, "unit_code": d.Record.UnitCode, "holder_unit": st.Unit,
		"procedure_code": d.Record.ProcedureCode, "procedure_name": d.Record.ProcedureName,
		"process_version": d.Dossier.Process.Version, "steps": st.Steps,
		"channel": d.Record.Channel, "status": st.Status, "status_label": st.Status.Label(),
		"step": st.Step, "step_name": st.StepName, "step_role": st.StepRole, "assignee": st.Assignee,
		"timeliness": st.Timeliness(s.Now()), "deadline": d.Dossier.Deadline,
		"submitted_at": kit.Instant(st.SubmittedAt), "received_at": kit.Instant(st.ReceivedAt),
		"due_at": kit.Instant(st.DueAt), "original_due_at": kit.Instant(st.LegalDueAt()),
		"finished_at": kit.Instant(st.FinishedAt), "returned_at": kit.Instant(st.ReturnedAt),
		"paused": st.Paused, "supplements": st.Supplements, "extended": st.Extended, "version": st.Version,
		"applicant": d.Record.Applicant, "form": d.Record.Form, "documents": docs, "sets": d.Record.Sets,
		"fee_vnd": d.Record.FeeVND, "lookup_key": d.Record.LookupKey,
		"events": events, "available_actions": actions, "due_explain": st.Explain,
		"payment": payment,
	}, nil
}

// apiDossier shows a dossier to an officer who may see it.
func (s *Server) apiDossier(w http.ResponseWriter, r *http.Request) {
	d, actions, err := s.OfficerDossier(r, r.PathValue("code"))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	s.writeDossier(w, r, d, actions)
}

// apiDossierAction takes an action on a dossier.
func (s *Server) apiDossierAction(w http.ResponseWriter, r *http.Request) {
	var in app.ActInput
	if err := kit.DecodeJSON(r, &in); err != nil {
		s.APIError(w, r, err)
		return
	}
	u, _ := kit.CurrentUser(r)
	d, err := s.App.Act(r.Context(), u, r.PathValue("code"), in, s.Origin(r))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	s.writeDossier(w, r, d, app.AvailableActions(d, u))
}

// writeDossier renders a dossier to an officer.
func (s *Server) writeDossier(w http.ResponseWriter, r *http.Request, d store.StoredDossier, actions []dossier.Action) {
	body, err := s.dossierJSON(r.Context(), d, actions)
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, body)
}

// publicAnswer is the lookup answer: no personal data, no officer, no notes. A struct,
// not a map, so that the busiest answer of the site is encoded without sorting keys; its
// fields are in the order of their names, as a map's keys were.
type publicAnswer struct {
	Code            string             `json:"code"`
	DueAt           any                `json:"due_at"`
	Extended        bool               `json:"extended"`
	FinishedAt      any                `json:"finished_at"`
	Procedure       string             `json:"procedure"`
	ReceivedAt      any                `json:"received_at"`
	ReturnedAt      any                `json:"returned_at"`
	Status          dossier.Status     `json:"status"`
	StatusLabel     string             `json:"status_label"`
	SubmittedAt     any                `json:"submitted_at"`
	Timeline        []publicItem       `json:"timeline"`
	Timeliness      dossier.Timeliness `json:"timeliness"`
	TimelinessLabel string             `json:"timeliness_label"`
}

// publicItem is one step of the public timeline.
type publicItem struct {
	At     any    `json:"at"`
	Action string `json:"action"`
	Label  string `json:"label"`
}

// publicJSON is the lookup answer: no personal data, no officer, no notes.
func publicJSON(p store.PublicDossier, labels []string) publicAnswer {
	timeline := make([]publicItem, 0, len(p.Timeline))
	for i, e := range p.Timeline {
		label := e.Action.PublicLabel()
		if i < len(labels) {
			label = labels[i]
		}
		timeline = append(timeline, publicItem{At: kit.Instant(e.At), Action: string(e.Action), Label: label})
	}
	return publicAnswer{
		Code: p.Code, Procedure: p.ProcedureName, Status: p.Status, StatusLabel: p.Status.Label(),
		SubmittedAt: kit.Instant(p.SubmittedAt), ReceivedAt: kit.Instant(p.ReceivedAt), DueAt: kit.Instant(p.DueAt),
		FinishedAt: kit.Instant(p.FinishedAt), ReturnedAt: kit.Instant(p.ReturnedAt), Extended: p.Extended,
		Timeliness: p.Timeliness, TimelinessLabel: p.Timeliness.Label(), Timeline: timeline,
	}
}

// apiLookup is the public lookup (GET /api/v1/lookup/{code}?key=…).
func (s *Server) apiLookup(w http.ResponseWriter, r *http.Request) {
	p, err := s.App.PublicLookup(r.Context(), r.PathValue("code"), r.URL.Query().Get("key"))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	writeLookup(w, p)
}
