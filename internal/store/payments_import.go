package store

import (
	"context"
	"database/sql"
)

// importPayments writes the payments of imported dossiers (ids maps their codes to row
// ids) and raises the receipt counters of each unit and year to the highest imported
// receipt number. A payment without an id gets a new one, used as its reference too.
func (s *Store) importPayments(ctx context.Context, tx *sql.Tx, ds []ImportedDossier, ids map[string]int64) error {
	type yearKey struct {
		unit string
		year int
	}
	last := map[yearKey]int{}
	var args, ledger []any
	rows, entries := 0, 0
	for _, d := range ds {
		for _, p := range d.Payments {
			if p.ID == "" {
				p.ID = newPaymentID()
			}
			if p.TxnRef == "" {
				p.TxnRef = p.ID
			}
			if p.ReceiptNo > 0 {
				k := yearKey{d.Record.UnitCode, p.ReceiptYear}
				last[k] = max(last[k], p.ReceiptNo)
			}
			args = append(args, p.ID, ids[d.Record.Code], d.Record.Code, d.Record.UnitCode, p.AmountVND, p.Method, p.Provider,
				p.Status, p.TxnRef, p.ProviderRef, p.ReceiptYear, p.ReceiptNo, p.Reason, p.CreatedBy, p.CreatedAt.UTC(),
				nullTime(p.PaidAt), p.CreatedAt.UTC())
			if d.SandboxLedger && p.Method == MethodOnline && p.Status == PaymentPaid {
				ledger = append(ledger, p.ProviderRef, p.TxnRef, p.AmountVND, 1, "00", p.PaidAt.UTC())
				entries++
			}
			if rows++; rows == 200 {
				if err := s.bulkExec(ctx, tx, "PaymentInsert", rows, args); err != nil {
					return err
				}
				args, rows = args[:0], 0
			}
		}
	}
	if err := s.bulkExec(ctx, tx, "PaymentInsert", rows, args); err != nil {
		return err
	}
	for start := 0; start < entries; start += 200 {
		end := min(start+200, entries)
		if err := s.bulkExec(ctx, tx, "SandboxLedgerImport", end-start, ledger[start*6:end*6]); err != nil {
			return err
		}
	}
	var seqs []any
	for k, n := range last {
		seqs = append(seqs, k.unit, k.year, n)
	}
	return s.bulkExec(ctx, tx, "ReceiptSequenceRaise", len(last), seqs)
}
