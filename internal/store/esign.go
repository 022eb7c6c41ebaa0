package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"motcua/internal/dossier"
	"motcua/internal/fault"
)

// Purposes of an attachment (Attachment.Purpose).
const (
	// PurposeScan is the digitised copy (bản số hóa) of a paper component, named by DocName.
	PurposeScan = "scan"
	// PurposeResultDraft is an electronic result waiting for the leader's approval.
	PurposeResultDraft = "result_draft"
	// PurposeResult is the electronic result signed by the unit (kết quả điện tử).
	PurposeResult = "result"
	// PurposeResultScan is the digitised copy of a paper result.
	PurposeResultScan = "result_scan"
)

// UnitCertificate is a unit's signing certificate (chứng thư số của cơ quan): the chain
// in PEM, signing certificate first, and the private key sealed by the application.
type UnitCertificate struct {
	UnitCode   string
	Subject    string
	Issuer     string
	Serial     string
	NotBefore  time.Time
	NotAfter   time.Time
	ChainPEM   string
	KeySealed  string
	ImportedBy string
	ImportedAt time.Time
}

// SaveUnitCertificate records the unit's certificate, replacing the one it had, with the
// audit line in the same transaction.
func (s *Store) SaveUnitCertificate(ctx context.Context, c UnitCertificate, audit AuditEntry) error {
	if c.UnitCode == "" || c.ChainPEM == "" || c.KeySealed == "" {
		return fault.New(fault.Invalid, "Chứng thư số không hợp lệ.")
	}
	c.ImportedAt = s.Now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := s.exec(ctx, tx, "UnitCertificateUpsert", c.UnitCode, c.Subject, c.Issuer, c.Serial,
			c.NotBefore.UTC(), c.NotAfter.UTC(), c.ChainPEM, c.KeySealed, c.ImportedBy, c.ImportedAt); err != nil {
			return err
		}
		return s.auditInTx(ctx, tx, audit, c.UnitCode)
	})
}

// UnitCertificate returns the unit's certificate with its sealed key, or fault.NotFound.
func (s *Store) UnitCertificate(ctx context.Context, unit string) (UnitCertificate, error) {
	rows, err := s.query(ctx, s.read, "UnitCertificate", unit)
	if err != nil {
		return UnitCertificate{}, err
	}
	list, err := scanCertificates(rows)
	if err != nil {
		return UnitCertificate{}, err
	}
	if len(list) == 0 {
		return UnitCertificate{}, fault.New(fault.NotFound, "Đơn vị chưa có chứng thư số để ký kết quả điện tử.")
	}
	return list[0], nil
}

// UnitCertificates lists every unit's certificate, without the sealed keys.
func (s *Store) UnitCertificates(ctx context.Context) ([]UnitCertificate, error) {
	rows, err := s.query(ctx, s.read, "UnitCertificates")
	if err != nil {
		return nil, err
	}
	return scanCertificates(rows)
}

func scanCertificates(rows *sql.Rows) ([]UnitCertificate, error) {
	defer rows.Close()
	var out []UnitCertificate
	for rows.Next() {
		var c UnitCertificate
		if err := rows.Scan(&c.UnitCode, &c.Subject, &c.Issuer, &c.Serial, &c.NotBefore, &c.NotAfter,
			&c.ChainPEM, &c.KeySealed, &c.ImportedBy, &c.ImportedAt); err != nil {
			return nil, fmt.Errorf("store: certificates: %w", err)
		}
		c.NotBefore, c.NotAfter, c.ImportedAt = c.NotBefore.UTC(), c.NotAfter.UTC(), c.ImportedAt.UTC()
		out = append(out, c)
	}
	return out, rows.Err()
}

// DossierFiles lists the dossier's files of one purpose, newest first.
func (s *Store) DossierFiles(ctx context.Context, code, purpose string) ([]Attachment, error) {
	rows, err := s.query(ctx, s.read, "AttachmentsOfPurpose", code, purpose)
	if err != nil {
		return nil, err
	}
	return scanAttachments(rows)
}

// attachInTx records files of the dossier code inside tx.
func (s *Store) attachInTx(ctx context.Context, tx *sql.Tx, code string, list []Attachment) error {
	for _, a := range list {
		if len(a.SHA256) != 64 || a.FileName == "" {
			return fault.New(fault.Invalid, "Tệp đính kèm không hợp lệ.")
		}
		var id int64
		if err := s.row(ctx, tx, "", "AttachmentInsert", []any{code, nil, a.DocIndex, a.DocName, a.SHA256, a.Size,
			a.ContentType, a.FileName, a.UploadedKind, a.UploadedBy, s.Now(), a.Purpose, a.ReusedFrom}, &id); err != nil {
			return err
		}
	}
	return nil
}

// RecentDossier is a dossier picked for the demo's digitisation: its code, unit, channel
// and status.
type RecentDossier struct {
	Code, UnitCode string
	Channel        dossier.Channel
	Status         dossier.Status
}

// RecentDossiers lists, for every unit and each of the statuses returned, result ready,
// processing and received, the n dossiers received last before the instant before.
func (s *Store) RecentDossiers(ctx context.Context, before time.Time, n int) ([]RecentDossier, error) {
	rows, err := s.query(ctx, s.read, "RecentDossiersPerUnit", before.UTC(), n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []RecentDossier
	for rows.Next() {
		var d RecentDossier
		if err := rows.Scan(&d.Code, &d.UnitCode, &d.Channel, &d.Status); err != nil {
			return nil, fmt.Errorf("store: recent dossiers: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// ImportAttachments records files of existing dossiers in one transaction (the demo's
// digitised copies); each attachment names its dossier.
func (s *Store) ImportAttachments(ctx context.Context, list []Attachment) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, a := range list {
			if err := s.attachInTx(ctx, tx, a.DossierCode, []Attachment{a}); err != nil {
				return err
			}
		}
		return nil
	})
}
