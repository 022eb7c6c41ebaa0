package app

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"time"

	"motcua/internal/dossier"
	"motcua/internal/esign"
	"motcua/internal/fault"
	"motcua/internal/files"
	"motcua/internal/org"
	"motcua/internal/pdf"
	"motcua/internal/store"
)

// resultDocName is the name under which the result is listed among a dossier's files.
const resultDocName = "Kết quả giải quyết"

// SigningStep is the step whose completion signs the electronic result: the leader's
// approval (the last step for the leader's role, "lãnh đạo ký"), else the last step.
func SigningStep(st dossier.State) int {
	for i := len(st.Steps) - 1; i >= 0; i-- {
		if st.Steps[i].Role == dossier.RoleLeader {
			return i
		}
	}
	return len(st.Steps) - 1
}

// AtResultStep reports whether the dossier is being processed and not yet past the
// leader's approval: the specialist may then attach the electronic result that the
// approval signs.
func AtResultStep(d store.StoredDossier) bool {
	return d.State.Status == dossier.StatusProcessing && d.State.Step <= SigningStep(d.State)
}

// canPrepareResult checks that the officer may attach a result to the dossier now.
func canPrepareResult(d store.StoredDossier, u org.User) error {
	if !u.HasAny(org.Specialist, org.Leader, org.OneStop, org.Admin) {
		return fault.New(fault.Forbidden, "Tài khoản không có quyền chuẩn bị kết quả giải quyết.")
	}
	if !AtResultStep(d) {
		return fault.New(fault.Conflict, "Chỉ đính kèm kết quả điện tử khi hồ sơ đang được xử lý, trước khi lãnh đạo phê duyệt.")
	}
	return nil
}

// AttachResult records the electronic result (kết quả điện tử) that the specialist
// prepared for the leader's approval: a PDF, neither encrypted nor damaged (fault.Invalid
// otherwise), attached while the dossier is at its last step. The approval signs the
// latest one.
func (a *App) AttachResult(ctx context.Context, u org.User, code string, up Upload, o Origin) (store.Attachment, error) {
	d, _, err := a.OfficerDossier(ctx, u, code)
	if err != nil {
		return store.Attachment{}, err
	}
	if err := canPrepareResult(d, u); err != nil {
		return store.Attachment{}, err
	}
	if err := checkUploads([]Upload{up}); err != nil {
		return store.Attachment{}, err
	}
	if up.Size > a.cfg.FileLimit || up.Size > esign.MaxSize {
		return store.Attachment{}, fault.Newf(fault.TooLarge, "Tệp vượt quá dung lượng cho phép (%s).", files.FormatSize(min(a.cfg.FileLimit, esign.MaxSize)))
	}
	f, err := up.Open()
	if err != nil {
		return store.Attachment{}, fault.New(fault.Invalid, "Không đọc được tệp tải lên.")
	}
	body, err := io.ReadAll(io.LimitReader(f, min(a.cfg.FileLimit, esign.MaxSize)+1))
	f.Close()
	if err != nil {
		return store.Attachment{}, fault.New(fault.Invalid, "Không đọc được tệp tải lên.")
	}
	if err := esign.CheckPDF(body); err != nil {
		a.log.InfoContext(ctx, "result refused", "dossier", code, "request_id", o.RequestID, "reason", fault.As(err).Message)
		return store.Attachment{}, fault.WithFields(fault.As(err).Message, map[string]string{"file": fault.As(err).Message})
	}
	return a.saveResultDraft(ctx, u, d, up.Name, body, o)
}

// GenerateResult makes the electronic result from the procedure's result template (the
// result named in the catalogue, the dossier and its e-form) and records it for the
// leader's approval, as AttachResult does with an upload.
func (a *App) GenerateResult(ctx context.Context, u org.User, code string, o Origin) (store.Attachment, error) {
	d, _, err := a.OfficerDossier(ctx, u, code)
	if err != nil {
		return store.Attachment{}, err
	}
	if err := canPrepareResult(d, u); err != nil {
		return store.Attachment{}, err
	}
	body, err := a.resultDocument(ctx, d, a.now(), o)
	if err != nil {
		return store.Attachment{}, err
	}
	return a.saveResultDraft(ctx, u, d, "ket-qua-"+d.Record.Code+".pdf", body, o)
}

