package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"motcua/internal/app"
	"motcua/internal/catalog"
	"motcua/internal/payment"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
	"motcua/internal/web"
)

// testGateway is the sandbox configuration of the payment tests: the tests sign the
// gateway's notices with the same terminal code and secret.
var testGateway = payment.VNPAY{TmnCode: "MOTCUA01", Secret: "THU-NGHIEM-BI-MAT-0123456789"}

// paymentServer is a test server with the sandbox gateway on.
func paymentServer(t *testing.T, d store.Dialect) *testServer {
	t.Helper()
	st := demoStore(t, d, nil, false)
	h, err := web.New(web.Config{Version: "test", DataDir: t.TempDir(), BaseURL: "http://motcua.test",
		Payment: app.PaymentConfig{Mode: app.PaymentSandbox, TmnCode: testGateway.TmnCode, Secret: testGateway.Secret}},
		st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &testServer{Server: srv, Store: st}
}

// feeProcedure is offered fully online with a per-copy fee of 8,000 đồng.
const feeProcedure = "2.000635"

// submitFeeDossier submits a dossier of feeProcedure online as a new citizen and returns
// the citizen's browser and the dossier code.
func submitFeeDossier(t *testing.T, ts *testServer, email string) (*browser, string) {
	t.Helper()
	b := citizenSignedIn(t, ts, email)
	officer, err := ts.Store.User(context.Background(), "tanhoa.motcua")
	if err != nil {
		t.Fatal(err)
	}
	path := "/nop-truc-tuyen/" + feeProcedure
	st, page := b.get(path)
	if st != http.StatusOK || !strings.Contains(page, "Phí, lệ phí phải nộp: <strong>8.000 đ</strong>") {
		t.Fatalf("form: got %d, want 200 showing the fee due", st)
	}
	csrf := csrfRe.FindStringSubmatch(page)[1]
	if st, _, body := b.uploadFiles(path+"/attachments", map[string]string{"csrf": csrf, "doc": "0"}, "to-khai.pdf", []byte(testPDF)); st != http.StatusSeeOther {
		t.Fatalf("upload: %d %.300s", st, body)
	}
	form := onlineForm(t, ts, feeProcedure, url.Values{"csrf": {csrf}, "unit": {officer.UnitCode}, "full_name": {"Nguyễn Thị Lan"},
		"email": {email}, "phone": {"0912345678"}, "action": {"submit"}})
	p, err := ts.Store.Procedure(context.Background(), feeProcedure)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range p.FormFields {
		if f.Kind == catalog.KindNumber {
			form.Set("f_"+f.Name, "1")
		}
	}
	st, loc, body := b.post(path, form)
	if st != http.StatusSeeOther || !strings.HasPrefix(loc, "/cong-dan/ho-so/") {
		t.Fatalf("submit: got %d to %q: %s", st, loc, body)
	}
	return b, strings.TrimPrefix(strings.Split(loc, "?")[0], "/cong-dan/ho-so/")
}

// ipn sends a notice signed with secret to the IPN and returns VNPAY's answer.
func ipn(t *testing.T, ts *testServer, query string) payment.IPNAnswer {
	t.Helper()
	var ans payment.IPNAnswer
	if st := ts.api(t, "GET", "/api/v1/payments/ipn/vnpay?"+query, "", "", &ans); st != http.StatusOK {
		t.Fatalf("ipn: status %d", st)
	}
	return ans
}

func TestOnlinePaymentIPN(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			ts := paymentServer(t, d)
			ctx := context.Background()
			b, code := submitFeeDossier(t, ts, "lan.phi@example.vn")
			token := ts.token(t, "tanhoa.motcua")

			// The desk cannot accept before the fee is paid.
			var errAns struct {
				Error struct{ Code, Message string } `json:"error"`
			}
			if st := ts.api(t, "POST", "/api/v1/dossiers/"+code+"/actions", token, `{"action":"accept"}`, &errAns); st != http.StatusConflict ||
				!strings.Contains(errAns.Error.Message, "chưa nộp phí") {
				t.Fatalf("accept before payment: got %d %+v, want 409", st, errAns)
			}

			// Only the applicant opens a payment.
			if st := ts.api(t, "POST", "/api/v1/dossiers/"+code+"/payments", "", `{}`, nil); st != http.StatusUnauthorized {
				t.Fatalf("anonymous payment: got %d, want 401", st)
			}
			if st := ts.api(t, "POST", "/api/v1/dossiers/"+code+"/payments", "", `{"lookup_key":"AAAAAA"}`, nil); st != http.StatusNotFound {
				t.Fatalf("wrong key: got %d, want 404", st)
			}
			rec, err := ts.Store.Dossier(ctx, code)
			if err != nil {
				t.Fatal(err)
			}
			var started struct {
				ID        string `json:"id"`
				AmountVND int64  `json:"amount_vnd"`
				Status    string `json:"status"`
				PayURL    string `json:"pay_url"`
			}
			if st := ts.api(t, "POST", "/api/v1/dossiers/"+code+"/payments", "", `{"lookup_key":"`+rec.Record.LookupKey+`"}`, &started); st != http.StatusCreated ||
				started.Status != "pending" || started.AmountVND != 8000 || !strings.HasPrefix(started.PayURL, "http://motcua.test/cong-thanh-toan-thu-nghiem/vnpay?") {
				t.Fatalf("start: got %d %+v", st, started)
			}
			u, _ := url.Parse(started.PayURL)
			order, err := testGateway.ReadOrder(u.Query())
			if err != nil {
				t.Fatalf("the pay URL is not signed for the gateway: %v", err)
			}
			at := time.Now()
			paid := testGateway.ResultQuery(order, true, "14226112", at)

			unchanged := func(step string) {
				t.Helper()
				p, err := ts.Store.Payment(ctx, started.ID)
				if err != nil || p.Status != store.PaymentPending {
					t.Fatalf("%s: payment %+v, %v; want still pending", step, p, err)
				}
				cur, _ := ts.Store.Dossier(ctx, code)
				if cur.Dossier.Version() != rec.Dossier.Version() {
					t.Fatalf("%s: dossier changed", step)
				}
			}
			// Forged signature: 97.
			forged := payment.VNPAY{TmnCode: testGateway.TmnCode, Secret: "khong-phai-bi-mat"}.ResultQuery(order, true, "1", at)
			if a := ipn(t, ts, forged); a.RspCode != "97" {
				t.Fatalf("forged: %+v", a)
			}
			unchanged("forged")
			tampered, _ := url.ParseQuery(paid)
			tampered.Set("vnp_ResponseCode", "00")
			tampered.Set("vnp_Amount", "80000000")
			if a := ipn(t, ts, tampered.Encode()); a.RspCode != "97" {
				t.Fatalf("tampered amount: %+v", a)
			}
			unchanged("tampered")
			// Unknown order: 01.
			if a := ipn(t, ts, testGateway.ResultQuery(payment.GatewayOrder{TxnRef: "khongco", AmountVND: 8000}, true, "2", at)); a.RspCode != "01" {
				t.Fatalf("unknown order: %+v", a)
			}
			unchanged("unknown order")
			// Wrong amount, correctly signed: 04.
			wrong := order
			wrong.AmountVND = 800
			if a := ipn(t, ts, testGateway.ResultQuery(wrong, true, "3", at)); a.RspCode != "04" {
				t.Fatalf("wrong amount: %+v", a)
			}
			unchanged("wrong amount")
			// A return URL is shown, never acted on; without a valid signature it is refused.
			if st, _ := b.get("/thanh-toan/ket-qua/vnpay?" + forged); st != http.StatusBadRequest {
				t.Fatalf("forged return: got %d, want 400", st)
			}
			if st, page := b.get("/thanh-toan/ket-qua/vnpay?" + paid); st != http.StatusOK || !strings.Contains(page, "đang chờ xác nhận") {
				t.Fatalf("return before the IPN: got %d, want the page waiting for the gateway's confirmation", st)
			}
			unchanged("return URL")

			// Concurrent duplicate IPNs: paid once.
			var wg sync.WaitGroup
			codes := make(chan string, 6)
			for range 6 {
				wg.Go(func() { codes <- ipn(t, ts, paid).RspCode })
			}
			wg.Wait()
			close(codes)
			ok := 0
			for c := range codes {
				switch c {
				case "00":
					ok++
				case "02":
				default:
					t.Errorf("duplicate IPN answered %s", c)
				}
			}
			if ok != 1 {
				t.Fatalf("%d IPNs confirmed, want 1", ok)
			}
			// Already confirmed: 02, no change.
			if a := ipn(t, ts, testGateway.ResultQuery(order, true, "99999", at)); a.RspCode != "02" {
				t.Fatalf("replay: %+v", a)
			}
			var got struct {
				Status      string `json:"status"`
				ProviderRef string `json:"provider_ref"`
				DossierCode string `json:"dossier_code"`
			}
			if st := ts.api(t, "GET", "/api/v1/payments/"+started.ID, token, "", &got); st != http.StatusOK || got.Status != "paid" ||
				got.ProviderRef != "14226112" || got.DossierCode != code {
				t.Fatalf("payment after IPN: %d %+v", st, got)
			}
			if st := ts.api(t, "GET", "/api/v1/payments/"+started.ID, "", "", nil); st != http.StatusUnauthorized {
				t.Fatalf("anonymous payment read: %d", st)
			}
			// A second payment of a paid dossier: 409.
			if st := ts.api(t, "POST", "/api/v1/dossiers/"+code+"/payments", "", `{"lookup_key":"`+rec.Record.LookupKey+`"}`, nil); st != http.StatusConflict {
				t.Fatalf("second payment: got %d, want 409", st)
			}
			// Now the desk accepts, and sees the payment.
			if st := ts.api(t, "POST", "/api/v1/dossiers/"+code+"/actions", token, `{"action":"accept"}`, nil); st != http.StatusOK {
				t.Fatalf("accept after payment: %d", st)
			}
			officer := ts.browser(t)
			officer.login("tanhoa.motcua")
			if st, page := officer.get("/ho-so/" + code); st != http.StatusOK || !strings.Contains(page, "Đã thanh toán trực tuyến") ||
				!strings.Contains(page, "14226112") {
				t.Fatalf("officer's dossier page: %d, want the payment shown", st)
			}
			n, err := ts.Store.PaymentNoticeCount(ctx, order.TxnRef, "97")
			if err != nil || n != 2 {
				t.Fatalf("logged forged notices of the order: %d, %v", n, err)
			}
		})
	}
}

