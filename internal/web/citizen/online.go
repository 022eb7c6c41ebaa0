package citizen

import (
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"motcua/internal/app"
	"motcua/internal/catalog"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/files"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// onlineProcedure loads the procedure of the path; a procedure without online service is
// answered with a page that says so, and false.
func (s *Server) onlineProcedure(w http.ResponseWriter, r *http.Request) (catalog.Procedure, bool) {
	p, err := s.App.OnlineProcedure(r.Context(), r.PathValue("procedure"))
	if err == app.ErrNotOnline {
		s.Render(w, r, http.StatusOK, "online_closed.html", map[string]any{
			"Title": "Chưa cung cấp dịch vụ công trực tuyến", "Procedure": p,
		})
		return p, false
	}
	if err != nil {
		s.PageError(w, r, err)
		return p, false
	}
	return p, true
}

// renderOnlineForm shows the online form with the draft's values and messages.
func (s *Server) renderOnlineForm(w http.ResponseWriter, r *http.Request, st int, c store.Citizen, p catalog.Procedure,
	d store.Draft, content app.DraftContent, data map[string]any) {
	units, err := s.App.OnlineUnits(r.Context(), p.Code)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	docs, err := s.App.DraftDocuments(r.Context(), p, d)
	if err != nil {
		s.PageError(w, r, err)
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
	data["FileLimit"] = files.FormatSize(s.App.FileLimit())
	data["Saved"] = !d.UpdatedAt.IsZero()
	data["SavedAt"] = d.UpdatedAt
	data["DraftID"] = d.ID
	data["Stored"] = s.storedDocuments(r, c)
	s.Render(w, r, st, "online_form.html", data)
}

func (s *Server) handleOnlineForm(w http.ResponseWriter, r *http.Request, c store.Citizen) {
	p, ok := s.onlineProcedure(w, r)
	if !ok {
		return
	}
	d, content, err := s.App.Draft(r.Context(), c, p.Code)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	data := map[string]any{}
	if r.URL.Query().Get("da-luu") != "" {
		data["Notice"] = "Đã lưu hồ sơ nháp."
	}
	if r.URL.Query().Get("da-tai") != "" {
		data["Notice"] = "Đã tải tệp lên và lưu nội dung đã nhập."
	}
	s.renderOnlineForm(w, r, http.StatusOK, c, p, d, content, data)
}

// readOnlineForm reads the posted e-form and applicant.
func readOnlineForm(r *http.Request, p catalog.Procedure) app.DraftContent {
	content := app.DraftContent{Form: map[string]string{}}
	for _, f := range p.FormFields {
		content.Form[f.Name] = r.PostFormValue("f_" + f.Name)
	}
	content.Applicant = dossier.Applicant{
		FullName: r.PostFormValue("full_name"), IDNumber: r.PostFormValue("id_number"),
		Phone: r.PostFormValue("phone"), Email: r.PostFormValue("email"), Address: r.PostFormValue("address"),
	}
	return content
}

// handleOnlineSave handles every button of the online form (POST /nop-truc-tuyen/{procedure}):
// what was typed is saved as the draft and the files chosen are attached to it, then
// "Lưu nháp" and "Tải lên" show the form again and "Nộp hồ sơ" submits the dossier. So an
// upload never loses the fields already typed.
func (s *Server) handleOnlineSave(w http.ResponseWriter, r *http.Request, c store.Citizen) {
	p, ok := s.onlineProcedure(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	content := readOnlineForm(r, p)
	unit := r.PostFormValue("unit")
	draftID, _ := strconv.ParseInt(r.PostFormValue("draft"), 10, 64)
	d, err := s.App.SaveDraft(ctx, c, p.Code, unit, draftID, content)
	if fault.Is(err, fault.Conflict) {
		// This draft was submitted by another request a moment ago.
		http.Redirect(w, r, "/cong-dan/ho-so", http.StatusSeeOther)
		return
	}
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	if err := s.attachChosen(r, c, p); err != nil {
		s.onlineFormError(w, r, c, p, err)
		return
	}
	if err := s.reuseChosen(r, c, p); err != nil {
		s.onlineFormError(w, r, c, p, err)
		return
	}
	switch r.PostFormValue("action") {
	case "submit":
	case "upload":
		http.Redirect(w, r, "/nop-truc-tuyen/"+url.PathEscape(p.Code)+"?da-tai=1#giay-to", http.StatusSeeOther)
		return
	default:
		http.Redirect(w, r, "/nop-truc-tuyen/"+url.PathEscape(p.Code)+"?da-luu=1", http.StatusSeeOther)
		return
	}
	created, err := s.App.SubmitOnline(ctx, c, p.Code, unit, d.ID, content)
	if err == nil {
		http.Redirect(w, r, "/cong-dan/ho-so/"+url.PathEscape(created.Record.Code)+"?da-nop=1", http.StatusSeeOther)
		return
	}
	if e := s.Public(r, err); e.Code == fault.Conflict {
		// The same draft was submitted by another request a moment ago.
		http.Redirect(w, r, "/cong-dan/ho-so", http.StatusSeeOther)
		return
	}
	s.onlineFormError(w, r, c, p, err)
}

// attachChosen attaches the files chosen in the form (field file_N for the procedure's
// document N) to the citizen's draft.
func (s *Server) attachChosen(r *http.Request, c store.Citizen, p catalog.Procedure) error {
	if r.MultipartForm == nil {
		return nil
	}
	n := 0
	for i := range p.Documents {
		for _, fh := range r.MultipartForm.File["file_"+strconv.Itoa(i)] {
			if n++; n > kit.MaxSupplementFiles {
				return fault.New(fault.Invalid, "Mỗi lần chỉ tải lên tối đa 5 tệp.")
			}
			up := app.Upload{Name: fh.Filename, Size: fh.Size, Open: func() (io.ReadCloser, error) { return fh.Open() }}
			if _, err := s.App.UploadDraftFile(r.Context(), c, p.Code, i, up); err != nil {
				return err
			}
		}
	}
	return nil
}

// onlineFormError shows the online form again, with what was saved, and the message of
// err next to its fields; errors that are not the citizen's get the error page.
func (s *Server) onlineFormError(w http.ResponseWriter, r *http.Request, c store.Citizen, p catalog.Procedure, err error) {
	e := s.Public(r, err)
	if e.Code != fault.Invalid && e.Code != fault.TooLarge {
		s.PageError(w, r, err)
		return
	}
	d, saved, derr := s.App.Draft(r.Context(), c, p.Code)
	if derr != nil {
		s.PageError(w, r, derr)
		return
	}
	fields := map[string]string{}
	for k, v := range e.Fields {
		fields[strings.TrimPrefix(k, "applicant.")] = v
	}
	s.renderOnlineForm(w, r, kit.Status(e.Code), c, p, d, saved, map[string]any{"Error": e.Message, "Fields": fields})
}

// handleOnlineUpload attaches one file to a document of the citizen's draft
// (POST /nop-truc-tuyen/{procedure}/attachments), keeping what was typed in the form.
func (s *Server) handleOnlineUpload(w http.ResponseWriter, r *http.Request, c store.Citizen) {
	code := r.PathValue("procedure")
	idx, err := strconv.Atoi(r.PostFormValue("doc"))
	if err != nil {
		idx = -1
	}
	ups, err := kit.Uploads(r, "file")
	if err == nil {
		_, err = s.App.UploadDraftFile(r.Context(), c, code, idx, ups[0])
	}
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/nop-truc-tuyen/"+url.PathEscape(code)+"#giay-to", http.StatusSeeOther)
}
