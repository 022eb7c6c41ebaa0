package app

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"net/url"
	"strings"

	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/payment"
	"motcua/internal/pdf"
	"motcua/internal/store"
)

// PaymentConfig is the payment configuration of DESIGN.md §5: MOTCUA_PAYMENT=sandbox|vnpay,
// MOTCUA_VNPAY_TMN_CODE, MOTCUA_VNPAY_SECRET, MOTCUA_VNPAY_URL. Mode "" turns online
// payment off (fees are then paid at the desk only).
type PaymentConfig struct {
	Mode    string
	TmnCode string
	Secret  string
	URL     string
}

// Payment modes.
const (
	PaymentSandbox = "sandbox"
	PaymentVNPAY   = "vnpay"
)

// SandboxPath is where motcua serves its own sandbox gateway (cổng thanh toán thử
// nghiệm) in sandbox mode; its payment URLs point there.
const SandboxPath = "/cong-thanh-toan-thu-nghiem/vnpay"

// ReturnPath is the return URL page (vnp_ReturnUrl) of the VNPAY protocol.
const ReturnPath = "/thanh-toan/ket-qua/vnpay"

// ResolvePaymentConfig fills the sandbox's terminal code and a random secret when they
// are unset, and checks that vnpay mode has all three settings.
func ResolvePaymentConfig(c PaymentConfig) (PaymentConfig, error) {
	switch c.Mode {
	case "":
		return c, nil
	case PaymentSandbox:
		if c.TmnCode == "" {
			c.TmnCode = "MOTCUA01"
		}
		if c.Secret == "" {
			var b [24]byte
			rand.Read(b[:])
			c.Secret = strings.ToUpper(hex.EncodeToString(b[:]))
		}
		return c, nil
	case PaymentVNPAY:
		if c.TmnCode == "" || c.Secret == "" || c.URL == "" {
			return c, errors.New("MOTCUA_PAYMENT=vnpay cần MOTCUA_VNPAY_TMN_CODE, MOTCUA_VNPAY_SECRET và MOTCUA_VNPAY_URL")
		}
		return c, nil
	}
	return c, fmt.Errorf("MOTCUA_PAYMENT phải là sandbox hoặc vnpay, không phải %q", c.Mode)
}

// gateway is the VNPAY adapter for the configuration; the sandbox's URL is the site's own
// sandbox page at base.
func (a *App) gateway(base string) (payment.VNPAY, bool) {
	c := a.cfg.Payment
	switch c.Mode {
	case PaymentSandbox:
		return payment.VNPAY{TmnCode: c.TmnCode, Secret: c.Secret, URL: strings.TrimRight(base, "/") + SandboxPath}, true
	case PaymentVNPAY:
		return payment.VNPAY{TmnCode: c.TmnCode, Secret: c.Secret, URL: c.URL}, true
	}
	return payment.VNPAY{}, false
}

// OnlinePayment reports whether online payment is configured, and whether the gateway
// is motcua's own sandbox.
func (a *App) OnlinePayment() (on, sandbox bool) {
	return a.cfg.Payment.Mode != "", a.cfg.Payment.Mode == PaymentSandbox
}

// FeeStatus is what the desk, the applicant and the officer see about a dossier's fee.
type FeeStatus struct {
	// DueVND is the fee fixed when the dossier was received; 0 when none is due.
	DueVND   int64
	Payments []store.Payment
	// Settled is the payment that discharged the fee (paid or waived), if any.
	Settled *store.Payment
}

// Due reports whether a fee is due and not yet settled.
func (f FeeStatus) Due() bool { return f.DueVND > 0 && f.Settled == nil }

// Label is the payment status in words (trạng thái nộp phí, lệ phí).
func (f FeeStatus) Label() string {
	switch {
	case f.DueVND == 0:
		return "Không phải nộp phí, lệ phí"
	case f.Settled != nil && f.Settled.Status == store.PaymentWaived:
		return "Được miễn phí, lệ phí"
	case f.Settled != nil && f.Settled.Method == store.MethodOnline:
		return "Đã thanh toán trực tuyến"
	case f.Settled != nil:
		return "Đã nộp phí, lệ phí tại quầy"
	}
	for _, p := range f.Payments {
		if p.Status == store.PaymentRefunded {
			return "Đã hoàn trả phí, lệ phí"
		}
	}
	return "Chưa nộp phí, lệ phí"
}

