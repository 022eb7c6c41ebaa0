package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
	"motcua/internal/fault"
)

// Payment statuses (trạng thái thanh toán). pending, paid, failed and refunded are the
// contract's; waived marks a fee an officer waived (miễn) with a reason.
const (
	PaymentPending  = "pending"
	PaymentPaid     = "paid"
	PaymentFailed   = "failed"
	PaymentRefunded = "refunded"
	PaymentWaived   = "waived"
)

// Payment methods (hình thức nộp).
const (
	MethodOnline   = "online"   // through a payment gateway
	MethodCash     = "cash"     // tiền mặt tại quầy
	MethodTransfer = "transfer" // chuyển khoản, recorded at the desk
	MethodWaiver   = "waiver"   // miễn phí, lệ phí by an officer, with a reason
)

// Payment is one payment (or waiver) of a dossier's fee.
type Payment struct {
	ID          string    `json:"id"`
	DossierCode string    `json:"dossier_code"`
	UnitCode    string    `json:"unit_code"`
	AmountVND   int64     `json:"amount_vnd"`
	Method      string    `json:"method"`
	Provider    string    `json:"provider,omitempty"`
	Status      string    `json:"status"`
	TxnRef      string    `json:"txn_ref"`
	ProviderRef string    `json:"provider_ref"`
	ReceiptYear int       `json:"receipt_year,omitempty"`
	ReceiptNo   int       `json:"receipt_no,omitempty"`
	Reason      string    `json:"reason,omitempty"`
	CreatedBy   string    `json:"created_by"`
	CreatedAt   time.Time `json:"created_at"`
	PaidAt      time.Time `json:"paid_at,omitzero"`
	RefundedAt  time.Time `json:"refunded_at,omitzero"`
}

// Settled reports whether the payment discharges the fee (paid or waived).
func (p Payment) Settled() bool { return p.Status == PaymentPaid || p.Status == PaymentWaived }

// NewPayment is what CreatePayment records.
type NewPayment struct {
	DossierCode string
	// Method is MethodOnline (a pending payment is opened for the gateway), or a desk
	// method (cash, transfer, waiver) settled at once.
	Method    string
	Provider  string
	AmountVND int64
	Reason    string
	// Actor, Role and Unit identify who records it (the applicant's account, or the
	// officer); they go into the dossier event of a settled payment.
	Actor string
	Role  dossier.Role
	Unit  string
	Audit AuditEntry
}

// errPaid answers a payment asked for a dossier whose fee is already settled.
var errPaid = fault.New(fault.Conflict, "Hồ sơ đã được thanh toán phí, lệ phí (hoặc đã được miễn); không tạo thêm khoản thanh toán.")

