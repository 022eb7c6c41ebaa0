package pay

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"

	"motcua/internal/app"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// payer is who asks: the signed-in citizen and/or the lookup key of the query or body.
func (s Server) payer(r *http.Request, key string) app.Payer {
	p := app.Payer{LookupKey: key}
	if c, ok := s.CurrentCitizen(r); ok {
		p.Citizen = &c
	}
	return p
}

// paymentJSON is a payment as GET /api/v1/payments/{id} gives it.
func paymentJSON(p store.Payment) map[string]any {
	return map[string]any{
		"id": p.ID, "dossier_code": p.DossierCode, "amount_vnd": p.AmountVND, "status": p.Status,
		"method": p.Method, "paid_at": kit.Instant(p.PaidAt), "provider_ref": p.ProviderRef,
	}
}

// apiStartPayment: POST /api/v1/dossiers/{code}/payments, by the applicant (citizen's
// session, or {"lookup_key"} / ?key=) → 201 {"id","amount_vnd","status","pay_url"}.
func (s Server) apiStartPayment(w http.ResponseWriter, r *http.Request) {
	kit.NoStore(w)
	var in struct {
		LookupKey string `json:"lookup_key"`
	}
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	if r.ContentLength != 0 {
		if err := kit.DecodeJSON(r, &in); err != nil {
			s.APIError(w, r, err)
			return
		}
	}
	key := in.LookupKey
	if key == "" {
		key = r.URL.Query().Get("key")
	}
	p := s.payer(r, key)
	if p.Citizen == nil && strings.TrimSpace(key) == "" {
		s.APIError(w, r, fault.New(fault.Unauthorized, "Cần đăng nhập tài khoản công dân hoặc gửi mã tra cứu của hồ sơ."))
		return
	}
	out, err := s.App.StartPayment(r.Context(), p, r.PathValue("code"), s.Origin(r))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusCreated, map[string]any{"id": out.ID, "amount_vnd": out.AmountVND, "status": out.Status,
		"pay_url": out.PayURL})
}

// apiPayment: GET /api/v1/payments/{id} for an officer who sees the dossier, the citizen
// who submitted it, or with ?key= the dossier's lookup key.
func (s Server) apiPayment(w http.ResponseWriter, r *http.Request) {
	kit.NoStore(w)
	var u *org.User
	if cu, ok := kit.CurrentUser(r); ok {
		u = &cu
	}
	p := s.payer(r, r.URL.Query().Get("key"))
	if u == nil && p.Citizen == nil && p.LookupKey == "" {
		s.APIError(w, r, fault.New(fault.Unauthorized, "Cần đăng nhập hoặc gửi mã tra cứu của hồ sơ."))
		return
	}
	pay, err := s.App.PaymentFor(r.Context(), u, p, r.PathValue("id"))
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, paymentJSON(pay))
}

// apiIPN: GET /api/v1/payments/ipn/{provider}, the gateway's server-to-server notice,
// answered in the provider's own JSON with status 200 (VNPAY reads RspCode).
func (s Server) apiIPN(w http.ResponseWriter, r *http.Request) {
	kit.NoStore(w)
	ans := s.App.GatewayIPN(r.Context(), r.PathValue("provider"), r.URL.Query(), s.Origin(r))
	kit.WriteJSON(w, http.StatusOK, ans)
}

// memWriter keeps a response in memory: the sandbox's in-process IPN call.
type memWriter struct {
	h    http.Header
	code int
	body bytes.Buffer
}

func (m *memWriter) Header() http.Header         { return m.h }
func (m *memWriter) Write(b []byte) (int, error) { return m.body.Write(b) }
func (m *memWriter) WriteHeader(code int)        { m.code = code }

// decodeAnswer reads a JSON answer into v.
func decodeAnswer(b []byte, v any) error { return json.Unmarshal(b, v) }
