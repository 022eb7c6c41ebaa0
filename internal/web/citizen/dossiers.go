package citizen

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"motcua/internal/app"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// citizenEvent is a line of the dossier's history as its applicant sees it: no officer
// names, and only the notes meant for the applicant.
type citizenEvent struct {
	At     time.Time
	Label  string
	Note   string
	NewDue time.Time
}

// applicantNotes are the actions whose note and reason are addressed to the applicant.
var applicantNotes = map[dossier.Action]bool{
	dossier.ActionRequestSupplement: true, dossier.ActionRefuse: true, dossier.ActionExtend: true,
	dossier.ActionReturnResult: true, dossier.ActionSupplementReceived: true, dossier.ActionWithdraw: true,
}

func citizenEvents(d store.StoredDossier) []citizenEvent {
	var out []citizenEvent
	labels := dossier.PublicLabels(d.Dossier)
	for i, e := range d.Dossier.Events {
		if e.Action == dossier.ActionAssign || e.Action == dossier.ActionSendBack {
			continue
		}
		ce := citizenEvent{At: e.At, Label: labels[i]}
		if applicantNotes[e.Action] {
			ce.Note = strings.TrimSpace(strings.TrimSpace(e.Reason) + "\n" + strings.TrimSpace(e.Note))
			ce.NewDue = e.NewDue
		}
		out = append(out, ce)
	}
	return out
}

func (s *Server) handleMyDossiers(w http.ResponseWriter, r *http.Request, c store.Citizen) {
	list, err := s.Store.CitizenDossiers(r.Context(), c.ID)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	drafts, err := s.Store.Drafts(r.Context(), c.ID)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "my_dossiers.html", map[string]any{
		"Title": "Hồ sơ của tôi", "Dossiers": list, "Drafts": s.draftViews(r, drafts), "Citizen": c,
	})
}

// draftView is a hồ sơ nháp as its list shows it: with the name of its procedure.
type draftView struct {
	store.Draft
	ProcedureName string
}

// draftViews names the procedure of each draft; a procedure no longer in the catalogue
// is shown by its code.
func (s *Server) draftViews(r *http.Request, drafts []store.Draft) []draftView {
	out := make([]draftView, len(drafts))
	names := map[string]string{}
	for i, d := range drafts {
		name, ok := names[d.ProcedureCode]
		if !ok {
			name = "Thủ tục " + d.ProcedureCode
			if p, err := s.Store.Procedure(r.Context(), d.ProcedureCode); err == nil && p.Name != "" {
				name = p.Name
			}
			names[d.ProcedureCode] = name
		}
		out[i] = draftView{Draft: d, ProcedureName: name}
	}
	return out
}

func (s *Server) handleMyDossier(w http.ResponseWriter, r *http.Request, c store.Citizen) {
	s.renderMyDossier(w, r, c, http.StatusOK, nil)
}