// newPaymentID is a random identifier of 20 hex digits, also used as the gateway
// reference (vnp_TxnRef) of an online payment.
func newPaymentID() string {
	var b [10]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// CreatePayment records a payment of the dossier: an online one is opened pending; a
// desk one (cash or transfer, with the next receipt number of the unit and year, or a
// waiver) is settled at once and appended to the dossier as a payment event, in one
// transaction with the audit line. A dossier already settled answers fault.Conflict.
func (s *Store) CreatePayment(ctx context.Context, n NewPayment) (Payment, error) {
	var out Payment
	_, err := retryVersion(ctx, func() (StoredDossier, error) {
		cur, err := s.loadDossier(ctx, s.read, n.DossierCode)
		if err != nil {
			return StoredDossier{}, err
		}
		now := s.Now()
		p := Payment{ID: newPaymentID(), DossierCode: cur.Record.Code, UnitCode: cur.Record.UnitCode,
			AmountVND: n.AmountVND, Method: n.Method, Provider: n.Provider, Status: PaymentPending,
			Reason: n.Reason, CreatedBy: n.Actor, CreatedAt: now}
		p.TxnRef = p.ID
		var next dossier.Dossier
		var st dossier.State
		if n.Method != MethodOnline {
			p.Status, p.PaidAt = PaymentPaid, now
			if n.Method == MethodWaiver {
				p.Status = PaymentWaived
			}
			cal, err := s.UnitCalendar(ctx, cur.Dossier.UnitCode)
			if err != nil {
				return StoredDossier{}, err
			}
			next, st, err = dossier.RecordPayment(cur.Dossier, cal, n.Actor, n.Role, n.Unit, n.AmountVND, "", paymentNote(p), now)
			if err != nil {
				return StoredDossier{}, err
			}
		}
		err = s.inTx(ctx, func(tx *sql.Tx) error {
			var settled int
			if err := s.row(ctx, tx, "", "PaymentSettledCount", []any{cur.Record.ID}, &settled); err != nil {
				return err
			}
			if settled > 0 {
				return errPaid
			}
			if n.Method == MethodCash || n.Method == MethodTransfer {
				p.ReceiptYear = now.In(calendar.Zone()).Year()
				if err := s.row(ctx, tx, "", "ReceiptSequenceNext", []any{p.UnitCode, p.ReceiptYear}, &p.ReceiptNo); err != nil {
					return err
				}
				p.ProviderRef = ReceiptNumber(p)
			}
			// A waiver takes the fee out of the dossiers with a fee due.
			if err := s.withPaymentMarks(ctx, tx, cur.Record.ID, func() error {
				_, err := s.exec(ctx, tx, "PaymentInsert", p.ID, cur.Record.ID, p.DossierCode, p.UnitCode, p.AmountVND,
					p.Method, p.Provider, p.Status, p.TxnRef, p.ProviderRef, p.ReceiptYear, p.ReceiptNo, p.Reason,
					p.CreatedBy, p.CreatedAt, nullTime(p.PaidAt), now)
				return err
			}); err != nil {
				return err
			}
			if n.Method != MethodOnline {
				e := &next.Events[len(next.Events)-1]
				e.PaymentRef = p.ProviderRef
				if err := s.appendSystemEvent(ctx, tx, cur, *e, st); err != nil {
					return err
				}
			}
			return s.auditInTx(ctx, tx, n.Audit, p.DossierCode)
		})
		if err != nil {
			return StoredDossier{}, err
		}
		out = p
		return cur, nil
	})
	return out, err
}

// ReceiptNumber is the printed number of a desk receipt: NNNNNNN/YYYY, numbered per
// unit and year.
func ReceiptNumber(p Payment) string {
	if p.ReceiptNo == 0 {
		return ""
	}
	return fmt.Sprintf("%07d/%d", p.ReceiptNo, p.ReceiptYear)
}

// paymentNote is the dossier event's note for a payment: method and amount, no
// personal data.
func paymentNote(p Payment) string {
	switch p.Method {
	case MethodOnline:
		return "Thanh toán trực tuyến qua cổng thanh toán " + p.Provider
	case MethodCash:
		return "Nộp tiền mặt tại quầy"
	case MethodTransfer:
		return "Nộp bằng chuyển khoản"
	case MethodWaiver:
		return "Miễn phí, lệ phí: " + p.Reason
	}
	return ""
}

// appendSystemEvent appends the event e (already decided against cur) inside tx and
// updates the projection to st, or returns errVersion when another action won the race.
func (s *Store) appendSystemEvent(ctx context.Context, tx *sql.Tx, cur StoredDossier, e dossier.Event, st dossier.State) error {
	if err := s.insertEvent(ctx, tx, cur.Record.ID, e); err != nil {
		if fault.Is(err, fault.Conflict) {
			return errVersion
		}
		return err
	}
	res, err := s.exec(ctx, tx, "DossierProjectionUpdate",
		string(st.Status), st.Step, string(st.StepRole), st.Unit, st.Assignee,
		nullTime(st.SubmittedAt), nullTime(st.ReceivedAt), nullTime(st.DueAt), nullTime(st.FinishedAt),
		nullTime(st.ReturnedAt), st.Supplements, st.Version, e.At.UTC(), nullTime(st.OriginalDueAt),
		cur.Record.ID, cur.Dossier.Version())
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("store: dossier %s: %w", cur.Record.Code, err)
	} else if n == 0 {
		return errVersion
	}
	return s.countChange(ctx, tx, cur, st)
}

// Settlement is the outcome of a gateway's notice (SettlePayment).
type Settlement string

// The outcomes of SettlePayment, each answered with its code by the gateway adapter.
const (
	SettleConfirmed Settlement = "confirmed"      // recorded: paid, or failed as reported
	SettleNotFound  Settlement = "not_found"      // no payment has the reference
	SettleAlready   Settlement = "already"        // the payment was settled before
	SettleAmount    Settlement = "invalid_amount" // the amount differs from the payment's
)

// GatewayNotice is a verified notice of a gateway about one payment.
type GatewayNotice struct {
	Provider      string
	TxnRef        string
	AmountVND     int64
	Success       bool
	TransactionNo string
}

