package app

import (
	"context"
	"io"
	"strings"
	"unicode/utf8"

	"motcua/internal/fault"
	"motcua/internal/files"
	"motcua/internal/org"
	"motcua/internal/store"
)

// Upload is one file sent by a person: its name as they gave it, its declared size and
// a way to read it. Adapters make it from a multipart file header.
type Upload struct {
	Name string
	Size int64
	Open func() (io.ReadCloser, error)
}

// MaxUploadFiles is how many files one upload (an officer's scans, a citizen's
// supplement) may carry.
const MaxUploadFiles = 5

// FileLimit is the largest file accepted; DossierFileLimit the largest total of one
// dossier's or draft's files.
func (a *App) FileLimit() int64        { return a.cfg.FileLimit }
func (a *App) DossierFileLimit() int64 { return a.cfg.DossierFileLimit }

// AttachOfficerFiles adds scans of paper documents to a dossier (đính kèm tệp): the
// officer must see the dossier and process dossiers (not a read-only inspector), and the
// dossier must be open. Each file is checked by content and recorded with its audit line.
func (a *App) AttachOfficerFiles(ctx context.Context, u org.User, code, docName string, ups []Upload, o Origin) ([]store.Attachment, error) {
	d, _, err := a.OfficerDossier(ctx, u, code)
	if err != nil {
		return nil, err
	}
	if !CanAttach(d, u) {
		return nil, fault.New(fault.Forbidden, "Không thể đính kèm tệp vào hồ sơ này: tài khoản chỉ được xem, hoặc hồ sơ đã kết thúc.")
	}
	docName = strings.TrimSpace(docName)
	if utf8.RuneCountInString(docName) > 500 {
		return nil, fault.WithFields("Tên thành phần hồ sơ quá dài.", map[string]string{"document_name": "Tối đa 500 ký tự."})
	}
	if err := checkUploads(ups); err != nil {
		return nil, err
	}
	var out []store.Attachment
	for _, up := range ups {
		at, err := a.saveUpload(ctx, up, store.Attachment{DossierCode: d.Record.Code, DocIndex: -1, DocName: docName,
			UploadedKind: store.UploaderOfficer, UploadedBy: u.Username},
			func(at store.Attachment) store.AuditEntry {
				return officerAudit(u, o, "dossier.attachment", d.Record.Code, at.FileName)
			})
		if err != nil {
			return out, err
		}
		out = append(out, at)
	}
	return out, nil
}

// checkUploads refuses an upload with no file or too many.
func checkUploads(ups []Upload) error {
	if len(ups) == 0 {
		return fault.WithFields("Chưa chọn tệp để tải lên.", map[string]string{"file": "Cần chọn tệp PDF, JPEG hoặc PNG."})
	}
	if len(ups) > MaxUploadFiles {
		return fault.WithFields("Mỗi lần chỉ gửi tối đa 5 tệp.", map[string]string{"file": "Mỗi lần chỉ gửi tối đa 5 tệp."})
	}
	return nil
}

// saveUpload stores one file on disk and records it. The total of the dossier (code) or
// of the draft (DraftID) must stay within DossierFileLimit. audit, when not nil, makes
// the audit line of the recorded file.
func (a *App) saveUpload(ctx context.Context, up Upload, at store.Attachment, audit func(store.Attachment) store.AuditEntry) (store.Attachment, error) {
	used, err := a.store.AttachmentBytes(ctx, at.DossierCode, at.DraftID)
	if err != nil {
		return at, err
	}
	left := a.cfg.DossierFileLimit - used
	if left <= 0 || up.Size > left {
		return at, fault.Newf(fault.TooLarge, "Tổng dung lượng tệp của hồ sơ vượt quá %s.", files.FormatSize(a.cfg.DossierFileLimit))
	}
	if id, ok := store.CitizenOfActor(at.UploadedBy); ok && at.UploadedKind == store.UploaderCitizen {
		// Checked before the file is written, so that a refused upload leaves nothing on
		// disk; the store checks again under a lock when it records the file.
		mine, err := a.store.CitizenStorage(ctx, id)
		if err != nil {
			return at, err
		}
		quota := a.store.CitizenQuota()
		if mine+up.Size > quota {
			return at, fault.Newf(fault.TooLarge, "Bạn đã dùng hết dung lượng lưu trữ (%s cho mỗi tài khoản; đã dùng %s). "+
				"Vui lòng xóa bớt tệp trong các hồ sơ nháp rồi thử lại.", files.FormatSize(quota), files.FormatSize(mine))
		}
		left = min(left, quota-mine)
	}
	f, err := up.Open()
	if err != nil {
		return at, fault.New(fault.Invalid, "Không đọc được tệp tải lên.")
	}
	defer f.Close()
	sha, size, ct, err := a.files.Put(f, min(a.cfg.FileLimit, left))
	if err != nil {
		return at, err
	}
	at.SHA256, at.Size, at.ContentType = sha, size, ct
	at.FileName = files.SanitizeName(up.Name, ct)
	var entry store.AuditEntry
	if audit != nil {
		entry = audit(at)
	}
	return a.store.AddAttachment(ctx, at, entry)
}

// Viewer is who asks for a file or a form: an officer, a citizen, or nobody.
type Viewer struct {
	Officer *org.User
	Citizen *store.Citizen
}

// Attachment returns a file's record and an open reader of its content for the viewer:
// the officers who may see its dossier, and the citizen who owns the dossier or the
// draft; anyone else gets not_found (an officer of another unit forbidden).
func (a *App) Attachment(ctx context.Context, v Viewer, id int64) (store.Attachment, io.ReadSeekCloser, error) {
	notFound := fault.New(fault.NotFound, "Không tìm thấy tệp.")
	at, err := a.store.AttachmentByID(ctx, id)
	if err != nil {
		return at, nil, err
	}
	switch {
	case at.DossierCode != "" && v.Officer != nil:
		if _, _, err := a.OfficerDossier(ctx, *v.Officer, at.DossierCode); err != nil {
			return at, nil, err
		}
	case at.DossierCode != "" && v.Citizen != nil:
		owner, err := a.store.DossierOwner(ctx, at.DossierCode)
		if err != nil || owner != v.Citizen.ID {
			return at, nil, notFound
		}
	case at.DossierCode == "" && v.Citizen != nil:
		d, err := a.store.DraftByID(ctx, at.DraftID)
		if err != nil || d.CitizenID != v.Citizen.ID {
			return at, nil, notFound
		}
	default:
		return at, nil, notFound
	}
	f, err := a.files.Open(at.SHA256)
	if err != nil {
		return at, nil, err
	}
	return at, f, nil
}
