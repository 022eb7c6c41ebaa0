package pay

import (
	"net/http"

	"motcua/internal/app"
	"motcua/internal/calendar"
	"motcua/internal/sheet"
	"motcua/internal/web/kit"
)

// reconcileQuery reads unit, from and to; the officer's unit and the last 30 days by
// default.
func (s Server) reconcile(r *http.Request) (app.Reconciliation, error) {
	u, _ := kit.CurrentUser(r)
	q := r.URL.Query()
	unit, from, to := q.Get("unit"), q.Get("from"), q.Get("to")
	if unit == "" {
		unit = u.UnitCode
	}
	today := calendar.DateOf(s.Now())
	if to == "" {
		to = today.String()
	}
	if from == "" {
		from = today.AddDays(-30).String()
	}
	return s.App.Reconcile(r.Context(), u, unit, from, to)
}

// apiReconciliation: GET /api/v1/reports/payments?unit=&from=&to= (leaders, inspectors,
// administrators) → the daily reconciliation with its mismatches.
func (s Server) apiReconciliation(w http.ResponseWriter, r *http.Request) {
	rec, err := s.reconcile(r)
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	days := make([]map[string]any, 0, len(rec.Days))
	for _, d := range rec.Days {
		days = append(days, map[string]any{"date": d.Date, "paid": d.Paid, "paid_vnd": d.PaidVND,
			"gateway": d.Gateway, "gateway_vnd": d.GatewayVND})
	}
	bad := make([]map[string]any, 0, len(rec.Mismatches))
	for _, m := range rec.Mismatches {
		bad = append(bad, map[string]any{"txn_ref": m.TxnRef, "dossier_code": m.DossierCode, "amount_vnd": m.AmountVND, "problem": m.Problem})
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{"unit": rec.Unit.Code, "from": rec.From, "to": rec.To,
		"gateway_ledger": rec.GatewayLedger, "days": days, "mismatches": bad})
}

// handleReconciliation is the reconciliation page.
func (s Server) handleReconciliation(w http.ResponseWriter, r *http.Request) {
	rec, err := s.reconcile(r)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "pay_reconcile.html", map[string]any{"Title": "Đối soát thanh toán trực tuyến", "R": rec,
		"Query": r.URL.RawQuery})
}

// handleReconciliationXLSX exports the same report as a workbook.
func (s Server) handleReconciliationXLSX(w http.ResponseWriter, r *http.Request) {
	rec, err := s.reconcile(r)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	days := make([]sheet.ReconcileDayRow, len(rec.Days))
	for i, d := range rec.Days {
		days[i] = sheet.ReconcileDayRow(d)
	}
	bad := make([]sheet.ReconcileMismatchRow, len(rec.Mismatches))
	for i, m := range rec.Mismatches {
		bad[i] = sheet.ReconcileMismatchRow(m)
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="doi-soat-thanh-toan-`+rec.Unit.Code+`.xlsx"`)
	title := "Đối soát thanh toán trực tuyến – " + rec.Unit.Name + " – từ " + rec.From + " đến " + rec.To
	if err := sheet.WriteReconciliation(w, title, days, bad); err != nil {
		s.Log.ErrorContext(r.Context(), "reconciliation export", "err", err, "request_id", kit.RequestID(r))
	}
}

// handleReceiptPDF serves the biên lai of a desk payment.
func (s Server) handleReceiptPDF(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	f, err := s.App.FeeReceipt(r.Context(), u, r.PathValue("code"), r.PathValue("id"), s.Origin(r))
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `inline; filename="`+f.Name+`"`)
	f.PDF.WriteTo(w)
}