// Code is the payment status as the API names it: "none" (no fee), "due", "paid",
// "waived" or "refunded".
func (f FeeStatus) Code() string {
	switch {
	case f.DueVND == 0:
		return "none"
	case f.Settled != nil && f.Settled.Status == store.PaymentWaived:
		return "waived"
	case f.Settled != nil:
		return "paid"
	}
	for _, p := range f.Payments {
		if p.Status == store.PaymentRefunded {
			return "refunded"
		}
	}
	return "due"
}

// Fee returns the fee status of a stored dossier (no access check: the caller already
// holds the dossier).
func (a *App) Fee(ctx context.Context, d store.StoredDossier) (FeeStatus, error) {
	ps, err := a.store.DossierPayments(ctx, d.Record.Code)
	if err != nil {
		return FeeStatus{}, err
	}
	f := FeeStatus{DueVND: d.Record.FeeVND, Payments: ps}
	for i := range ps {
		if ps[i].Settled() {
			f.Settled = &ps[i]
		}
	}
	return f, nil
}

// feeGate is the payment rule of the process: a dossier that a citizen submitted online
// through motcua, with a fee due, cannot be accepted (the clock does not start) until the
// fee is paid — online or at the desk — or waived, when online payment is configured.
// The fee is collected when the dossier is received (TT 03/2025 lists fee collection
// among the desk's reception duties; Decree 118/2025 Art. 24 governs fees — its exact
// wording is not confirmed here, research/domain.md §1.6). At the counter the officer
// collects it while receiving; an online dossier entered through the API (from another
// portal, which collects its own fees) and a site without a gateway are not held.
func (a *App) feeGate(ctx context.Context, d store.StoredDossier, action dossier.Action) error {
	if action != dossier.ActionAccept || d.Record.Channel != dossier.ChannelOnline || d.Record.FeeVND <= 0 ||
		a.cfg.Payment.Mode == "" {
		return nil
	}
	if _, err := a.store.DossierOwner(ctx, d.Record.Code); fault.Is(err, fault.NotFound) {
		return nil
	} else if err != nil {
		return err
	}
	f, err := a.Fee(ctx, d)
	if err != nil {
		return err
	}
	if f.Due() {
		return fault.New(fault.Conflict, fmt.Sprintf("Hồ sơ chưa nộp phí, lệ phí (%s đồng): chỉ tiếp nhận sau khi người nộp thanh toán trực tuyến, nộp tại quầy hoặc được miễn.", groupDigits(d.Record.FeeVND)))
	}
	return nil
}

// groupDigits writes 50000 as 50.000.
func groupDigits(n int64) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Payer is who asks to pay a dossier's fee online: the citizen who submitted it (signed
// in), or anyone holding the dossier's lookup key (mã tra cứu, printed on the receipt
// and given at submission).
type Payer struct {
	Citizen   *store.Citizen
	LookupKey string
}

// payerDossier returns the dossier the payer may pay, or fault.NotFound (so that codes
// cannot be probed).
func (a *App) payerDossier(ctx context.Context, p Payer, code string) (store.StoredDossier, error) {
	if p.Citizen != nil {
		if d, err := a.CitizenDossier(ctx, *p.Citizen, code); err == nil || p.LookupKey == "" {
			return d, err
		}
	}
	d, err := a.store.Dossier(ctx, strings.TrimSpace(code))
	key := strings.ToUpper(strings.TrimSpace(p.LookupKey))
	if err != nil || key == "" || subtle.ConstantTimeCompare([]byte(d.Record.LookupKey), []byte(key)) != 1 {
		if err != nil && !fault.Is(err, fault.NotFound) {
			return store.StoredDossier{}, err
		}
		return store.StoredDossier{}, fault.New(fault.NotFound, "Không tìm thấy hồ sơ. Vui lòng kiểm tra lại mã hồ sơ và mã tra cứu.")
	}
	return d, nil
}

