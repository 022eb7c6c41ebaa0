package desk

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"motcua/internal/app"
	"motcua/internal/catalog"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/feedback"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// actionForm is one button of the dossier page with the fields its action needs.
type actionForm struct {
	Action                 dossier.Action
	Label                  string
	Reason, NewDue, Assign bool
	Transfer               bool
	// Warning is shown next to the button (a second supplement request).
	Warning string
	// Documents are the procedure's documents offered as missing ones (request_supplement).
	Documents []catalog.Document
	// Kind styles the button: "primary" for the action that moves the dossier on,
	// "danger" for the ones that end it against the applicant's hope (refuse, withdraw),
	// which sit behind a disclosure so that one click cannot take them.
	Kind string
}

// formFor says which fields the form of an action shows.
func formFor(a dossier.Action) actionForm {
	f := actionForm{Action: a, Label: a.Label()}
	switch a {
	case dossier.ActionForward, dossier.ActionAccept, dossier.ActionReturnResult:
		f.Kind = "primary"
	case dossier.ActionWithdraw:
		f.Kind = "danger"
	}
	switch a {
	case dossier.ActionRefuse:
		f.Reason, f.Kind = true, "danger"
	case dossier.ActionRequestSupplement:
		f.Reason = true
	case dossier.ActionExtend:
		f.Reason, f.NewDue = true, true
	case dossier.ActionAssign:
		f.Assign = true
	case dossier.ActionTransfer:
		f.Transfer = true
	}
	return f
}

// renderDossier shows the dossier page with its files, and an error from the last action
// if any.
func (s *Server) renderDossier(w http.ResponseWriter, r *http.Request, st int, d store.StoredDossier, actions []dossier.Action, actErr *fault.Error, posted app.ActInput) {
	u, _ := kit.CurrentUser(r)
	files, err := s.Store.DossierAttachments(r.Context(), d.Record.Code)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	eform, err := s.App.DossierEForm(r.Context(), d)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	var forms []actionForm
	for _, a := range actions {
		f := formFor(a)
		if a == dossier.ActionForward && d.State.Step+1 >= len(d.State.Steps) {
			// Forwarding out of the last step finishes the processing; the result is
			// then handed over with “Trả kết quả”.
			f.Label = "Hoàn tất – đã có kết quả"
		}
		if a == dossier.ActionRequestSupplement {
			if dossier.SecondSupplement(d.State) {
				f.Warning = dossier.SecondSupplementWarning
			}
			p, err := s.Store.Procedure(r.Context(), d.Record.ProcedureCode)
			if err != nil && fault.CodeOf(err) != fault.NotFound {
				s.PageError(w, r, err)
				return
			}
			f.Documents = p.Documents
		}
		forms = append(forms, f)
	}
	// The main action first, the destructive ones last.
	rank := map[string]int{"primary": 0, "": 1, "danger": 2}
	slices.SortStableFunc(forms, func(a, b actionForm) int { return rank[a.Kind] - rank[b.Kind] })
	data := map[string]any{
		"Title": "Hồ sơ " + d.Record.Code, "D": d.Record, "State": d.State, "Events": d.Dossier.Events,
		"Labels":     dossier.HistoryLabels(d.Dossier),
		"Timeliness": d.State.Timeliness(s.Now()), "Deadline": d.Dossier.Deadline,
		"Actions": forms, "Forms": kit.FormLinks(d), "New": r.URL.Query().Get("moi") == "1",
		"Posted": posted, "Files": files, "EForm": eformView(eform),
		"CanUpload": app.CanAttach(d, u), "Uploaded": r.URL.Query().Get("tep"),
	}
	for _, f := range forms {
		var err error
		switch {
		case f.Transfer:
			// Offer the other units by name for a liên thông transfer.
			data["Units"], err = s.App.TransferUnits(r.Context(), d)
		case f.Assign:
			// Offer the officers the assignment accepts.
			data["Assignees"], err = s.App.Assignees(r.Context(), d)
		}
		if err != nil {
			s.PageError(w, r, err)
			return
		}
	}
	if data["Fee"], err = s.App.Fee(r.Context(), d); err != nil {
		s.PageError(w, r, err)
		return
	}
	if err := s.esignData(r, d, u, data); err != nil {
		s.PageError(w, r, err)
		return
	}
	if actErr != nil {
		data["Message"], data["Errors"] = actErr.Message, actErr.Fields
	}
	if rt, ok, err := s.App.DossierRating(r.Context(), d.Record.Code); err != nil {
		s.PageError(w, r, err)
		return
	} else if ok {
		data["Rating"] = kit.RatingBox{Rated: true, Rating: rt, Officer: true, Criteria: feedback.Criteria()}
	}
	s.Render(w, r, st, "dossier.html", data)
}

