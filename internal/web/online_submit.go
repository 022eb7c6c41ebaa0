package web

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"motcua/internal/calendar"
	"motcua/internal/catalog"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/files"
	"motcua/internal/org"
	"motcua/internal/store"
)

// draftContent is what a draft keeps: the e-form values and the applicant's details.
type draftContent struct {
	Form      map[string]string `json:"form"`
	Applicant dossier.Applicant `json:"applicant"`
}

// onlineDocument is one thành phần hồ sơ on the online form, with the files uploaded for it.
type onlineDocument struct {
	Index    int
	Doc      catalog.Document
	Required bool
	Files    []store.Attachment
}

// requiredOnline reports whether a document must be uploaded before an online submission:
// papers only shown at the desk (xuất trình) and papers needed only in some cases
// ("trường hợp …") are optional.
func requiredOnline(d catalog.Document) bool {
	return !d.ShowOnly && !strings.Contains(strings.ToLower(d.Name), "trường hợp")
}

// onlineProcedure loads the procedure of the path; a procedure without online service is
// answered with a page that says so, and false.
func (s *Server) onlineProcedure(w http.ResponseWriter, r *http.Request) (catalog.Procedure, bool) {
	p, err := s.store.Procedure(r.Context(), r.PathValue("procedure"))
	if err != nil {
		s.pageError(w, r, err)
		return p, false
	}
	if p.Online != catalog.OnlinePartial && p.Online != catalog.OnlineFull {
		s.render(w, r, http.StatusOK, "online_closed.html", map[string]any{
			"Title": "Chưa cung cấp dịch vụ công trực tuyến", "Procedure": p,
		})
		return p, false
	}
	return p, true
}

// onlineUnits lists the units that offer the procedure.
func (s *Server) onlineUnits(r *http.Request, code string) ([]org.Unit, error) {
	units, err := s.store.Units(r.Context())
	if err != nil {
		return nil, err
	}
	var out []org.Unit
	for _, u := range units {
		ok, err := s.store.OffersProcedure(r.Context(), u.Code, code)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, u)
		}
	}
	return out, nil
}

// loadDraft returns the citizen's draft of the procedure and its content, or an empty
// draft prefilled from the account.
func (s *Server) loadDraft(r *http.Request, c store.Citizen, code string) (store.Draft, draftContent, error) {
	content := draftContent{Form: map[string]string{}, Applicant: dossier.Applicant{FullName: c.FullName, Email: c.Email, Phone: c.Phone}}
	d, err := s.store.DraftFor(r.Context(), c.ID, code)
	if fault.Is(err, fault.NotFound) {
		return store.Draft{CitizenID: c.ID, ProcedureCode: code}, content, nil
	}
	if err != nil {
		return d, content, err
	}
	if err := json.Unmarshal(d.Form, &content); err != nil || content.Form == nil {
		content.Form = map[string]string{}
	}
	return d, content, nil
}

// onlineDocuments pairs the procedure's documents with the draft's files.
func (s *Server) onlineDocuments(r *http.Request, p catalog.Procedure, d store.Draft) ([]onlineDocument, error) {
	var files []store.Attachment
	if d.ID != 0 {
		var err error
		if files, err = s.store.DraftAttachments(r.Context(), d.ID); err != nil {
			return nil, err
		}
	}
	var out []onlineDocument
	for i, doc := range p.Documents {
		if doc.ShowOnly {
			continue
		}
		od := onlineDocument{Index: i, Doc: doc, Required: requiredOnline(doc)}
		for _, f := range files {
			if f.DocIndex == i {
				od.Files = append(od.Files, f)
			}
		}
		out = append(out, od)
	}
	return out, nil
}

// renderOnlineForm shows the online form with the draft's values and messages.
func (s *Server) renderOnlineForm(w http.ResponseWriter, r *http.Request, st int, c store.Citizen, p catalog.Procedure,
	d store.Draft, content draftContent, data map[string]any) {
	units, err := s.onlineUnits(r, p.Code)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	docs, err := s.onlineDocuments(r, p, d)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if data == nil {
		data = map[string]any{}
	}
	unit := d.UnitCode
	if unit == "" && len(units) == 1 {
		unit = units[0].Code
	}
	data["Title"] = "Nộp hồ sơ trực tuyến: " + p.Name
	data["Procedure"], data["Units"], data["Unit"] = p, units, unit
	data["Content"], data["Documents"], data["Citizen"] = content, docs, c
	data["FileLimit"] = files.FormatSize(s.cfg.FileLimit)
	data["Saved"] = !d.UpdatedAt.IsZero()
	data["SavedAt"] = d.UpdatedAt
	s.render(w, r, st, "online_form.html", data)
}

func (s *Server) handleOnlineForm(w http.ResponseWriter, r *http.Request, c store.Citizen) {
	p, ok := s.onlineProcedure(w, r)
	if !ok {
		return
	}
	d, content, err := s.loadDraft(r, c, p.Code)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	data := map[string]any{}
	if r.URL.Query().Get("da-luu") != "" {
		data["Notice"] = "Đã lưu hồ sơ nháp."
	}
	s.renderOnlineForm(w, r, http.StatusOK, c, p, d, content, data)
}