func TestDeskPaymentAndReceipt(t *testing.T) {
	t.Parallel()
	ts := paymentServer(t, storetest.Dialects()[0])
	_, code := submitFeeDossier(t, ts, "lan.quay@example.vn")
	officer := ts.browser(t)
	officer.login("tanhoa.motcua")
	token := ts.token(t, "tanhoa.motcua")
	apiPayment := func(want string) {
		t.Helper()
		var d struct {
			Payment struct {
				Status    string `json:"status"`
				Label     string `json:"label"`
				AmountVND int64  `json:"amount_vnd"`
				Method    string `json:"method"`
				PaidAt    string `json:"paid_at"`
			} `json:"payment"`
		}
		if st := ts.api(t, "GET", "/api/v1/dossiers/"+code, token, "", &d); st != http.StatusOK ||
			d.Payment.Status != want || d.Payment.AmountVND != 8000 || d.Payment.Label == "" {
			t.Fatalf("payment in the API: %d %+v, want %s", st, d.Payment, want)
		}
		if want == "paid" && (d.Payment.Method != store.MethodCash || d.Payment.PaidAt == "") {
			t.Fatalf("paid in cash: %+v", d.Payment)
		}
	}
	apiPayment("due")
	csrf := officer.csrf("/ho-so/" + code)
	if st, _, body := officer.post("/ho-so/"+code+"/thu-phi", url.Values{"csrf": {csrf}, "method": {"waiver"}}); st != http.StatusBadRequest ||
		!strings.Contains(body, "lý do miễn") {
		t.Fatalf("waiver without a reason: %d", st)
	}
	st, loc, _ := officer.post("/ho-so/"+code+"/thu-phi", url.Values{"csrf": {csrf}, "method": {"cash"}})
	if st != http.StatusSeeOther || !strings.Contains(loc, "bien-lai=") {
		t.Fatalf("cash: %d %q", st, loc)
	}
	id := loc[strings.Index(loc, "bien-lai=")+len("bien-lai="):]
	resp, err := officer.client.Get(ts.URL + "/ho-so/" + code + "/bien-lai/" + id)
	if err != nil {
		t.Fatal(err)
	}
	pdfBytes, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(string(pdfBytes), "%PDF") {
		t.Fatalf("receipt: %d", resp.StatusCode)
	}
	if st, page := officer.get("/ho-so/" + code); st != http.StatusOK || !strings.Contains(page, "Đã nộp phí, lệ phí tại quầy") {
		t.Fatalf("dossier page after cash: %d", st)
	}
	if st, _, _ := officer.post("/ho-so/"+code+"/thu-phi", url.Values{"csrf": {csrf}, "method": {"cash"}}); st != http.StatusConflict {
		t.Fatalf("second cash payment: %d, want 409", st)
	}
	apiPayment("paid")
	// A refund only for a refused or withdrawn dossier, with a reason; audited.
	refund := url.Values{"csrf": {csrf}, "payment": {id}, "reason": {"Hồ sơ bị từ chối, hoàn trả lệ phí đã nộp."}}
	if st, _, _ := officer.post("/ho-so/"+code+"/hoan-phi", refund); st != http.StatusConflict {
		t.Fatalf("refund of an open dossier: %d, want 409", st)
	}
	if st := ts.api(t, "POST", "/api/v1/dossiers/"+code+"/actions", token, `{"action":"refuse","reason":"Không thuộc thẩm quyền."}`, nil); st != http.StatusOK {
		t.Fatalf("refuse: %d", st)
	}
	if st, _, _ := officer.post("/ho-so/"+code+"/hoan-phi", refund); st != http.StatusSeeOther {
		t.Fatalf("refund: %d, want 303", st)
	}
	if st, page := officer.get("/ho-so/" + code); st != http.StatusOK || !strings.Contains(page, "Đã hoàn trả") {
		t.Fatalf("dossier page after the refund: %d", st)
	}
	apiPayment("refunded")
	audit, err := ts.Store.AuditLog(context.Background(), store.AuditFilter{Action: "payment.refund"})
	if err != nil || len(audit) != 1 || audit[0].Target != code {
		t.Fatalf("audit of the refund: %+v, %v", audit, err)
	}
}