// handleDossierPage shows a dossier to an officer (GET /ho-so/{code}).
func (s *Server) handleDossierPage(w http.ResponseWriter, r *http.Request) {
	d, actions, err := s.OfficerDossier(r, r.PathValue("code"))
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	s.renderDossier(w, r, http.StatusOK, d, actions, nil, app.ActInput{})
}

// handleDossierAction takes the action of a button of the dossier page
// (POST /ho-so/{code}/thao-tac) and shows the page again.
func (s *Server) handleDossierAction(w http.ResponseWriter, r *http.Request) {
	code := r.PathValue("code")
	f := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	in := app.ActInput{Action: f("action"), Note: f("note"), Reason: f("reason"), NewDue: f("new_due"),
		ToUnit: f("to_unit"), Assignee: f("assignee"), Documents: missingDocuments(r)}
	if v := f("step_budget"); v != "" {
		b, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", "."), 64)
		if err != nil {
			b = -1
		}
		in.StepBudget = b
	}
	if v := f("version"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			n = -1
		}
		in.Version = n // the page sends the version it shows
	}
	u, _ := kit.CurrentUser(r)
	_, err := s.App.Act(r.Context(), u, code, in, s.Origin(r))
	if err == nil {
		http.Redirect(w, r, "/ho-so/"+url.PathEscape(code), http.StatusSeeOther)
		return
	}
	e := s.Public(r, err)
	if e.Code != fault.Invalid && e.Code != fault.Conflict && e.Code != fault.Forbidden {
		s.PageError(w, r, err)
		return
	}
	d, actions, lerr := s.OfficerDossier(r, code)
	if lerr != nil {
		s.PageError(w, r, lerr)
		return
	}
	s.renderDossier(w, r, kit.Status(e.Code), d, actions, e, in)
}

// missingDocuments reads the documents ticked on the supplement request form (sdocN_ok
// with sdocN_name and the counts) and the other documents typed one a line (sdoc_other).
func missingDocuments(r *http.Request) []dossier.MissingDocument {
	f := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	count := func(k string) int {
		n, err := strconv.Atoi(f(k))
		if err != nil && f(k) != "" {
			return -1 // refused by the dossier rules with a message
		}
		return n
	}
	var out []dossier.MissingDocument
	for i := 0; i <= dossier.MaxMissingDocuments; i++ {
		p := "sdoc" + strconv.Itoa(i) + "_"
		if f(p+"name") == "" {
			break
		}
		if f(p+"ok") == "" {
			continue
		}
		out = append(out, dossier.MissingDocument{Name: f(p + "name"), Originals: count(p + "originals"),
			Certified: count(p + "certified"), Copies: count(p + "copies")})
	}
	for _, line := range strings.Split(r.PostFormValue("sdoc_other"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, dossier.MissingDocument{Name: line})
		}
	}
	return out
}

// eformView writes the dates of an e-form the Vietnamese way (02/01/2026).
func eformView(entries []app.EFormEntry) []app.EFormEntry {
	for i, e := range entries {
		if e.Kind != catalog.KindDate {
			continue
		}
		if t, err := time.Parse(time.DateOnly, e.Value); err == nil {
			entries[i].Value = t.Format("02/01/2006")
		}
	}
	return entries
}
