package app

import (
	"context"

	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/store"
)

// ResultComponent is the index that Digitise takes for the paper result.
const ResultComponent = -1

// Digitise attaches the scans of a paper component of the dossier (số hóa thành phần hồ
// sơ: doc is the index of the component in the dossier's documents) or, with
// ResultComponent, of the paper result. Components are digitised while the dossier is
// open, the result once it is ready or returned; the officer must process dossiers in
// the dossier's scope. Each file is checked by content and audited.
func (a *App) Digitise(ctx context.Context, u org.User, code string, doc int, ups []Upload, o Origin) ([]store.Attachment, error) {
	d, _, err := a.OfficerDossier(ctx, u, code)
	if err != nil {
		return nil, err
	}
	if !u.HasAny(org.OneStop, org.Specialist, org.Leader, org.Admin) {
		return nil, fault.New(fault.Forbidden, "Tài khoản chỉ được xem, không được số hóa hồ sơ.")
	}
	purpose, name := store.PurposeScan, ""
	switch {
	case doc == ResultComponent:
		if s := d.State.Status; s != dossier.StatusResultReady && s != dossier.StatusReturned {
			return nil, fault.New(fault.Conflict, "Chỉ số hóa kết quả khi hồ sơ đã có kết quả.")
		}
		purpose, name = store.PurposeResultScan, resultDocName
	case doc >= 0 && doc < len(d.Record.Documents):
		if d.State.Status.Final() {
			return nil, fault.New(fault.Conflict, "Hồ sơ đã kết thúc, không số hóa thêm thành phần.")
		}
		name = d.Record.Documents[doc].Name
	default:
		return nil, fault.WithFields("Thành phần hồ sơ không hợp lệ.", map[string]string{"doc": "Chọn một thành phần của hồ sơ."})
	}
	if err := checkUploads(ups); err != nil {
		return nil, err
	}
	var out []store.Attachment
	for _, up := range ups {
		at, err := a.saveUpload(ctx, up, store.Attachment{DossierCode: d.Record.Code, DocIndex: doc, DocName: name,
			UploadedKind: store.UploaderOfficer, UploadedBy: u.Username, Purpose: purpose},
			func(at store.Attachment) store.AuditEntry {
				return officerAudit(u, o, "dossier.digitise", d.Record.Code, name)
			})
		if err != nil {
			return out, err
		}
		out = append(out, at)
	}
	return out, nil
}

// DigitisedComponent is one component of a dossier with its electronic copies: those
// uploaded by the applicant online (some reused from their store) and the desk's scans.
type DigitisedComponent struct {
	Index int
	Name  string
	Files []store.Attachment
}

// Digitisation is what a dossier holds in electronic form (tình trạng số hóa).
type Digitisation struct {
	Components []DigitisedComponent
	// Result lists the signed result and the scans of the paper result.
	Result []store.Attachment
	// Complete is true when every component and the result have a copy: the dossier
	// counts as digitised in QĐ 766 indicator 4.2.
	Complete bool
	// Reused counts the components taken from the applicant's store (indicator 4.3).
	Reused int
}

// DossierDigitisation pairs the dossier's components with their files, for a dossier
// the caller has already been allowed to see.
func (a *App) DossierDigitisation(ctx context.Context, d store.StoredDossier) (Digitisation, error) {
	list, err := a.store.DossierAttachments(ctx, d.Record.Code)
	if err != nil {
		return Digitisation{}, err
	}
	var out Digitisation
	for i, doc := range d.Record.Documents {
		c := DigitisedComponent{Index: i, Name: doc.Name}
		for _, f := range list {
			if f.DocName == doc.Name && (f.Purpose == "" || f.Purpose == store.PurposeScan) {
				c.Files = append(c.Files, f)
				if f.ReusedFrom != "" {
					out.Reused++
				}
			}
		}
		out.Components = append(out.Components, c)
	}
	for _, f := range list {
		if f.Purpose == store.PurposeResult || f.Purpose == store.PurposeResultScan {
			out.Result = append(out.Result, f)
		}
	}
	out.Complete = len(out.Result) > 0
	for _, c := range out.Components {
		if len(c.Files) == 0 {
			out.Complete = false
		}
	}
	return out, nil
}
