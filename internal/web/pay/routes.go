// Package pay serves fees and online payment (phí, lệ phí; thanh toán trực tuyến): the
// JSON API of payments and the gateway's IPN, the return URL page, the sandbox gateway
// that motcua plays itself in sandbox mode, the citizen's "pay" button, the desk's
// payment, waiver, refund and receipt, and the daily reconciliation report. Handlers
// decode, call one use case of internal/app, and render.
package pay

import (
	"net/http"
	"time"

	"motcua/internal/org"
	"motcua/internal/web/kit"
)

// Server is the kit as the payment pages use it; root is the whole site's handler, which
// the sandbox gateway calls in-process for its server-to-server IPN.
type Server struct {
	*kit.Kit
	root http.Handler
}

// Routes lists the payment routes. root is the mux they are mounted on.
func Routes(mux *http.ServeMux, k *kit.Kit) {
	s := Server{Kit: k, root: mux}
	// Gateways send few notices; a flood from one address is refused before any work.
	notices := kit.NewRateLimiter(300, time.Minute)
	// JSON API (DESIGN.md §5). Opening a payment counts with the lookups.
	mux.HandleFunc("POST /api/v1/dossiers/{code}/payments", s.Limited(s.Lookups, s.apiStartPayment))
	mux.HandleFunc("GET /api/v1/payments/{id}", s.apiPayment)
	mux.HandleFunc("GET /api/v1/payments/ipn/{provider}", s.Limited(notices, s.apiIPN))
	mux.Handle("GET /api/v1/reports/payments", s.OfficerAPI(s.apiReconciliation, org.Leader, org.Admin, org.Inspector))

	// The gateway's return URL, and the sandbox gateway.
	mux.HandleFunc("GET /thanh-toan/ket-qua/{provider}", s.handleReturn)
	mux.HandleFunc("GET /cong-thanh-toan-thu-nghiem/vnpay", s.handleSandbox)
	mux.Handle("POST /cong-thanh-toan-thu-nghiem/vnpay", s.CheckCSRF(s.handleSandboxDecide))

	// The applicant pays: from "Hồ sơ của tôi", or from the lookup page with the key.
	mux.Handle("POST /cong-dan/ho-so/{code}/thanh-toan", s.CheckCSRF(s.CitizenPage(s.handleCitizenPay).ServeHTTP))
	mux.Handle("POST /tra-cuu/{code}/thanh-toan", s.CheckCSRF(s.Limited(s.Lookups, s.handleLookupPay)))

	// The desk: cash, transfer, waiver, refund, receipt; the reconciliation report.
	mux.Handle("POST /ho-so/{code}/thu-phi", s.OfficerPage(s.CheckCSRF(s.handleDeskPayment).ServeHTTP))
	mux.Handle("POST /ho-so/{code}/hoan-phi", s.OfficerPage(s.CheckCSRF(s.handleRefund).ServeHTTP))
	mux.Handle("GET /ho-so/{code}/bien-lai/{id}", s.OfficerPage(s.handleReceiptPDF))
	mux.Handle("GET /bao-cao/doi-soat-thanh-toan", s.OfficerPage(s.handleReconciliation, org.Leader, org.Admin, org.Inspector))
	mux.Handle("GET /bao-cao/doi-soat-thanh-toan.xlsx", s.OfficerPage(s.handleReconciliationXLSX, org.Leader, org.Admin, org.Inspector))
}
