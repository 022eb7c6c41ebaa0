package store

import (
	"context"
	"database/sql"
	"fmt"

	"motcua/internal/dossier"
	"motcua/internal/report"
)

// The payment marks of the maintained counts (QĐ 766 indicators 3.4 and 3.6): a dossier
// received with a fee due and, among those, one paid online (report.Dossier FeeDue and
// PaidOnline). They depend on the dossier's payments as well as its state, so every
// write of payments that can change them re-applies the dossier's contribution
// (withPaymentMarks), as the dossier's actions do for its state (countChange).

// PaymentMarks returns the payment marks of a dossier with the fee feeVND and the
// payments: a fee is due (phí, lệ phí) when it is above zero and no payment waived it;
// it was paid online when an online payment was paid, even if refunded since. These
// are the rules of the per-dossier count (PaymentMeasures).
func PaymentMarks(feeVND int64, ps []Payment) (feeDue, paidOnline bool) {
	waived := false
	for _, p := range ps {
		switch {
		case p.Status == PaymentWaived:
			waived = true
		case p.Method == MethodOnline && (p.Status == PaymentPaid || p.Status == PaymentRefunded):
			paidOnline = true
		}
	}
	return marksOf(feeVND, waived, paidOnline)
}

// marksOf turns a fee and whether it was waived and paid online into the marks.
func marksOf(feeVND int64, waived, online bool) (feeDue, paidOnline bool) {
	feeDue = feeVND > 0 && !waived
	return feeDue, feeDue && online
}

// countedSummary is the dossier's summary for the counts with its payment marks.
func countedSummary(d dossier.Dossier, st dossier.State, feeDue, paidOnline bool) report.Dossier {
	sum := report.FromState(d, st, "")
	sum.FeeDue, sum.PaidOnline = feeDue, paidOnline
	return sum
}

// storedPaymentMarks reads the payment marks of the dossier with the id and fee inside
// db: the payments of the transaction, with those committed by others.
func (s *Store) storedPaymentMarks(ctx context.Context, db querier, id, feeVND int64) (feeDue, paidOnline bool, err error) {
	if feeVND <= 0 {
		return false, false, nil
	}
	var waived, online int
	if err := s.row(ctx, db, "", "DossierPaymentMarks", []any{id}, &waived, &online); err != nil {
		return false, false, err
	}
	feeDue, paidOnline = marksOf(feeVND, waived == 1, online == 1)
	return feeDue, paidOnline, nil
}

// withPaymentMarks runs write, a change of the payments of the dossier with the id,
// inside tx, and applies the change it makes to the dossier's contribution to the daily
// counts. The dossier's row is locked first (on PostgreSQL), so that its actions and
// the other writes of its payments apply their changes one after the other; its state
// is the one before any event the transaction appends (whose countChange then reads the
// new marks on both sides).
func (s *Store) withPaymentMarks(ctx context.Context, tx *sql.Tx, id int64, write func() error) error {
	var (
		sum                 report.Dossier
		unit, procedure     string
		channel, status     string
		rec, fin, orig, due sql.NullTime
		supplements         int
		fee                 int64
	)
	if err := s.row(ctx, tx, "Không tìm thấy hồ sơ.", "DossierCountsLock", []any{id},
		&unit, &procedure, &channel, &status, &rec, &fin, &orig, &due, &supplements, &fee); err != nil {
		return err
	}
	if orig.Valid {
		due = orig
	}
	sum = report.Dossier{UnitCode: unit, ProcedureCode: procedure, Channel: dossier.Channel(channel),
		Status: dossier.Status(status), ReceivedAt: timeOf(rec), FinishedAt: timeOf(fin), OriginalDueAt: timeOf(due),
		Supplements: supplements}
	var err error
	if sum.FeeDue, sum.PaidOnline, err = s.storedPaymentMarks(ctx, tx, id, fee); err != nil {
		return err
	}
	if err := write(); err != nil {
		return err
	}
	after := sum
	if after.FeeDue, after.PaidOnline, err = s.storedPaymentMarks(ctx, tx, id, fee); err != nil {
		return err
	}
	if after == sum {
		return nil
	}
	if err := s.applyCounts(ctx, tx, report.ContributionDiff(sum, after)); err != nil {
		return fmt.Errorf("store: payment counts: %w", err)
	}
	return nil
}
