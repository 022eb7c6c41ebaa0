package app

import (
	"context"
	"strconv"

	"motcua/internal/fault"
	"motcua/internal/store"
)

// errUnverified answers a citizen whose address is not yet verified: the documents
// store is kept for verified accounts only.
var errUnverified = fault.New(fault.Forbidden, "Kho dữ liệu chỉ dành cho tài khoản đã xác thực địa chỉ thư điện tử.")

// CitizenDocuments lists the citizen's documents store (kho dữ liệu): the documents
// they submitted in their dossiers and the signed results, for verified accounts.
func (a *App) CitizenDocuments(ctx context.Context, c store.Citizen) ([]store.Attachment, error) {
	if !c.Verified() {
		return nil, errUnverified
	}
	return a.store.CitizenDocuments(ctx, c.ID)
}

// RemoveCitizenDocument takes a document out of the citizen's store at their request
// (quyền của chủ thể dữ liệu cá nhân); the dossier keeps its own copy as the law
// requires. The removal is audited under the citizen's account.
func (a *App) RemoveCitizenDocument(ctx context.Context, c store.Citizen, id int64, o Origin) error {
	if !c.Verified() {
		return errUnverified
	}
	doc, err := a.store.CitizenDocument(ctx, c.ID, id)
	if err != nil {
		return err
	}
	a.log.InfoContext(ctx, "citizen document removed", "document", id, "request_id", o.RequestID)
	return a.store.RemoveCitizenDocument(ctx, c.ID, id, store.AuditEntry{Actor: c.Actor(), Action: "citizen.document.remove",
		Target: doc.DossierCode, Detail: strconv.FormatInt(id, 10), IP: o.IP, RequestID: o.RequestID})
}

// ReuseDocument puts a document of the citizen's store into their draft of the
// procedure as the file of component doc (tái sử dụng giấy tờ đã nộp), without uploading
// it again; the dossier then shows which dossier it came from.
func (a *App) ReuseDocument(ctx context.Context, c store.Citizen, code string, doc int, id int64) (store.Attachment, error) {
	if !c.Verified() {
		return store.Attachment{}, errUnverified
	}
	p, err := a.OnlineProcedure(ctx, code)
	if err != nil {
		return store.Attachment{}, err
	}
	if doc < 0 || doc >= len(p.Documents) || p.Documents[doc].ShowOnly {
		return store.Attachment{}, fault.New(fault.Invalid, "Thành phần hồ sơ không hợp lệ.")
	}
	src, err := a.store.CitizenDocument(ctx, c.ID, id)
	if err != nil {
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
	used, err := a.store.AttachmentBytes(ctx, "", d.ID)
	if err != nil {
		return store.Attachment{}, err
	}
	if used+src.Size > a.cfg.DossierFileLimit {
		return store.Attachment{}, fault.New(fault.TooLarge, "Tổng dung lượng tệp của hồ sơ vượt quá giới hạn.")
	}
	return a.store.AddAttachment(ctx, store.Attachment{DraftID: d.ID, DocIndex: doc, DocName: p.Documents[doc].Name,
		SHA256: src.SHA256, Size: src.Size, ContentType: src.ContentType, FileName: src.FileName,
		UploadedKind: store.UploaderCitizen, UploadedBy: c.Actor(), ReusedFrom: src.DossierCode}, store.AuditEntry{})
}