// resultDocument prints the result of the dossier from the procedure's template.
func (a *App) resultDocument(ctx context.Context, d store.StoredDossier, at time.Time, o Origin) ([]byte, error) {
	title := resultDocName
	var lines [][2]string
	if p, err := a.store.Procedure(ctx, d.Record.ProcedureCode); err == nil {
		if t := strings.TrimRight(strings.TrimSpace(p.Result), ". "); t != "" {
			title = t
		}
		var form map[string]string
		if json.Unmarshal(d.Record.Form, &form) == nil {
			for _, f := range p.FormFields {
				if v := form[f.Name]; v != "" {
					lines = append(lines, [2]string{f.Label, v})
				}
			}
		}
	}
	unit, err := a.pdfUnit(ctx, d.State.Unit, at, o)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = pdf.WriteResult(&buf, pdf.Result{Unit: unit, Dossier: a.pdfDossier(ctx, d, unit, o), Title: title, Date: at, Lines: lines})
	return buf.Bytes(), err
}

func (a *App) saveResultDraft(ctx context.Context, u org.User, d store.StoredDossier, name string, body []byte, o Origin) (store.Attachment, error) {
	return a.saveUpload(ctx, bytesUpload(name, body), store.Attachment{DossierCode: d.Record.Code, DocIndex: -1,
		DocName: resultDocName, UploadedKind: store.UploaderOfficer, UploadedBy: u.Username, Purpose: store.PurposeResultDraft},
		func(at store.Attachment) store.AuditEntry {
			return officerAudit(u, o, "dossier.result.attach", d.Record.Code, at.FileName)
		})
}

// bytesUpload is an Upload of bytes held in memory.
func bytesUpload(name string, b []byte) Upload {
	return Upload{Name: name, Size: int64(len(b)), Open: func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(b)), nil
	}}
}

// signOnApproval signs the dossier's prepared result when the action is the approval
// that finishes its last step, and returns the signed file to record with the event; nil
// when there is nothing to sign. A failure (no valid certificate, an unreadable file)
// refuses the approval, so that nothing is marked signed.
func (a *App) signOnApproval(ctx context.Context, u org.User, d store.StoredDossier, action dossier.Action) ([]store.Attachment, error) {
	if action != dossier.ActionForward || d.State.Status != dossier.StatusProcessing || d.State.Step != SigningStep(d.State) {
		return nil, nil
	}
	drafts, err := a.store.DossierFiles(ctx, d.Record.Code, store.PurposeResultDraft)
	if err != nil || len(drafts) == 0 {
		return nil, err
	}
	body, err := a.readFile(drafts[0].SHA256)
	if err != nil {
		return nil, err
	}
	signed, err := a.signResult(ctx, d, body, a.OfficerName(ctx, u.Username), a.now())
	if err != nil {
		return nil, err
	}
	signed.UploadedBy = u.Username
	return []store.Attachment{signed}, nil
}

// readFile reads a stored file whole, up to the size Sign accepts.
func (a *App) readFile(sha string) ([]byte, error) {
	f, err := files.New(a.cfg.DataDir).Open(sha)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, esign.MaxSize+1))
}

// signResult signs the result document body with the certificate of the unit holding
// the dossier at the instant at, and stores the signed file; the caller records it.
func (a *App) signResult(ctx context.Context, d store.StoredDossier, body []byte, signerName string, now time.Time) (store.Attachment, error) {
	s, err := a.unitSigner(ctx, d.State.Unit)
	if err != nil {
		return store.Attachment{}, err
	}
	fs := files.New(a.cfg.DataDir)
	unitName := d.State.Unit
	if un, err := a.store.Unit(ctx, d.State.Unit); err == nil {
		unitName = un.Name
	}
	var block bytes.Buffer
	if err := pdf.WriteSignatureBlock(&block, pdf.SignatureBlock{Unit: unitName, Signer: signerName, At: now}); err != nil {
		return store.Attachment{}, err
	}
	out, err := esign.Sign(body, s, esign.Options{Name: unitName, Reason: "Kết quả giải quyết hồ sơ " + d.Record.Code,
		Location: unitName, Time: now, Block: block.Bytes()})
	if err != nil {
		if fe := fault.As(err); fe != nil {
			return store.Attachment{}, fault.New(fault.Conflict, "Không ký được kết quả điện tử: "+fe.Message)
		}
		return store.Attachment{}, err
	}
	sha, size, ct, err := fs.Put(bytes.NewReader(out), esign.MaxSize+contentsRoom)
	if err != nil {
		return store.Attachment{}, err
	}
	return store.Attachment{DossierCode: d.Record.Code, DocIndex: -1, DocName: resultDocName, SHA256: sha, Size: size,
		ContentType: ct, FileName: "ket-qua-" + d.Record.Code + ".pdf", UploadedKind: store.UploaderOfficer,
		Purpose: store.PurposeResult}, nil
}

