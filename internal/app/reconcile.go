package app

import (
	"context"
	"sort"

	"motcua/internal/calendar"
	"motcua/internal/org"
	"motcua/internal/store"
)

// ReconcileDay is one day (UTC+7) of the reconciliation of online payments (đối soát):
// what motcua recorded as paid against what the gateway recorded.
type ReconcileDay struct {
	Date           string
	Paid           int
	PaidVND        int64
	Gateway        int
	GatewayVND     int64
	HasGatewayData bool
}

// Mismatch is one transaction on which motcua and the gateway disagree.
type Mismatch struct {
	TxnRef      string
	DossierCode string
	AmountVND   int64
	// Problem says what differs, in Vietnamese.
	Problem string
}

// Reconciliation is the daily reconciliation report of a unit (and the units below it).
type Reconciliation struct {
	Unit       org.Unit
	From, To   string
	Days       []ReconcileDay
	Mismatches []Mismatch
	// GatewayLedger is true when the gateway's records are at hand (the sandbox's own
	// ledger); with VNPAY they come from the merchant portal's statement, which motcua
	// does not fetch, and only motcua's side is listed.
	GatewayLedger bool
}

// Reconcile compares, day by day over the civil dates from–to, the online payments that
// motcua marked paid with the gateway's records (in sandbox mode, the sandbox's own
// ledger): transactions approved by the gateway that motcua did not mark paid, payments
// marked paid that the gateway does not have, and different amounts are listed. Leaders,
// inspectors and administrators within their scope.
func (a *App) Reconcile(ctx context.Context, u org.User, unit, from, to string) (Reconciliation, error) {
	if err := requireRole(u, org.Leader, org.Inspector, org.Admin); err != nil {
		return Reconciliation{}, err
	}
	un, p, err := a.reportUnit(ctx, u, unit, from, to, "Tham số đối soát chưa hợp lệ.")
	if err != nil {
		return Reconciliation{}, err
	}
	out := Reconciliation{Unit: un, From: p.From.String(), To: p.To.String()}
	paid, err := a.store.PaidOnline(ctx, un.Code, p.Start(), p.End())
	if err != nil {
		return out, err
	}
	days := map[string]*ReconcileDay{}
	day := func(d string) *ReconcileDay {
		if days[d] == nil {
			days[d] = &ReconcileDay{Date: d}
		}
		return days[d]
	}
	byRef := map[string]store.Payment{}
	for _, pay := range paid {
		d := day(calendar.DateOf(pay.PaidAt).String())
		d.Paid++
		d.PaidVND += pay.AmountVND
		byRef[pay.TxnRef] = pay
	}
	if _, sandbox := a.OnlinePayment(); sandbox {
		out.GatewayLedger = true
		ledger, err := a.store.SandboxEntries(ctx, p.Start(), p.End())
		if err != nil {
			return out, err
		}
		seen := map[string]bool{}
		for _, e := range ledger {
			if !e.Approved {
				continue
			}
			pay, ok := byRef[e.TxnRef]
			if !ok {
				// Approved by the gateway, not paid in this unit's records: ours if the
				// payment belongs to the unit's subtree, or unknown everywhere.
				pp, err := a.store.PaymentByTxnRef(ctx, e.TxnRef)
				switch {
				case err == nil:
					if in, _ := a.canSeeUnitTree(ctx, un.Code, pp.UnitCode); !in {
						continue
					}
					out.Mismatches = append(out.Mismatches, Mismatch{TxnRef: e.TxnRef, DossierCode: pp.DossierCode, AmountVND: e.AmountVND,
						Problem: "Cổng thanh toán ghi nhận đã thu, hệ thống chưa ghi nhận đã thanh toán (trạng thái: " + pp.Status + ")."})
				case u.Has(org.Admin):
					out.Mismatches = append(out.Mismatches, Mismatch{TxnRef: e.TxnRef, AmountVND: e.AmountVND,
						Problem: "Cổng thanh toán ghi nhận giao dịch không có trong hệ thống."})
				default:
					continue
				}
			} else if pay.AmountVND != e.AmountVND {
				out.Mismatches = append(out.Mismatches, Mismatch{TxnRef: e.TxnRef, DossierCode: pay.DossierCode, AmountVND: e.AmountVND,
					Problem: "Số tiền trên cổng thanh toán khác số tiền hệ thống ghi nhận."})
			}
			seen[e.TxnRef] = true
			d := day(calendar.DateOf(e.At).String())
			d.Gateway++
			d.GatewayVND += e.AmountVND
		}
		for _, pay := range paid {
			if !seen[pay.TxnRef] && pay.Provider == PaymentVNPAY {
				out.Mismatches = append(out.Mismatches, Mismatch{TxnRef: pay.TxnRef, DossierCode: pay.DossierCode, AmountVND: pay.AmountVND,
					Problem: "Hệ thống ghi nhận đã thanh toán, cổng thanh toán không có giao dịch được duyệt."})
			}
		}
	}
	for _, d := range days {
		d.HasGatewayData = out.GatewayLedger
		out.Days = append(out.Days, *d)
	}
	sort.Slice(out.Days, func(i, j int) bool { return out.Days[i].Date < out.Days[j].Date })
	return out, nil
}

// canSeeUnitTree reports whether unit is root or one of the units below it.
func (a *App) canSeeUnitTree(ctx context.Context, root, unit string) (bool, error) {
	for code := unit; code != ""; {
		if code == root {
			return true, nil
		}
		un, err := a.store.Unit(ctx, code)
		if err != nil {
			return false, err
		}
		code = un.ParentCode
	}
	return false, nil
}
