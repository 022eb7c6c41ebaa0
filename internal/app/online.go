package app

import (
	"context"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"motcua/internal/catalog"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/store"
)

// DraftContent is what a draft (hồ sơ nháp) keeps: the e-form values and the applicant's
// details.
type DraftContent struct {
	Form      map[string]string `json:"form"`
	Applicant dossier.Applicant `json:"applicant"`
}

// OnlineDocument is one thành phần hồ sơ of the online form, with the files uploaded for it.
type OnlineDocument struct {
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

// ErrNotOnline answers a procedure that is not offered as an online public service.
var ErrNotOnline = fault.New(fault.NotFound, "Thủ tục này chưa cung cấp dịch vụ công trực tuyến.")

// OnlineProcedure returns the procedure for online submission, or ErrNotOnline (with the
// procedure) when it offers no online service.
func (a *App) OnlineProcedure(ctx context.Context, code string) (catalog.Procedure, error) {
	p, err := a.store.Procedure(ctx, code)
	if err != nil {
		return p, err
	}
	if !p.OffersOnline() {
		return p, ErrNotOnline
	}
	return p, nil
}

// OnlineUnits lists the units that offer the procedure.
func (a *App) OnlineUnits(ctx context.Context, code string) ([]org.Unit, error) {
	units, err := a.store.Units(ctx)
	if err != nil {
		return nil, err
	}
	var out []org.Unit
	for _, u := range units {
		ok, err := a.store.OffersProcedure(ctx, u.Code, code)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, u)
		}
	}
	return out, nil
}

