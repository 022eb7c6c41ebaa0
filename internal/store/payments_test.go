package store_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
	"motcua/internal/fault"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// paidDossier creates a counter dossier with a 50,000 đồng fee at H26.01.
func feeDossier(t *testing.T, s *store.Store) store.StoredDossier {
	t.Helper()
	n := newDossier("H26.01", time.Date(2026, 3, 2, 9, 0, 0, 0, calendar.Zone()))
	n.FeeVND = 50000
	d, err := s.CreateDossier(context.Background(), n, store.Write{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSettlePaymentOutcomes(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dossierUnits(t, s)
		ctx := context.Background()
		d := feeDossier(t, s)
		p, err := s.CreatePayment(ctx, store.NewPayment{DossierCode: d.Record.Code, Method: store.MethodOnline,
			Provider: "vnpay", AmountVND: 50000, Actor: "citizen", Role: dossier.RoleApplicant})
		if err != nil {
			t.Fatal(err)
		}
		if p.Status != store.PaymentPending || p.TxnRef == "" {
			t.Fatalf("new payment %+v", p)
		}
		unchanged := func(step string) {
			t.Helper()
			got, err := s.Payment(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			cur, err := s.Dossier(ctx, d.Record.Code)
			if err != nil {
				t.Fatal(err)
			}
			if got.Status != store.PaymentPending || got.ProviderRef != "" || cur.Dossier.Version() != d.Dossier.Version() {
				t.Fatalf("%s: payment %+v, dossier version %d: want unchanged", step, got, cur.Dossier.Version())
			}
		}
		for _, c := range []struct {
			name string
			n    store.GatewayNotice
			want store.Settlement
		}{
			{"unknown order", store.GatewayNotice{Provider: "vnpay", TxnRef: "nope", AmountVND: 50000, Success: true}, store.SettleNotFound},
			{"other provider", store.GatewayNotice{Provider: "other", TxnRef: p.TxnRef, AmountVND: 50000, Success: true}, store.SettleNotFound},
			{"wrong amount", store.GatewayNotice{Provider: "vnpay", TxnRef: p.TxnRef, AmountVND: 5000, Success: true}, store.SettleAmount},
		} {
			got, _, err := s.SettlePayment(ctx, c.n)
			if err != nil || got != c.want {
				t.Fatalf("%s: %q, %v; want %q", c.name, got, err, c.want)
			}
			unchanged(c.name)
		}

		// Concurrent duplicate notices mark the payment paid once.
		const dup = 8
		var wg sync.WaitGroup
		results := make(chan store.Settlement, dup)
		for range dup {
			wg.Go(func() {
				got, _, err := s.SettlePayment(ctx, store.GatewayNotice{Provider: "vnpay", TxnRef: p.TxnRef, AmountVND: 50000,
					Success: true, TransactionNo: "14226112"})
				if err != nil {
					t.Error(err)
				}
				results <- got
			})
		}
		wg.Wait()
		close(results)
		confirmed := 0
		for r := range results {
			switch r {
			case store.SettleConfirmed:
				confirmed++
			case store.SettleAlready:
			default:
				t.Errorf("duplicate notice: %q", r)
			}
		}
		if confirmed != 1 {
			t.Fatalf("confirmed %d times, want once", confirmed)
		}
		got, err := s.Payment(ctx, p.ID)
		if err != nil || got.Status != store.PaymentPaid || got.ProviderRef != "14226112" || got.PaidAt.IsZero() {
			t.Fatalf("after IPN: %+v, %v", got, err)
		}
		cur, err := s.Dossier(ctx, d.Record.Code)
		if err != nil {
			t.Fatal(err)
		}
		var events int
		for _, e := range cur.Dossier.Events {
			if e.Action == dossier.ActionPayment {
				events++
				if e.PaymentRef != "14226112" || e.AmountVND != 50000 {
					t.Errorf("payment event %+v", e)
				}
			}
		}
		if events != 1 || cur.State.Status != d.State.Status {
			t.Fatalf("%d payment events, status %s; want one, status unchanged", events, cur.State.Status)
		}

		// Already confirmed: no change.
		again, _, err := s.SettlePayment(ctx, store.GatewayNotice{Provider: "vnpay", TxnRef: p.TxnRef, AmountVND: 50000, Success: true, TransactionNo: "999"})
		if err != nil || again != store.SettleAlready {
			t.Fatalf("replay: %q, %v", again, err)
		}
		if got2, _ := s.Payment(ctx, p.ID); got2.ProviderRef != "14226112" {
			t.Fatalf("replay changed the payment: %+v", got2)
		}

		// A second payment of a paid dossier is refused.
		_, err = s.CreatePayment(ctx, store.NewPayment{DossierCode: d.Record.Code, Method: store.MethodOnline, Provider: "vnpay", AmountVND: 50000})
		if !fault.Is(err, fault.Conflict) {
			t.Fatalf("second payment: %v, want conflict", err)
		}
		_, err = s.CreatePayment(ctx, store.NewPayment{DossierCode: d.Record.Code, Method: store.MethodCash, AmountVND: 50000,
			Actor: "H26.01.motcua", Role: dossier.RoleOneStop, Unit: "H26.01"})
		if !fault.Is(err, fault.Conflict) {
			t.Fatalf("cash after online: %v, want conflict", err)
		}
	})
}

func TestDeskPaymentsReceiptNumbers(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		dossierUnits(t, s)
		ctx := context.Background()
		var nos []int
		for range 3 {
			d := feeDossier(t, s)
			p, err := s.CreatePayment(ctx, store.NewPayment{DossierCode: d.Record.Code, Method: store.MethodCash, AmountVND: 50000,
				Actor: "H26.01.motcua", Role: dossier.RoleOneStop, Unit: "H26.01",
				Audit: store.AuditEntry{Actor: "H26.01.motcua", Action: "payment.cash"}})
			if err != nil {
				t.Fatal(err)
			}
			if p.Status != store.PaymentPaid || p.ReceiptYear == 0 {
				t.Fatalf("cash payment %+v", p)
			}
			nos = append(nos, p.ReceiptNo)
		}
		if nos[0] != 1 || nos[1] != 2 || nos[2] != 3 {
			t.Fatalf("receipt numbers %v, want 1 2 3", nos)
		}
		d := feeDossier(t, s)
		w, err := s.CreatePayment(ctx, store.NewPayment{DossierCode: d.Record.Code, Method: store.MethodWaiver, Reason: "Hộ nghèo",
			Actor: "H26.01.motcua", Role: dossier.RoleOneStop, Unit: "H26.01"})
		if err != nil || w.Status != store.PaymentWaived || w.ReceiptNo != 0 {
			t.Fatalf("waiver %+v, %v", w, err)
		}
		r, err := s.RefundPayment(ctx, w.ID, "x", store.AuditEntry{})
		if !fault.Is(err, fault.Conflict) {
			t.Fatalf("refund of a waiver: %+v, %v", r, err)
		}
	})
}