// contentsRoom is what a signature adds to a document at most.
const contentsRoom = 1 << 20

// ResultFile is a signed electronic result ready to be sent.
type ResultFile struct {
	Attachment store.Attachment
	Content    io.ReadSeekCloser
}

// ResultPDF returns the dossier's signed electronic result for an officer who may see
// the dossier or for the citizen who owns it; fault.NotFound when there is none.
func (a *App) ResultPDF(ctx context.Context, v Viewer, code string) (ResultFile, error) {
	var err error
	switch {
	case v.Officer != nil:
		_, _, err = a.OfficerDossier(ctx, *v.Officer, code)
	case v.Citizen != nil:
		_, err = a.CitizenDossier(ctx, *v.Citizen, code)
	default:
		err = fault.New(fault.NotFound, "Không tìm thấy kết quả điện tử.")
	}
	if err != nil {
		return ResultFile{}, err
	}
	return a.resultFile(ctx, code)
}

// LookupResultPDF returns the signed electronic result to whoever holds the dossier's
// lookup key (the applicant on the public lookup page); an unknown code, a wrong key and
// a dossier without an electronic result all give fault.NotFound.
func (a *App) LookupResultPDF(ctx context.Context, code, key string) (ResultFile, error) {
	if _, err := a.store.Lookup(ctx, code, key); err != nil {
		return ResultFile{}, err
	}
	return a.resultFile(ctx, code)
}

func (a *App) resultFile(ctx context.Context, code string) (ResultFile, error) {
	list, err := a.store.DossierFiles(ctx, code, store.PurposeResult)
	if err != nil {
		return ResultFile{}, err
	}
	if len(list) == 0 {
		return ResultFile{}, fault.New(fault.NotFound, "Hồ sơ chưa có kết quả điện tử.")
	}
	f, err := files.New(a.cfg.DataDir).Open(list[0].SHA256)
	if err != nil {
		return ResultFile{}, err
	}
	return ResultFile{Attachment: list[0], Content: f}, nil
}

// DossierResults is what the dossier page shows of the electronic result: the signed
// result (nil when none) and the prepared one waiting for approval (nil when none).
type DossierResults struct {
	Signed, Draft *store.Attachment
	// SignedBy is the full name of the leader whose approval signed the result.
	SignedBy string
}

// Results returns the electronic results of a dossier the caller has already been
// allowed to see.
func (a *App) Results(ctx context.Context, code string) (DossierResults, error) {
	var out DossierResults
	for _, p := range []struct {
		purpose string
		dst     **store.Attachment
	}{{store.PurposeResult, &out.Signed}, {store.PurposeResultDraft, &out.Draft}} {
		list, err := a.store.DossierFiles(ctx, code, p.purpose)
		if err != nil {
			return out, err
		}
		if len(list) > 0 {
			*p.dst = &list[0]
		}
	}
	if out.Signed != nil {
		out.SignedBy = a.OfficerName(ctx, out.Signed.UploadedBy)
	}
	return out, nil
}

// HasElectronicResult reports whether the dossier has a signed electronic result, for
// pages that already showed the dossier to their viewer.
func (a *App) HasElectronicResult(ctx context.Context, code string) (bool, error) {
	list, err := a.store.DossierFiles(ctx, code, store.PurposeResult)
	return len(list) > 0, err
}

// ResultRights are what an officer may do on a dossier's page about its electronic result
// and its digitised copies (số hóa).
type ResultRights struct {
	// Result: prepare the result for approval, at the step before signing.
	Result bool
	// Digitise: scan the submitted paper documents, while open or once the result is ready.
	Digitise bool
	// DigitiseResult: scan the paper result, once it is ready.
	DigitiseResult bool
}

// ResultRightsOf decides the ResultRights of the officer on the dossier: the roles that
// handle dossiers, at the stage each action belongs to.
func ResultRightsOf(u org.User, d store.StoredDossier) ResultRights {
	worker := u.HasAny(org.OneStop, org.Specialist, org.Leader, org.Admin)
	ready := d.State.Status == dossier.StatusResultReady || d.State.Status == dossier.StatusReturned
	return ResultRights{
		Result:         worker && AtResultStep(d),
		Digitise:       worker && (!d.State.Status.Final() || ready),
		DigitiseResult: worker && ready,
	}
}