func TestSandboxGatewayFlow(t *testing.T) {
	t.Parallel()
	ts := paymentServer(t, storetest.Dialects()[0])
	b, code := submitFeeDossier(t, ts, "lan.sandbox@example.vn")
	csrf := b.csrf("/cong-dan/ho-so/" + code)
	st, loc, _ := b.post("/cong-dan/ho-so/"+code+"/thanh-toan", url.Values{"csrf": {csrf}})
	if st != http.StatusSeeOther || !strings.HasPrefix(loc, "http://motcua.test/cong-thanh-toan-thu-nghiem/vnpay?") {
		t.Fatalf("pay: %d %q", st, loc)
	}
	gw := strings.TrimPrefix(loc, "http://motcua.test")
	st, page := b.get(gw)
	if st != http.StatusOK || !strings.Contains(page, "8.000 đ") || !strings.Contains(page, "Xác nhận thanh toán") {
		t.Fatalf("sandbox page: %d", st)
	}
	if st, _ := b.get(gw + "x"); st != http.StatusBadRequest {
		t.Fatalf("sandbox with a broken signature: %d", st)
	}
	query := strings.SplitN(gw, "?", 2)[1]
	csrf = csrfRe.FindStringSubmatch(page)[1]
	// Declined: nothing paid.
	st, back, _ := b.post("/cong-thanh-toan-thu-nghiem/vnpay", url.Values{"csrf": {csrf}, "q": {query}, "decision": {"decline"}})
	if st != http.StatusSeeOther || !strings.HasPrefix(back, "http://motcua.test/thanh-toan/ket-qua/vnpay?") {
		t.Fatalf("decline: %d %q", st, back)
	}
	if st, page := b.get(strings.TrimPrefix(back, "http://motcua.test")); st != http.StatusOK || !strings.Contains(page, "không thành công") {
		t.Fatalf("declined return page: %d", st)
	}
	// The declined payment is failed; a new one is approved.
	csrf = b.csrf("/cong-dan/ho-so/" + code)
	_, loc, _ = b.post("/cong-dan/ho-so/"+code+"/thanh-toan", url.Values{"csrf": {csrf}})
	gw = strings.TrimPrefix(loc, "http://motcua.test")
	_, page = b.get(gw)
	csrf = csrfRe.FindStringSubmatch(page)[1]
	st, back, _ = b.post("/cong-thanh-toan-thu-nghiem/vnpay", url.Values{"csrf": {csrf}, "q": {strings.SplitN(gw, "?", 2)[1]}, "decision": {"approve"}})
	if st != http.StatusSeeOther {
		t.Fatalf("approve: %d", st)
	}
	if st, page := b.get(strings.TrimPrefix(back, "http://motcua.test")); st != http.StatusOK || !strings.Contains(page, "đã thanh toán") {
		t.Fatalf("return page after approval: %d", st)
	}
	if st, page := b.get("/cong-dan/ho-so/" + code); st != http.StatusOK || !strings.Contains(page, "Đã thanh toán trực tuyến") {
		t.Fatalf("my dossier after payment: %d", st)
	}
	// Reconciliation: the sandbox's ledger matches.
	token := ts.token(t, "admin")
	var rec struct {
		Days []struct {
			Paid, Gateway int
		} `json:"days"`
		Mismatches []any `json:"mismatches"`
		Ledger     bool  `json:"gateway_ledger"`
	}
	today := time.Now().In(time.FixedZone("ICT", 7*3600)).Format("2006-01-02")
	units, _ := ts.Store.Units(context.Background())
	if st := ts.api(t, "GET", "/api/v1/reports/payments?unit="+units[0].Code+"&from="+today+"&to="+today, token, "", &rec); st != http.StatusOK ||
		!rec.Ledger || len(rec.Days) != 1 || rec.Days[0].Paid != 1 || rec.Days[0].Gateway != 1 || len(rec.Mismatches) != 0 {
		t.Fatalf("reconciliation: %d %+v", st, rec)
	}
	leader := ts.browser(t)
	leader.login("admin")
	q := "?unit=" + units[0].Code + "&from=" + today + "&to=" + today
	if st, page := leader.get("/bao-cao/doi-soat-thanh-toan" + q); st != http.StatusOK || !strings.Contains(page, today) ||
		!strings.Contains(page, "Không có chênh lệch") {
		t.Fatalf("reconciliation page: %d", st)
	}
	resp, err := leader.client.Get(ts.URL + "/bao-cao/doi-soat-thanh-toan.xlsx" + q)
	if err != nil {
		t.Fatal(err)
	}
	xlsx, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(string(xlsx), "PK") {
		t.Fatalf("reconciliation workbook: %d", resp.StatusCode)
	}
	if st, _ := ts.browser(t).get("/bao-cao/doi-soat-thanh-toan" + q); st != http.StatusSeeOther {
		t.Fatalf("anonymous reconciliation: %d, want the login", st)
	}
}