// readOnlineForm reads the posted e-form and applicant into the draft content.
func readOnlineForm(r *http.Request, p catalog.Procedure) draftContent {
	content := draftContent{Form: map[string]string{}}
	for _, f := range p.FormFields {
		if v := strings.TrimSpace(r.PostFormValue("f_" + f.Name)); v != "" {
			content.Form[f.Name] = v
		}
	}
	content.Applicant = dossier.Applicant{
		FullName: r.PostFormValue("full_name"), IDNumber: r.PostFormValue("id_number"),
		Phone: r.PostFormValue("phone"), Email: r.PostFormValue("email"), Address: r.PostFormValue("address"),
	}.Trimmed()
	return content
}

// validOnline returns the field errors of a submission: the e-form, the applicant, the
// unit and the required documents.
func validOnline(p catalog.Procedure, content draftContent, unit string, units []org.Unit, docs []onlineDocument) map[string]string {
	f := map[string]string{}
	for _, field := range p.FormFields {
		v := content.Form[field.Name]
		switch {
		case v == "" && field.Required:
			f["f_"+field.Name] = "Cần nhập " + strings.ToLower(field.Label) + "."
		case v == "":
		case utf8.RuneCountInString(v) > 2000:
			f["f_"+field.Name] = "Nội dung quá dài (tối đa 2000 ký tự)."
		case field.Kind == catalog.KindDate:
			if _, err := time.Parse("2006-01-02", v); err != nil {
				f["f_"+field.Name] = "Ngày không hợp lệ."
			}
		case field.Kind == catalog.KindNumber:
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				f["f_"+field.Name] = "Cần nhập một số."
			}
		case field.Kind == catalog.KindSelect && len(field.Options) > 0:
			if !slices.Contains(field.Options, v) {
				f["f_"+field.Name] = "Giá trị không có trong danh sách."
			}
		}
	}
	for k, v := range content.Applicant.Valid() {
		f[k] = v
	}
	if !slices.ContainsFunc(units, func(u org.Unit) bool { return u.Code == unit }) {
		f["unit"] = "Cần chọn cơ quan tiếp nhận hồ sơ."
	}
	for _, d := range docs {
		if d.Required && len(d.Files) == 0 {
			f["doc_"+strconv.Itoa(d.Index)] = "Cần tải lên tệp của giấy tờ này."
		}
	}
	return f
}

// handleOnlineSave saves the draft ("Lưu nháp") or submits the dossier ("Nộp hồ sơ").
func (s *Server) handleOnlineSave(w http.ResponseWriter, r *http.Request, c store.Citizen) {
	p, ok := s.onlineProcedure(w, r)
	if !ok {
		return
	}
	content := readOnlineForm(r, p)
	unit := strings.TrimSpace(r.PostFormValue("unit"))
	raw, err := json.Marshal(content)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	d, err := s.store.SaveDraft(r.Context(), store.Draft{CitizenID: c.ID, ProcedureCode: p.Code, UnitCode: unit, Form: raw})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if r.PostFormValue("action") != "submit" {
		http.Redirect(w, r, "/nop-truc-tuyen/"+p.Code+"?da-luu=1", http.StatusSeeOther)
		return
	}
	units, err := s.onlineUnits(r, p.Code)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	docs, err := s.onlineDocuments(r, p, d)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if fields := validOnline(p, content, unit, units, docs); len(fields) > 0 {
		s.renderOnlineForm(w, r, http.StatusBadRequest, c, p, d, content, map[string]any{
			"Error": "Hồ sơ chưa đầy đủ. Vui lòng kiểm tra các mục được đánh dấu.", "Fields": fields,
		})
		return
	}
	form, err := json.Marshal(content.Form)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	var documents []store.DossierDocument
	for _, d := range docs {
		if len(d.Files) > 0 {
			documents = append(documents, store.DossierDocument{Name: d.Doc.Name, Copies: len(d.Files)})
		}
	}
	created, err := s.store.CreateDossier(r.Context(), store.NewDossier{
		UnitCode: unit, ProcedureCode: p.Code, ProcedureName: p.Name,
		Process:        pinProcess(p.Process),
		Deadline:       calendar.Deadline{Days: p.EffectiveOnlineDeadline(), CalendarDays: p.DeadlineMode == catalog.DeadlineCalendar},
		SupplementRule: string(p.SupplementRule),
		Channel:        dossier.ChannelOnline, Applicant: content.Applicant, Form: form, Documents: documents,
		FeeVND: p.FeeVND, Actor: c.Actor(), Role: dossier.RoleApplicant,
	})
	if err != nil {
		e := s.public(r, err)
		if e.Code != fault.Invalid {
			s.pageError(w, r, err)
			return
		}
		fields := map[string]string{}
		for k, v := range e.Fields {
			fields[strings.TrimPrefix(k, "applicant.")] = v
		}
		s.renderOnlineForm(w, r, http.StatusBadRequest, c, p, d, content, map[string]any{"Error": e.Message, "Fields": fields})
		return
	}
	http.Redirect(w, r, "/cong-dan/ho-so/"+created.Record.Code+"?da-nop=1", http.StatusSeeOther)
}
