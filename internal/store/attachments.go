package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"motcua/internal/fault"
)

// Kinds of uploader of an attachment.
const (
	UploaderOfficer = "officer"
	UploaderCitizen = "citizen"
)

// Attachment is a tệp đính kèm of a dossier or of a draft: the metadata of a file kept on
// disk under its SHA-256 (package files). DocIndex is the index of the document
// (thành phần hồ sơ) in the procedure, -1 for a supplement or an officer's file.
type Attachment struct {
	ID          int64  `json:"id"`
	DossierCode string `json:"dossier_code,omitempty"`
	DraftID     int64  `json:"-"`
	DocIndex    int    `json:"document_index"`
	DocName     string `json:"document_name"`
	SHA256      string `json:"sha256"`
	Size        int64  `json:"size"`
	ContentType string `json:"content_type"`
	FileName    string `json:"file_name"`
	// UploadedKind is UploaderOfficer or UploaderCitizen; UploadedBy the username or the
	// citizen's id.
	UploadedKind string    `json:"uploaded_kind"`
	UploadedBy   string    `json:"uploaded_by"`
	CreatedAt    time.Time `json:"created_at"`
	// Purpose is what the file is for (PurposeScan, PurposeResult, …); empty for an
	// ordinary file of the dossier.
	Purpose string `json:"purpose,omitempty"`
	// ReusedFrom is the dossier whose stored document the citizen reused for this one
	// (tái sử dụng từ kho dữ liệu); empty when uploaded anew.
	ReusedFrom string `json:"reused_from,omitempty"`
}

// AddAttachment records a file stored on disk for a dossier (DossierCode) or a draft
// (DraftID) and returns it with its id. A citizen's upload that would take the account
// past its storage quota (SetCitizenQuota) is a fault.TooLarge. The audit line, when it
// has an action, is written in the same transaction (its target defaults to the
// dossier code).
func (s *Store) AddAttachment(ctx context.Context, a Attachment, audit AuditEntry) (Attachment, error) {
	if (a.DossierCode == "") == (a.DraftID == 0) {
		return Attachment{}, fault.New(fault.Invalid, "Tệp đính kèm phải thuộc một hồ sơ hoặc một hồ sơ nháp.")
	}
	if len(a.SHA256) != 64 || strings.TrimSpace(a.FileName) == "" {
		return Attachment{}, fault.New(fault.Invalid, "Tệp đính kèm không hợp lệ.")
	}
	a.CreatedAt = s.Now()
	var code, draft any
	if a.DossierCode != "" {
		code = a.DossierCode
	} else {
		draft = a.DraftID
	}
	args := []any{code, draft, a.DocIndex, a.DocName, a.SHA256, a.Size,
		a.ContentType, a.FileName, a.UploadedKind, a.UploadedBy, a.CreatedAt, a.Purpose, a.ReusedFrom}
	if id, ok := CitizenOfActor(a.UploadedBy); ok && a.UploadedKind == UploaderCitizen {
		return s.addCitizenAttachment(ctx, id, a, args)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.row(ctx, tx, "", "AttachmentInsert", args, &a.ID); err != nil {
			return err
		}
		return s.auditInTx(ctx, tx, audit, a.DossierCode)
	})
	return a, err
}

// AttachmentByID returns an attachment, or fault.NotFound.
func (s *Store) AttachmentByID(ctx context.Context, id int64) (Attachment, error) {
	rows, err := s.query(ctx, s.read, "AttachmentByID", id)
	if err != nil {
		return Attachment{}, err
	}
	list, err := scanAttachments(rows)
	if err != nil {
		return Attachment{}, err
	}
	if len(list) == 0 {
		return Attachment{}, fault.New(fault.NotFound, "Không tìm thấy tệp đính kèm.")
	}
	return list[0], nil
}

// DossierAttachments lists the files of a dossier in upload order.
func (s *Store) DossierAttachments(ctx context.Context, code string) ([]Attachment, error) {
	rows, err := s.query(ctx, s.read, "AttachmentsOfDossier", code)
	if err != nil {
		return nil, err
	}
	return scanAttachments(rows)
}

// DraftAttachments lists the files of a draft in upload order.
func (s *Store) DraftAttachments(ctx context.Context, draftID int64) ([]Attachment, error) {
	rows, err := s.query(ctx, s.write, "AttachmentsOfDraft", draftID)
	if err != nil {
		return nil, err
	}
	return scanAttachments(rows)
}

// DeleteDraftAttachment removes a file from a draft (the file stays on disk: another
// attachment may share its content).
func (s *Store) DeleteDraftAttachment(ctx context.Context, draftID, id int64) error {
	_, err := s.exec(ctx, s.write, "AttachmentDeleteFromDraft", id, draftID)
	return err
}

// AttachmentBytes is the total size of the files of a dossier (code) or of a draft
// (draftID when code is empty), for the per-dossier limit.
func (s *Store) AttachmentBytes(ctx context.Context, code string, draftID int64) (int64, error) {
	var n int64
	var err error
	if code != "" {
		err = s.row(ctx, s.write, "", "AttachmentBytesOfDossier", []any{code}, &n)
	} else {
		err = s.row(ctx, s.write, "", "AttachmentBytesOfDraft", []any{draftID}, &n)
	}
	return n, err
}

func scanAttachments(rows *sql.Rows) ([]Attachment, error) {
	defer rows.Close()
	var out []Attachment
	for rows.Next() {
		var a Attachment
		var code sql.NullString
		var draft sql.NullInt64
		if err := rows.Scan(&a.ID, &code, &draft, &a.DocIndex, &a.DocName, &a.SHA256, &a.Size, &a.ContentType,
			&a.FileName, &a.UploadedKind, &a.UploadedBy, &a.CreatedAt, &a.Purpose, &a.ReusedFrom); err != nil {
			return nil, fmt.Errorf("store: attachments: %w", err)
		}
		a.DossierCode, a.DraftID = code.String, draft.Int64
		a.CreatedAt = a.CreatedAt.UTC()
		out = append(out, a)
	}
	return out, rows.Err()
}
