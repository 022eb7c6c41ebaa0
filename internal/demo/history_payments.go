package demo

import (
	"fmt"
	"hash/fnv"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
	"motcua/internal/store"
)

// payFee pays the dossier's fee a few minutes after it arrived: an online dossier mostly
// through the gateway (four in five), otherwise in cash at the desk before acceptance; a
// counter dossier in cash or by transfer. The choice comes from the dossier code, not
// from the history's random stream, so that adding payments changed no other dossier.
func (l *life) payFee(fee int64, arrived time.Time) {
	if fee <= 0 || l.err != nil || l.stopped {
		return
	}
	at := arrived.Add(3 * time.Minute)
	if !at.Before(l.g.cutoff) {
		l.stopped = true
		return
	}
	h := fnv.New32a()
	h.Write([]byte(l.d.Code))
	n := h.Sum32()
	p := store.Payment{AmountVND: fee, Status: store.PaymentPaid, CreatedAt: at, PaidAt: at}
	actor, role, unit, note := l.g.vol.Staff+".motcua", dossier.RoleOneStop, l.g.vol.Unit, "Nộp tiền mặt tại quầy"
	switch {
	case l.d.Channel == dossier.ChannelOnline && n%100 < 80:
		p.Method, p.Provider, p.ProviderRef = store.MethodOnline, "vnpay", transactionNo(l.d.Code)
		actor, role, unit, note = "cong-thanh-toan", dossier.RoleApplicant, "", "Thanh toán trực tuyến qua cổng thanh toán vnpay"
	case l.d.Channel != dossier.ChannelOnline && n%100 >= 75:
		p.Method, note = store.MethodTransfer, "Nộp bằng chuyển khoản"
	default:
		p.Method = store.MethodCash
	}
	p.CreatedBy = actor
	d, st, err := dossier.RecordPayment(l.d, l.g.cal, actor, role, unit, fee, p.ProviderRef, note, at)
	if err != nil {
		l.err = err
		return
	}
	l.d, l.st = d, st
	l.payments = append(l.payments, p)
}

// numberReceipts gives the desk payments of the dossier their receipt numbers, in the
// unit's sequence of their year, and writes the number into the payment event.
func (g *unitHistory) numberReceipts(d *store.ImportedDossier, ps []store.Payment) {
	if g.receipts == nil {
		g.receipts = receiptBook{}
	}
	d.Payments = ps
	g.receipts.number(d)
	// The demo's sandbox gateway keeps these transactions in its ledger too.
	d.SandboxLedger = true
}

// receiptBook is a unit's numbering of desk receipts (biên lai): the last number given
// in each year.
type receiptBook map[int]int

// number gives the desk payments of the dossier the next numbers of their year and
// writes each number into its payment event.
func (b receiptBook) number(d *store.ImportedDossier) {
	for i := range d.Payments {
		p := &d.Payments[i]
		if p.Method != store.MethodCash && p.Method != store.MethodTransfer {
			continue
		}
		p.ReceiptYear = p.PaidAt.In(calendar.Zone()).Year()
		b[p.ReceiptYear]++
		p.ReceiptNo = b[p.ReceiptYear]
		p.ProviderRef = store.ReceiptNumber(*p)
		for j := range d.Dossier.Events {
			e := &d.Dossier.Events[j]
			if e.Action == dossier.ActionPayment && e.At.Equal(p.PaidAt) {
				e.PaymentRef = p.ProviderRef
			}
		}
	}
}

// transactionNo is the gateway's transaction number of a demo payment: digits unique per
// dossier code (day, sequence and a digest of the unit).
func transactionNo(code string) string {
	unit, day, seq, err := dossier.ParseCode(code)
	if err != nil {
		return "0"
	}
	h := fnv.New32a()
	h.Write([]byte(unit))
	return fmt.Sprintf("%02d%02d%02d%04d%03d", day.Year%100, day.Month, day.Day, seq, h.Sum32()%1000)
}