func (s *Server) renderMyDossier(w http.ResponseWriter, r *http.Request, c store.Citizen, st int, data map[string]any) {
	d, err := s.App.CitizenDossier(r.Context(), c, r.PathValue("code"))
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	files, err := s.Store.DossierAttachments(r.Context(), d.Record.Code)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	if data == nil {
		data = map[string]any{}
	}
	if r.URL.Query().Get("da-nop") != "" {
		data["Notice"] = "Đã nộp hồ sơ. Cán bộ Một cửa sẽ kiểm tra và tiếp nhận; bạn sẽ nhận thông báo qua thư điện tử."
	}
	if r.URL.Query().Get("da-bo-sung") != "" {
		data["Notice"] = "Đã gửi hồ sơ bổ sung."
	}
	if r.URL.Query().Get("da-rut") != "" {
		data["Notice"] = "Đã rút hồ sơ theo yêu cầu của bạn."
	}
	data["Title"] = "Hồ sơ " + d.Record.Code
	data["D"], data["Files"], data["Events"] = d, files, citizenEvents(d)
	data["StatusLabel"] = d.State.Status.Label()
	data["CanSupplement"] = d.State.Status == dossier.StatusSupplementRequested
	data["CanWithdraw"] = app.CanWithdraw(d)
	data["LookupURL"] = "/tra-cuu/" + url.PathEscape(d.Record.Code) + "?key=" + url.QueryEscape(d.Record.LookupKey)
	data["FileLimit"] = s.Cfg.FileLimit
	data["Forms"] = kit.FormLinksAt(d, "/cong-dan/ho-so/"+url.PathEscape(d.Record.Code)+"/bieu-mau/", false)
	if r.URL.Query().Get("da-danh-gia") != "" {
		data["Notice"] = "Cảm ơn bạn đã đánh giá mức độ hài lòng."
	}
	if _, ok := data["Rating"]; !ok {
		box, err := s.RatingBox(r, d, myRatingAction(d.Record.Code), "")
		if err != nil {
			s.PageError(w, r, err)
			return
		}
		data["Rating"] = box
	}
	if data["Fee"], err = s.App.Fee(r.Context(), d); err != nil {
		s.PageError(w, r, err)
		return
	}
	data["CanPay"], _ = s.App.OnlinePayment()
	if data["Signed"], err = s.App.HasElectronicResult(r.Context(), d.Record.Code); err != nil {
		s.PageError(w, r, err)
		return
	}
	s.Render(w, r, st, "my_dossier.html", data)
}

// handleMyDossierForm gives the applicant the forms issued to them for their dossier
// (GET /cong-dan/ho-so/{code}/bieu-mau/{file}): receipt, supplement request, refusal,
// apology. The process control sheet is an internal record and stays with the officers.
func (s *Server) handleMyDossierForm(w http.ResponseWriter, r *http.Request, c store.Citizen) {
	name, ok := strings.CutSuffix(r.PathValue("file"), ".pdf")
	kind, known := app.FormKind(name)
	if !ok || !known {
		s.PageError(w, r, fault.New(fault.NotFound, "Không có biểu mẫu này."))
		return
	}
	f, err := s.App.DossierForm(r.Context(), app.Viewer{Citizen: &c}, r.PathValue("code"), kind, s.Origin(r))
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	kit.WritePDF(w, f.Name, f.PDF)
}

// handleMySupplement stores the supplement files of a dossier waiting for them and
// records the supplement (supplement_received, as the applicant).
func (s *Server) handleMySupplement(w http.ResponseWriter, r *http.Request, c store.Citizen) {
	code := r.PathValue("code")
	ups, err := kit.Uploads(r, "file")
	if err == nil {
		_, err = s.App.Supplement(r.Context(), c, code, r.PostFormValue("note"), ups)
	}
	if err != nil {
		s.myDossierError(w, r, c, err)
		return
	}
	http.Redirect(w, r, "/cong-dan/ho-so/"+url.PathEscape(code)+"?da-bo-sung=1", http.StatusSeeOther)
}

// handleMyWithdraw withdraws the applicant's dossier at their request (rút hồ sơ,
// POST /cong-dan/ho-so/{code}/rut); the reason is optional.
func (s *Server) handleMyWithdraw(w http.ResponseWriter, r *http.Request, c store.Citizen) {
	code := r.PathValue("code")
	if _, err := s.App.Withdraw(r.Context(), c, code, r.PostFormValue("reason")); err != nil {
		s.myDossierError(w, r, c, err)
		return
	}
	http.Redirect(w, r, "/cong-dan/ho-so/"+url.PathEscape(code)+"?da-rut=1", http.StatusSeeOther)
}

// myDossierError shows the applicant's dossier page again with the message of a refused
// request; errors that are not the applicant's get the error page.
func (s *Server) myDossierError(w http.ResponseWriter, r *http.Request, c store.Citizen, err error) {
	e := s.Public(r, err)
	switch e.Code {
	case fault.Invalid, fault.Conflict, fault.Forbidden, fault.TooLarge:
		s.renderMyDossier(w, r, c, kit.Status(e.Code), map[string]any{"Error": e.Message})
	default:
		s.PageError(w, r, err)
	}
}
