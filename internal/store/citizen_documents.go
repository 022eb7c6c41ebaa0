package store

import (
	"context"
	"database/sql"

	"motcua/internal/fault"
)

// CitizenDocuments lists a citizen's documents store (kho dữ liệu): the files they
// uploaded for the components of their dossiers and the signed results of those
// dossiers, newest first, without those they removed or reused copies.
func (s *Store) CitizenDocuments(ctx context.Context, citizenID int64) ([]Attachment, error) {
	rows, err := s.query(ctx, s.read, "CitizenDocuments", citizenID)
	if err != nil {
		return nil, err
	}
	return scanAttachments(rows)
}

// CitizenDocument returns one document of the citizen's store, or fault.NotFound.
func (s *Store) CitizenDocument(ctx context.Context, citizenID, id int64) (Attachment, error) {
	list, err := s.CitizenDocuments(ctx, citizenID)
	if err != nil {
		return Attachment{}, err
	}
	for _, a := range list {
		if a.ID == id {
			return a, nil
		}
	}
	return Attachment{}, fault.New(fault.NotFound, "Không tìm thấy giấy tờ trong kho dữ liệu của bạn.")
}

// RemoveCitizenDocument takes a document out of the citizen's store, with the audit line
// in the same transaction; the dossier it belongs to keeps its file.
func (s *Store) RemoveCitizenDocument(ctx context.Context, citizenID, id int64, audit AuditEntry) error {
	if _, err := s.CitizenDocument(ctx, citizenID, id); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := s.exec(ctx, tx, "CitizenDocumentRemove", citizenID, id, s.Now()); err != nil {
			return err
		}
		return s.auditInTx(ctx, tx, audit, "")
	})
}