// StartedPayment is an online payment opened for the gateway.
type StartedPayment struct {
	store.Payment
	PayURL string
}

// StartPayment opens an online payment of the dossier's fee for the applicant and
// returns the signed gateway URL. Refused: online payment not configured (Conflict), no
// fee due or a finished dossier (Conflict), a fee already paid or waived (Conflict).
func (a *App) StartPayment(ctx context.Context, p Payer, code string, o Origin) (StartedPayment, error) {
	d, err := a.payerDossier(ctx, p, code)
	if err != nil {
		return StartedPayment{}, err
	}
	base := a.cfg.BaseURL
	if base == "" {
		base = o.BaseURL
	}
	gw, ok := a.gateway(base)
	if !ok {
		return StartedPayment{}, fault.New(fault.Conflict, "Đơn vị chưa cấu hình thanh toán trực tuyến; vui lòng nộp phí, lệ phí tại Bộ phận Một cửa.")
	}
	if d.Record.FeeVND <= 0 {
		return StartedPayment{}, fault.New(fault.Conflict, "Hồ sơ không phải nộp phí, lệ phí.")
	}
	if d.State.Status.Final() {
		return StartedPayment{}, fault.New(fault.Conflict, "Hồ sơ đã kết thúc, không thể thanh toán.")
	}
	actor := "tra-cuu"
	if p.Citizen != nil {
		actor = p.Citizen.Actor()
	}
	pay, err := a.store.CreatePayment(ctx, store.NewPayment{DossierCode: d.Record.Code, Method: store.MethodOnline,
		Provider: gw.Name(), AmountVND: d.Record.FeeVND, Actor: actor, Role: dossier.RoleApplicant})
	if err != nil {
		return StartedPayment{}, err
	}
	u, err := gw.PayURL(payment.Order{TxnRef: pay.TxnRef, AmountVND: pay.AmountVND,
		Info: "Thanh toan phi le phi ho so " + d.Record.Code, ReturnURL: strings.TrimRight(base, "/") + ReturnPath,
		IP: o.IP, At: a.now()})
	if err != nil {
		return StartedPayment{}, err
	}
	a.log.Info("payment started", "payment", pay.ID, "dossier", pay.DossierCode, "amount_vnd", pay.AmountVND, "request_id", o.RequestID)
	return StartedPayment{Payment: pay, PayURL: u}, nil
}

// GatewayIPN handles a gateway's server-to-server notice (IPN) in the provider's own
// protocol and returns its answer. It is the only call that marks a payment paid. A bad
// signature is 97, an unknown order 01, an order no longer pending 02, another amount
// 04, anything else 99; each attempt is logged with its answer, without card or personal
// data.
func (a *App) GatewayIPN(ctx context.Context, provider string, q url.Values, o Origin) payment.IPNAnswer {
	gw, ok := a.gateway("")
	if !ok || provider != gw.Name() {
		return payment.Answer(payment.RspUnknownFailure)
	}
	ref := q.Get("vnp_TxnRef")
	if len(ref) > 64 {
		ref = ref[:64]
	}
	code := payment.RspUnknownFailure
	defer func() {
		if err := a.store.LogPaymentNotice(context.WithoutCancel(ctx), provider, "ipn", ref, code, o.IP); err != nil {
			a.log.Error("payment notice log", "err", err, "request_id", o.RequestID)
		}
		a.log.Info("payment ipn", "provider", provider, "txn_ref", ref, "rsp_code", code, "request_id", o.RequestID)
	}()
	n, err := gw.Verify(q)
	switch {
	case errors.Is(err, payment.ErrSignature):
		code = payment.RspInvalidSig
		return payment.Answer(code)
	case err != nil:
		return payment.Answer(code)
	}
	res, _, err := a.store.SettlePayment(ctx, store.GatewayNotice{Provider: provider, TxnRef: n.TxnRef, AmountVND: n.AmountVND,
		Success: n.Success, TransactionNo: n.TransactionNo})
	if err != nil {
		a.log.Error("payment ipn", "err", err, "request_id", o.RequestID)
		return payment.Answer(code)
	}
	code = map[store.Settlement]string{store.SettleConfirmed: payment.RspConfirmed, store.SettleNotFound: payment.RspOrderNotFound,
		store.SettleAlready: payment.RspAlreadyDone, store.SettleAmount: payment.RspInvalidAmount}[res]
	return payment.Answer(code)
}