// SettlePayment applies a gateway's verified notice: an unknown reference is
// SettleNotFound, a payment no longer pending SettleAlready, another amount
// SettleAmount — none of them changes anything. Otherwise the payment becomes paid (with
// the gateway's transaction number and a payment event on the dossier, in one
// transaction) or failed. The pending → paid update is conditional, so concurrent
// duplicate notices mark the payment paid once; the others see SettleAlready. A dossier
// already finished (withdrawn, refused) takes the payment without an event.
func (s *Store) SettlePayment(ctx context.Context, n GatewayNotice) (Settlement, Payment, error) {
	var outcome Settlement
	var out Payment
	_, err := retryVersion(ctx, func() (StoredDossier, error) {
		p, err := s.paymentBy(ctx, s.read, "PaymentByTxnRef", n.TxnRef)
		if isNotFound(err) || err == nil && p.Provider != n.Provider {
			outcome = SettleNotFound
			return StoredDossier{}, nil
		}
		if err != nil {
			return StoredDossier{}, err
		}
		out = p
		switch {
		case p.Status != PaymentPending:
			outcome = SettleAlready
			return StoredDossier{}, nil
		case p.AmountVND != n.AmountVND:
			outcome = SettleAmount
			return StoredDossier{}, nil
		}
		now := s.Now()
		status := PaymentFailed
		var cur StoredDossier
		var next dossier.Dossier
		var st dossier.State
		record := false
		if n.Success {
			status = PaymentPaid
			cur, err = s.loadDossier(ctx, s.read, p.DossierCode)
			if err != nil {
				return StoredDossier{}, err
			}
			cal, err := s.UnitCalendar(ctx, cur.Dossier.UnitCode)
			if err != nil {
				return StoredDossier{}, err
			}
			p.Status = PaymentPaid
			next, st, err = dossier.RecordPayment(cur.Dossier, cal, "cong-thanh-toan", dossier.RoleApplicant, "",
				p.AmountVND, n.TransactionNo, paymentNote(p), now)
			record = err == nil
			if err != nil && !fault.Is(err, fault.Conflict) {
				return StoredDossier{}, err
			}
		}
		outcome = SettleConfirmed
		err = s.inTx(ctx, func(tx *sql.Tx) error {
			paidAt := any(nil)
			if n.Success {
				paidAt = now
			}
			// An online payment paid marks the dossier paid online, with or without an event.
			var dossierID int64
			if err := s.row(ctx, tx, "Không tìm thấy khoản thanh toán.", "PaymentDossierID", []any{p.ID}, &dossierID); err != nil {
				return err
			}
			if err := s.withPaymentMarks(ctx, tx, dossierID, func() error {
				res, err := s.exec(ctx, tx, "PaymentSettle", status, n.TransactionNo, paidAt, now, p.ID)
				if err != nil {
					return err
				}
				if k, err := res.RowsAffected(); err != nil {
					return err
				} else if k == 0 {
					return errSettled
				}
				return nil
			}); err != nil {
				return err
			}
			if record {
				return s.appendSystemEvent(ctx, tx, cur, next.Events[len(next.Events)-1], st)
			}
			return nil
		})
		if errors.Is(err, errSettled) {
			outcome = SettleAlready
			return StoredDossier{}, nil
		}
		if err != nil {
			return StoredDossier{}, err
		}
		out.Status, out.ProviderRef = status, n.TransactionNo
		if n.Success {
			out.PaidAt = now
		}
		return cur, nil
	})
	return outcome, out, err
}

// errSettled: another notice settled the payment first.
var errSettled = errors.New("store: payment already settled")

// RefundPayment marks a paid payment refunded (hoàn trả) with the reason, with the
// audit line; one not paid answers fault.Conflict. The daily counts do not change: an
// online payment refunded still counts as paid online (PaymentMarks).
func (s *Store) RefundPayment(ctx context.Context, id, reason string, audit AuditEntry) (Payment, error) {
	now := s.Now()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := s.exec(ctx, tx, "PaymentRefund", reason, now, now, id)
		if err != nil {
			return err
		}
		if k, err := res.RowsAffected(); err != nil {
			return err
		} else if k == 0 {
			return fault.New(fault.Conflict, "Chỉ khoản đã thanh toán mới được hoàn trả.")
		}
		return s.auditInTx(ctx, tx, audit, id)
	})
	if err != nil {
		return Payment{}, err
	}
	return s.Payment(ctx, id)
}

// Payment returns the payment with the id, or fault.NotFound.
func (s *Store) Payment(ctx context.Context, id string) (Payment, error) {
	return s.paymentBy(ctx, s.read, "PaymentByID", id)
}

// PaymentByTxnRef returns the payment with the gateway reference, or fault.NotFound.
func (s *Store) PaymentByTxnRef(ctx context.Context, ref string) (Payment, error) {
	return s.paymentBy(ctx, s.read, "PaymentByTxnRef", ref)
}

func (s *Store) paymentBy(ctx context.Context, db querier, query, key string) (Payment, error) {
	var p Payment
	var paid, refunded sql.NullTime
	err := s.row(ctx, db, "Không tìm thấy khoản thanh toán.", query, []any{key},
		&p.ID, &p.DossierCode, &p.UnitCode, &p.AmountVND, &p.Method, &p.Provider, &p.Status, &p.TxnRef, &p.ProviderRef,
		&p.ReceiptYear, &p.ReceiptNo, &p.Reason, &p.CreatedBy, &p.CreatedAt, &paid, &refunded)
	p.CreatedAt, p.PaidAt, p.RefundedAt = p.CreatedAt.UTC(), timeOf(paid), timeOf(refunded)
	return p, err
}

