package web

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"time"

	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/pdf"
	"motcua/internal/store"
)

// maxSupplementFiles is how many files one supplement upload may carry.
const maxSupplementFiles = 5

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

// ownDossier loads a dossier that the citizen submitted; any other is not found, so that
// codes of other people's dossiers cannot be probed.
func (s *Server) ownDossier(r *http.Request, c store.Citizen, code string) (store.StoredDossier, error) {
	owner, err := s.store.DossierOwner(r.Context(), code)
	if err != nil || owner != c.ID {
		if err != nil && !fault.Is(err, fault.NotFound) {
			return store.StoredDossier{}, err
		}
		return store.StoredDossier{}, fault.New(fault.NotFound, "Không tìm thấy hồ sơ trong tài khoản của bạn.")
	}
	return s.store.Dossier(r.Context(), code)
}

func (s *Server) handleMyDossiers(w http.ResponseWriter, r *http.Request, c store.Citizen) {
	list, err := s.store.CitizenDossiers(r.Context(), c.ID)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	drafts, err := s.store.Drafts(r.Context(), c.ID)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "my_dossiers.html", map[string]any{
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
			if p, err := s.store.Procedure(r.Context(), d.ProcedureCode); err == nil && p.Name != "" {
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
	d, err := s.ownDossier(r, c, r.PathValue("code"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	files, err := s.store.DossierAttachments(r.Context(), d.Record.Code)
	if err != nil {
		s.pageError(w, r, err)
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
	data["CanWithdraw"] = dossier.Can(d.Dossier, d.State, dossier.ActionWithdraw, dossier.RoleApplicant, d.Record.UnitCode) == nil
	data["LookupURL"] = "/tra-cuu/" + url.PathEscape(d.Record.Code) + "?key=" + url.QueryEscape(d.Record.LookupKey)
	data["FileLimit"] = s.cfg.FileLimit
	data["Forms"] = formLinksAt(d, "/cong-dan/ho-so/"+url.PathEscape(d.Record.Code)+"/bieu-mau/", false)
	s.render(w, r, st, "my_dossier.html", data)
}

// handleMyDossierForm gives the applicant the forms issued to them for their dossier
// (GET /cong-dan/ho-so/{code}/bieu-mau/{file}): receipt, supplement request, refusal,
// apology. The process control sheet is an internal record and stays with the officers.
func (s *Server) handleMyDossierForm(w http.ResponseWriter, r *http.Request, c store.Citizen) {
	name, ok := strings.CutSuffix(r.PathValue("file"), ".pdf")
	kind, known := formKind(name)
	if !ok || !known || kind == pdf.FormControl {
		s.pageError(w, r, fault.New(fault.NotFound, "Không có biểu mẫu này."))
		return
	}
	d, err := s.ownDossier(r, c, r.PathValue("code"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := s.writeDossierForm(r, &buf, kind, d); err != nil {
		s.pageError(w, r, err)
		return
	}
	writePDF(w, d.Record.Code+"-"+name+".pdf", &buf)
}

// handleMySupplement stores the supplement files of a dossier waiting for them and
// records the supplement (supplement_received, as the applicant).
func (s *Server) handleMySupplement(w http.ResponseWriter, r *http.Request, c store.Citizen) {
	d, err := s.ownDossier(r, c, r.PathValue("code"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if d.State.Status != dossier.StatusSupplementRequested {
		s.pageError(w, r, fault.New(fault.Conflict, "Hồ sơ hiện không ở trạng thái chờ bổ sung."))
		return
	}
	fhs, err := uploadedFiles(r, "file")
	if err != nil {
		s.renderMyDossier(w, r, c, http.StatusBadRequest, map[string]any{"Error": s.public(r, err).Message})
		return
	}
	if len(fhs) > maxSupplementFiles {
		s.renderMyDossier(w, r, c, http.StatusBadRequest, map[string]any{"Error": "Mỗi lần chỉ gửi tối đa 5 tệp."})
		return
	}
	note := strings.TrimSpace(r.PostFormValue("note"))
	for _, fh := range fhs {
		_, err := s.saveUpload(r, fh, store.Attachment{DossierCode: d.Record.Code, DocIndex: -1, DocName: "Hồ sơ bổ sung",
			UploadedKind: store.UploaderCitizen, UploadedBy: c.Actor()})
		if err != nil {
			e := s.public(r, err)
			if e.Code != fault.Invalid {
				s.pageError(w, r, err)
				return
			}
			s.renderMyDossier(w, r, c, http.StatusBadRequest, map[string]any{"Error": e.Message})
			return
		}
	}
	cmd := dossier.Command{Action: dossier.ActionSupplementReceived, Actor: c.Actor(), Role: dossier.RoleApplicant, Note: note}
	if msg := cmd.Valid(); msg != nil {
		s.renderMyDossier(w, r, c, http.StatusBadRequest, map[string]any{"Error": "Ghi chú quá dài (tối đa 2000 ký tự)."})
		return
	}
	if _, err := s.store.ActOnDossier(r.Context(), d.Record.Code, cmd, time.Time{}); err != nil {
		s.pageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/cong-dan/ho-so/"+d.Record.Code+"?da-bo-sung=1", http.StatusSeeOther)
}

// handleMyWithdraw withdraws the applicant's dossier at their request (rút hồ sơ,
// POST /cong-dan/ho-so/{code}/rut); the reason is optional.
func (s *Server) handleMyWithdraw(w http.ResponseWriter, r *http.Request, c store.Citizen) {
	d, err := s.ownDossier(r, c, r.PathValue("code"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	cmd := dossier.Command{Action: dossier.ActionWithdraw, Actor: c.Actor(), Role: dossier.RoleApplicant,
		Reason: strings.TrimSpace(r.PostFormValue("reason"))}
	if msg := cmd.Valid(); msg != nil {
		s.renderMyDossier(w, r, c, http.StatusBadRequest, map[string]any{"Error": "Lý do rút hồ sơ tối đa 2000 ký tự."})
		return
	}
	if _, err := s.store.ActOnDossier(r.Context(), d.Record.Code, cmd, time.Time{}); err != nil {
		e := s.public(r, err)
		s.renderMyDossier(w, r, c, status(e.Code), map[string]any{"Error": e.Message})
		return
	}
	http.Redirect(w, r, "/cong-dan/ho-so/"+url.PathEscape(d.Record.Code)+"?da-rut=1", http.StatusSeeOther)
}