// ReturnView is what the return URL page shows: the gateway's word about the payment
// (verified, never acted upon) and the payment as motcua holds it.
type ReturnView struct {
	// GatewaySuccess is the gateway's result in the return URL.
	GatewaySuccess bool
	Payment        store.Payment
}

// GatewayReturn verifies the signed return URL of the gateway and shows the payment. It
// never marks anything paid: only the IPN does. A query without a valid signature is
// refused (fault.Invalid), and logged.
func (a *App) GatewayReturn(ctx context.Context, provider string, q url.Values, o Origin) (ReturnView, error) {
	gw, ok := a.gateway("")
	if !ok || provider != gw.Name() {
		return ReturnView{}, fault.New(fault.NotFound, "Không có cổng thanh toán này.")
	}
	n, err := gw.Verify(q)
	if err != nil {
		a.log.Warn("payment return refused", "provider", provider, "request_id", o.RequestID)
		_ = a.store.LogPaymentNotice(ctx, provider, "return", "", payment.RspInvalidSig, o.IP)
		return ReturnView{}, fault.New(fault.Invalid, "Kết quả thanh toán không hợp lệ (sai chữ ký). Vui lòng tra cứu hồ sơ để xem trạng thái thanh toán.")
	}
	p, err := a.store.PaymentByTxnRef(ctx, n.TxnRef)
	if err != nil {
		return ReturnView{}, err
	}
	return ReturnView{GatewaySuccess: n.Success, Payment: p}, nil
}

// PaymentFor returns a payment to the officer who sees its dossier, to the citizen who
// submitted it, or to the holder of the dossier's lookup key; any other is not found.
func (a *App) PaymentFor(ctx context.Context, u *org.User, p Payer, id string) (store.Payment, error) {
	pay, err := a.store.Payment(ctx, strings.TrimSpace(id))
	if err != nil {
		return store.Payment{}, err
	}
	if u != nil {
		if _, _, err := a.OfficerDossier(ctx, *u, pay.DossierCode); err != nil {
			return store.Payment{}, err
		}
		return pay, nil
	}
	if _, err := a.payerDossier(ctx, p, pay.DossierCode); err != nil {
		return store.Payment{}, fault.New(fault.NotFound, "Không tìm thấy khoản thanh toán.")
	}
	return pay, nil
}

// DeskPaymentInput is what the officer records at the desk.
type DeskPaymentInput struct {
	// Method is cash, transfer or waiver.
	Method string `json:"method"`
	// Reason is required for a waiver (lý do miễn), e.g. the exempt case and its basis.
	Reason string `json:"reason"`
}