// Draft returns the citizen's draft of the procedure and its content, or an empty draft
// prefilled from the account.
func (a *App) Draft(ctx context.Context, c store.Citizen, code string) (store.Draft, DraftContent, error) {
	content := DraftContent{Form: map[string]string{}, Applicant: dossier.Applicant{FullName: c.FullName, Email: c.Email, Phone: c.Phone}}
	d, err := a.store.DraftFor(ctx, c.ID, code)
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

// DraftDocuments pairs the procedure's documents with the draft's files.
func (a *App) DraftDocuments(ctx context.Context, p catalog.Procedure, d store.Draft) ([]OnlineDocument, error) {
	var files []store.Attachment
	if d.ID != 0 {
		var err error
		if files, err = a.store.DraftAttachments(ctx, d.ID); err != nil {
			return nil, err
		}
	}
	var out []OnlineDocument
	for i, doc := range p.Documents {
		if doc.ShowOnly {
			continue
		}
		od := OnlineDocument{Index: i, Doc: doc, Required: requiredOnline(doc)}
		for _, f := range files {
			if f.DocIndex == i {
				od.Files = append(od.Files, f)
			}
		}
		out = append(out, od)
	}
	return out, nil
}

// SaveDraft keeps what the citizen typed for the procedure (lưu nháp). draftID is the
// draft the citizen's form shows (0 for a form without one): a draft that is gone — it
// was submitted meanwhile — is a fault.Conflict rather than a new draft.
func (a *App) SaveDraft(ctx context.Context, c store.Citizen, code, unit string, draftID int64, content DraftContent) (store.Draft, error) {
	p, err := a.OnlineProcedure(ctx, code)
	if err != nil {
		return store.Draft{}, err
	}
	content = keepFields(p, content)
	raw, err := json.Marshal(content)
	if err != nil {
		return store.Draft{}, err
	}
	return a.store.SaveDraft(ctx, store.Draft{ID: draftID, CitizenID: c.ID, ProcedureCode: p.Code, UnitCode: strings.TrimSpace(unit), Form: raw})
}

// keepFields keeps only the e-form fields the procedure has, trimmed, and the trimmed
// applicant.
func keepFields(p catalog.Procedure, content DraftContent) DraftContent {
	out := DraftContent{Form: map[string]string{}, Applicant: content.Applicant.Trimmed()}
	for _, f := range p.FormFields {
		if v := strings.TrimSpace(content.Form[f.Name]); v != "" {
			out.Form[f.Name] = v
		}
	}
	return out
}

// SubmitOnline saves the draft and submits it as a dossier (nộp hồ sơ trực tuyến): the
// e-form, the applicant, the unit and the required documents must be complete (an
// Invalid error with a message per field otherwise). The draft's files move to the new
// dossier and the draft is deleted in the same transaction, so a draft submitted several
// times at once makes one dossier; the others are answered with fault.Conflict. draftID
// is the draft the citizen's form shows (0 for none).
func (a *App) SubmitOnline(ctx context.Context, c store.Citizen, code, unit string, draftID int64, content DraftContent) (store.StoredDossier, error) {
	d, err := a.SaveDraft(ctx, c, code, unit, draftID, content)
	if err != nil {
		return store.StoredDossier{}, err
	}
	p, err := a.OnlineProcedure(ctx, code)
	if err != nil {
		return store.StoredDossier{}, err
	}
	content = keepFields(p, content)
	units, err := a.OnlineUnits(ctx, p.Code)
	if err != nil {
		return store.StoredDossier{}, err
	}
	docs, err := a.DraftDocuments(ctx, p, d)
	if err != nil {
		return store.StoredDossier{}, err
	}
	if fields := validOnline(p, content, d.UnitCode, units, docs); len(fields) > 0 {
		if _, err := a.store.DraftByID(ctx, d.ID); fault.Is(err, fault.NotFound) {
			// Submitted by another request between our save and our read of its files.
			return store.StoredDossier{}, fault.New(fault.Conflict, "Hồ sơ nháp này đã được nộp. Vui lòng xem trong mục “Hồ sơ của tôi”.")
		}
		return store.StoredDossier{}, fault.WithFields("Hồ sơ chưa đầy đủ. Vui lòng kiểm tra các mục được đánh dấu.", fields)
	}
	form, err := json.Marshal(content.Form)
	if err != nil {
		return store.StoredDossier{}, err
	}
	n := NewDossierFor(p, d.UnitCode, dossier.ChannelOnline)
	for _, doc := range docs {
		if len(doc.Files) > 0 {
			n.Documents = append(n.Documents, store.DossierDocument{Name: doc.Doc.Name, Copies: len(doc.Files)})
		}
	}
	n.Applicant, n.Form, n.DraftID = content.Applicant, form, d.ID
	n.Actor, n.Role = c.Actor(), dossier.RoleApplicant
	return a.store.CreateDossier(ctx, n, store.Write{Notice: a.notice()})
}

// validOnline returns the field errors of a submission: the e-form, the applicant, the
// unit and the required documents. Applicant fields carry no prefix (the page's names).
func validOnline(p catalog.Procedure, content DraftContent, unit string, units []org.Unit, docs []OnlineDocument) map[string]string {
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

// UploadDraftFile attaches one file to a document of the citizen's draft of the
// procedure, creating the draft when needed. What the citizen has typed (content) is
// saved with it, so an upload never loses the fields already filled in.
func (a *App) UploadDraftFile(ctx context.Context, c store.Citizen, code string, doc int, up Upload) (store.Attachment, error) {
	p, err := a.OnlineProcedure(ctx, code)
	if err != nil {
		return store.Attachment{}, err
	}
	if doc < 0 || doc >= len(p.Documents) || p.Documents[doc].ShowOnly {
		return store.Attachment{}, fault.New(fault.Invalid, "Thành phần hồ sơ không hợp lệ.")
	}
	if err := checkUploads([]Upload{up}); err != nil {
		return store.Attachment{}, err
	}
	d, _, err := a.Draft(ctx, c, p.Code)
	if err != nil {
		return store.Attachment{}, err
	}
	if d.ID == 0 {
		if d, err = a.store.SaveDraft(ctx, d); err != nil {
			return store.Attachment{}, err
		}
	}
	return a.saveUpload(ctx, up, store.Attachment{DraftID: d.ID, DocIndex: doc, DocName: p.Documents[doc].Name,
		UploadedKind: store.UploaderCitizen, UploadedBy: c.Actor()}, nil)
}