func (s *Store) payments(ctx context.Context, query string, args ...any) ([]Payment, error) {
	rows, err := s.query(ctx, s.read, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Payment
	for rows.Next() {
		var p Payment
		var paid, refunded sql.NullTime
		if err := rows.Scan(&p.ID, &p.DossierCode, &p.UnitCode, &p.AmountVND, &p.Method, &p.Provider, &p.Status,
			&p.TxnRef, &p.ProviderRef, &p.ReceiptYear, &p.ReceiptNo, &p.Reason, &p.CreatedBy, &p.CreatedAt,
			&paid, &refunded); err != nil {
			return nil, fmt.Errorf("store: payments: %w", err)
		}
		p.CreatedAt, p.PaidAt, p.RefundedAt = p.CreatedAt.UTC(), timeOf(paid), timeOf(refunded)
		out = append(out, p)
	}
	return out, rows.Err()
}

// DossierPayments lists the payments of a dossier, oldest first.
func (s *Store) DossierPayments(ctx context.Context, code string) ([]Payment, error) {
	return s.payments(ctx, "PaymentsOfDossier", code)
}

// PaidOnline lists the online payments of the unit and the units below it paid in
// [from, to).
func (s *Store) PaidOnline(ctx context.Context, unit string, from, to time.Time) ([]Payment, error) {
	return s.payments(ctx, "PaymentsPaidOnline", unit, from.UTC(), to.UTC())
}

// LogPaymentNotice logs one notice of a gateway (kind "ipn" or "return") with the
// answer given, without card or personal data.
func (s *Store) LogPaymentNotice(ctx context.Context, provider, kind, txnRef, code, ip string) error {
	_, err := s.exec(ctx, s.write, "PaymentNoticeInsert", s.Now(), provider, kind, txnRef, code, ip)
	return err
}

// PaymentNoticeCount counts the logged notices of the reference answered with code.
func (s *Store) PaymentNoticeCount(ctx context.Context, txnRef, code string) (int, error) {
	var n int
	err := s.row(ctx, s.read, "", "PaymentNoticeCount", []any{txnRef, code}, &n)
	return n, err
}

// SandboxEntry is one transaction in the sandbox gateway's own ledger (sổ giao dịch).
type SandboxEntry struct {
	TransactionNo string
	TxnRef        string
	AmountVND     int64
	Approved      bool
	// IPNCode is motcua's answer to the sandbox's IPN (RspCode).
	IPNCode string
	At      time.Time
}

// AddSandboxEntry records a transaction of the sandbox gateway.
func (s *Store) AddSandboxEntry(ctx context.Context, e SandboxEntry) error {
	_, err := s.exec(ctx, s.write, "SandboxLedgerInsert", e.TransactionNo, e.TxnRef, e.AmountVND, flag(e.Approved), e.IPNCode, e.At.UTC())
	return err
}

// SandboxEntries lists the sandbox gateway's transactions made in [from, to).
func (s *Store) SandboxEntries(ctx context.Context, from, to time.Time) ([]SandboxEntry, error) {
	rows, err := s.query(ctx, s.read, "SandboxLedgerList", from.UTC(), to.UTC())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SandboxEntry
	for rows.Next() {
		var e SandboxEntry
		var ok int
		if err := rows.Scan(&e.TransactionNo, &e.TxnRef, &e.AmountVND, &ok, &e.IPNCode, &e.At); err != nil {
			return nil, fmt.Errorf("store: sandbox ledger: %w", err)
		}
		e.Approved, e.At = ok == 1, e.At.UTC()
		out = append(out, e)
	}
	return out, rows.Err()
}

// PaymentCounts are the counts behind QĐ 766 indicators 3.4 and 3.6 for a unit's subtree
// and period.
type PaymentCounts struct {
	// FeeDossiers are the dossiers received in the period with a fee due (fee > 0, not
	// waived); PaidOnline those of them paid online.
	FeeDossiers, PaidOnline int
	// FeeProcedures are the procedures of FeeDossiers; PaidProcedures those with at
	// least one dossier paid online.
	FeeProcedures, PaidProcedures int
}

// PaymentMeasures counts the fee-bearing dossiers of the unit and the units below it
// received in [from, to), and those paid online.
func (s *Store) PaymentMeasures(ctx context.Context, unit string, from, to time.Time) (PaymentCounts, error) {
	var c PaymentCounts
	err := s.row(ctx, s.read, "", "PaymentMeasures", []any{unit, from.UTC(), to.UTC()},
		&c.FeeDossiers, &c.PaidOnline, &c.FeeProcedures, &c.PaidProcedures)
	return c, err
}
