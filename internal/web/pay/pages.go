package pay

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"motcua/internal/app"
	"motcua/internal/fault"
	"motcua/internal/payment"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// handleReturn is the return URL page (GET /thanh-toan/ket-qua/{provider}): it checks
// the gateway's signature and shows the result, never marking anything paid; a query
// without a valid signature is refused with 400.
func (s Server) handleReturn(w http.ResponseWriter, r *http.Request) {
	kit.NoStore(w)
	v, err := s.App.GatewayReturn(r.Context(), r.PathValue("provider"), r.URL.Query(), s.Origin(r))
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "pay_return.html", map[string]any{"Title": "Kết quả thanh toán", "V": v,
		"Paid": v.Payment.Status == store.PaymentPaid})
}

// handleSandbox shows the sandbox gateway's page for a signed payment URL.
func (s Server) handleSandbox(w http.ResponseWriter, r *http.Request) {
	kit.NoStore(w)
	o, err := s.App.SandboxOrder(r.URL.Query())
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "pay_sandbox.html", map[string]any{"Title": "Cổng thanh toán thử nghiệm", "O": o,
		"Query": r.URL.RawQuery})
}

// handleSandboxDecide approves or declines the order: the sandbox sends the signed IPN
// to motcua (in-process, through the site's own handler) and redirects the browser to
// the signed return URL.
func (s Server) handleSandboxDecide(w http.ResponseWriter, r *http.Request) {
	kit.NoStore(w)
	q, err := url.ParseQuery(r.PostFormValue("q"))
	if err != nil {
		s.PageError(w, r, fault.New(fault.Invalid, "Yêu cầu thanh toán không hợp lệ."))
		return
	}
	approve := r.PostFormValue("decision") == "approve"
	to, err := s.App.SandboxDecide(r.Context(), q, approve, func(query string) (payment.IPNAnswer, error) {
		req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, "/api/v1/payments/ipn/vnpay?"+query, nil)
		if err != nil {
			return payment.IPNAnswer{}, err
		}
		req.RemoteAddr = "127.0.0.1:0"
		mw := &memWriter{h: http.Header{}, code: http.StatusOK}
		s.root.ServeHTTP(mw, req)
		var ans payment.IPNAnswer
		if mw.code != http.StatusOK {
			return ans, errors.New("sandbox ipn: status " + http.StatusText(mw.code))
		}
		return ans, decodeAnswer(mw.body.Bytes(), &ans)
	})
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// handleCitizenPay sends the signed-in citizen to the gateway for a dossier of theirs.
func (s Server) handleCitizenPay(w http.ResponseWriter, r *http.Request, c store.Citizen) {
	out, err := s.App.StartPayment(r.Context(), app.Payer{Citizen: &c}, r.PathValue("code"), s.Origin(r))
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	http.Redirect(w, r, out.PayURL, http.StatusSeeOther)
}

// handleLookupPay sends the holder of the lookup key to the gateway.
func (s Server) handleLookupPay(w http.ResponseWriter, r *http.Request) {
	kit.NoStore(w)
	out, err := s.App.StartPayment(r.Context(), app.Payer{LookupKey: strings.TrimSpace(r.PostFormValue("key"))}, r.PathValue("code"), s.Origin(r))
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	http.Redirect(w, r, out.PayURL, http.StatusSeeOther)
}

// handleDeskPayment records a cash or transfer payment, or a waiver, from the dossier
// page, and goes back to it.
func (s Server) handleDeskPayment(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	code := r.PathValue("code")
	p, err := s.App.RecordDeskPayment(r.Context(), u, code, app.DeskPaymentInput{Method: r.PostFormValue("method"),
		Reason: r.PostFormValue("reason")}, s.Origin(r))
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	to := "/ho-so/" + url.PathEscape(code) + "?thu-phi=1"
	if p.ReceiptNo > 0 {
		to += "&bien-lai=" + url.QueryEscape(p.ID)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// handleRefund marks a payment refunded and goes back to the dossier.
func (s Server) handleRefund(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	code := r.PathValue("code")
	if _, err := s.App.RefundPayment(r.Context(), u, code, r.PostFormValue("payment"), r.PostFormValue("reason"), s.Origin(r)); err != nil {
		s.PageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/ho-so/"+url.PathEscape(code), http.StatusSeeOther)
}