// RecordDeskPayment records at the desk a cash or bank-transfer payment of the dossier's
// fee (with the next receipt number of the unit and year), or waives the fee with a
// reason. One-stop officers, leaders (waivers) and administrators of the dossier's unit;
// audited.
func (a *App) RecordDeskPayment(ctx context.Context, u org.User, code string, in DeskPaymentInput, o Origin) (store.Payment, error) {
	d, _, err := a.OfficerDossier(ctx, u, code)
	if err != nil {
		return store.Payment{}, err
	}
	in.Reason = strings.TrimSpace(in.Reason)
	switch in.Method {
	case store.MethodCash, store.MethodTransfer:
		if err := requireRole(u, org.OneStop, org.Admin); err != nil {
			return store.Payment{}, err
		}
	case store.MethodWaiver:
		if err := requireRole(u, org.OneStop, org.Leader, org.Admin); err != nil {
			return store.Payment{}, err
		}
		if in.Reason == "" || len([]rune(in.Reason)) > 500 {
			return store.Payment{}, fault.WithFields("Cần nêu lý do miễn phí, lệ phí (tối đa 500 ký tự).", map[string]string{"reason": "Cần nêu lý do miễn (tối đa 500 ký tự)."})
		}
	default:
		return store.Payment{}, fault.WithFields("Thông tin nộp phí chưa hợp lệ.", map[string]string{"method": "Hình thức nộp phải là cash, transfer hoặc waiver."})
	}
	if d.Record.UnitCode != u.UnitCode && !u.Has(org.Admin) {
		return store.Payment{}, fault.New(fault.Forbidden, "Chỉ đơn vị tiếp nhận hồ sơ mới thu phí, lệ phí.")
	}
	if d.Record.FeeVND <= 0 {
		return store.Payment{}, fault.New(fault.Conflict, "Hồ sơ không phải nộp phí, lệ phí.")
	}
	role := dossier.RoleOneStop
	if !u.Has(org.OneStop) {
		role = dossier.RoleLeader
		if u.Has(org.Admin) {
			role = dossier.RoleAdmin
		}
	}
	return a.store.CreatePayment(ctx, store.NewPayment{DossierCode: d.Record.Code, Method: in.Method, AmountVND: d.Record.FeeVND,
		Reason: in.Reason, Actor: u.Username, Role: role, Unit: u.UnitCode,
		Audit: officerAudit(u, o, "payment."+in.Method, d.Record.Code, in.Reason)})
}

// RefundPayment marks a paid fee refunded (hoàn trả) with a reason. It is allowed only
// for a dossier refused or withdrawn before its result: fee law (Luật Phí và lệ phí 2015
// and the Ministry of Finance's circulars per fee) generally keeps the fee when the
// service was given; the refund of a fee collected for a dossier refused or withdrawn is
// a local practice not confirmed here. One-stop officers, leaders and administrators;
// audited.
func (a *App) RefundPayment(ctx context.Context, u org.User, code, id, reason string, o Origin) (store.Payment, error) {
	if err := requireRole(u, org.OneStop, org.Leader, org.Admin); err != nil {
		return store.Payment{}, err
	}
	d, _, err := a.OfficerDossier(ctx, u, code)
	if err != nil {
		return store.Payment{}, err
	}
	if s := d.State.Status; s != dossier.StatusRefused && s != dossier.StatusWithdrawn {
		return store.Payment{}, fault.New(fault.Conflict, "Chỉ hoàn trả phí, lệ phí của hồ sơ bị từ chối hoặc đã rút.")
	}
	reason = strings.TrimSpace(reason)
	if reason == "" || len([]rune(reason)) > 500 {
		return store.Payment{}, fault.WithFields("Thông tin hoàn trả chưa hợp lệ.", map[string]string{"reason": "Cần nêu lý do hoàn trả (tối đa 500 ký tự)."})
	}
	pay, err := a.store.Payment(ctx, id)
	if err != nil || pay.DossierCode != d.Record.Code {
		return store.Payment{}, fault.New(fault.NotFound, "Không tìm thấy khoản thanh toán của hồ sơ.")
	}
	return a.store.RefundPayment(ctx, pay.ID, reason, officerAudit(u, o, "payment.refund", d.Record.Code, reason))
}

// SandboxOrder reads a payment URL sent to the sandbox gateway (its signature checked).
func (a *App) SandboxOrder(q url.Values) (payment.GatewayOrder, error) {
	if a.cfg.Payment.Mode != PaymentSandbox {
		return payment.GatewayOrder{}, fault.New(fault.NotFound, "Cổng thanh toán thử nghiệm không được bật.")
	}
	gw, _ := a.gateway("")
	o, err := gw.ReadOrder(q)
	if err != nil {
		return o, fault.New(fault.Invalid, "Yêu cầu thanh toán không hợp lệ (sai chữ ký hoặc thiếu thông tin).")
	}
	if a.now().After(o.Expires) {
		return o, fault.New(fault.Conflict, "Yêu cầu thanh toán đã hết hạn. Vui lòng tạo lại yêu cầu thanh toán.")
	}
	return o, nil
}