func TestLookupPagePayment(t *testing.T) {
	t.Parallel()
	ts := paymentServer(t, storetest.Dialects()[0])
	_, code := submitFeeDossier(t, ts, "lan.tracuu@example.vn")
	d, err := ts.Store.Dossier(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	anon := ts.browser(t)
	st, page := anon.get("/tra-cuu/" + code + "?key=" + d.Record.LookupKey)
	if st != http.StatusOK || !strings.Contains(page, "Chưa nộp phí, lệ phí") || !strings.Contains(page, "8.000 đ") {
		t.Fatalf("lookup page: %d, want the fee due", st)
	}
	csrf := csrfRe.FindStringSubmatch(page)[1]
	if st, _, _ := anon.post("/tra-cuu/"+code+"/thanh-toan", url.Values{"csrf": {csrf}, "key": {"ZZZZZZ"}}); st != http.StatusNotFound {
		t.Fatalf("pay with a wrong key: %d, want 404", st)
	}
	st, loc, _ := anon.post("/tra-cuu/"+code+"/thanh-toan", url.Values{"csrf": {csrf}, "key": {d.Record.LookupKey}})
	if st != http.StatusSeeOther || !strings.HasPrefix(loc, "http://motcua.test/cong-thanh-toan-thu-nghiem/vnpay?") {
		t.Fatalf("pay from the lookup page: %d %q", st, loc)
	}
}