// SandboxDecide is the sandbox gateway's decision on an order: it makes the transaction
// (approved or declined by the person on its page), sends the signed IPN through ipn —
// the server-to-server call, which answers in VNPAY's JSON — records the transaction in
// the sandbox's own ledger, and returns the signed return URL to send the browser to.
func (a *App) SandboxDecide(ctx context.Context, q url.Values, approve bool, ipn func(query string) (payment.IPNAnswer, error)) (string, error) {
	o, err := a.SandboxOrder(q)
	if err != nil {
		return "", err
	}
	gw, _ := a.gateway("")
	n, _ := rand.Int(rand.Reader, big.NewInt(90000000))
	txNo := fmt.Sprint(10000000 + n.Int64())
	now := a.now()
	result := gw.ResultQuery(o, approve, txNo, now)
	ans, err := ipn(result)
	if err != nil {
		a.log.Error("sandbox ipn", "err", err)
		ans = payment.Answer(payment.RspUnknownFailure)
	}
	if err := a.store.AddSandboxEntry(ctx, store.SandboxEntry{TransactionNo: txNo, TxnRef: o.TxnRef, AmountVND: o.AmountVND,
		Approved: approve, IPNCode: ans.RspCode, At: now}); err != nil {
		return "", err
	}
	sep := "?"
	if strings.Contains(o.ReturnURL, "?") {
		sep = "&"
	}
	return o.ReturnURL + sep + result, nil
}

// FeeReceipt prints the biên lai thu phí, lệ phí of a desk payment (cash or transfer)
// for an officer who sees the dossier.
func (a *App) FeeReceipt(ctx context.Context, u org.User, code, id string, o Origin) (Form, error) {
	d, _, err := a.OfficerDossier(ctx, u, code)
	if err != nil {
		return Form{}, err
	}
	pay, err := a.store.Payment(ctx, id)
	if err != nil || pay.DossierCode != d.Record.Code || pay.ReceiptNo == 0 {
		return Form{}, fault.New(fault.NotFound, "Không tìm thấy biên lai của hồ sơ.")
	}
	unit, err := a.pdfUnit(ctx, d.Record.UnitCode, pay.PaidAt, o)
	if err != nil {
		return Form{}, err
	}
	method := "Tiền mặt"
	if pay.Method == store.MethodTransfer {
		method = "Chuyển khoản"
	}
	var buf bytes.Buffer
	err = pdf.WriteFeeReceipt(&buf, pdf.FeeReceipt{Unit: unit, Dossier: a.pdfDossier(ctx, d, unit, o),
		Number: store.ReceiptNumber(pay), Date: pay.PaidAt, AmountVND: pay.AmountVND, Method: method,
		Collector: a.OfficerName(ctx, pay.CreatedBy)})
	if err != nil {
		return Form{}, err
	}
	return Form{Name: "bien-lai-" + strings.ReplaceAll(store.ReceiptNumber(pay), "/", "-") + ".pdf", PDF: &buf}, nil
}

// PublicFee is what the public lookup shows about a dossier's fee: the amount and the
// status in words, nothing about who paid or why a fee was waived.
type PublicFee struct {
	DueVND int64
	Label  string
	// CanPay is true when the fee can be paid online now.
	CanPay bool
}

// LookupFee returns the fee of the dossier to the holder of its lookup key.
func (a *App) LookupFee(ctx context.Context, p Payer, code string) (PublicFee, error) {
	d, err := a.payerDossier(ctx, p, code)
	if err != nil {
		return PublicFee{}, err
	}
	f, err := a.Fee(ctx, d)
	if err != nil {
		return PublicFee{}, err
	}
	on, _ := a.OnlinePayment()
	return PublicFee{DueVND: f.DueVND, Label: f.Label(), CanPay: on && f.Due() && !d.State.Status.Final()}, nil
}
