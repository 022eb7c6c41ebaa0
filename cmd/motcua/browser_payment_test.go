package main

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"motcua/internal/dossier"
)

// TestBrowserOnlinePayment is the fee of an online dossier paid in the sandbox gateway
// end to end: a citizen submits a fee-bearing procedure online and sees the fee; the
// desk cannot accept it yet; the citizen pays on the sandbox gateway's page, which sends
// the IPN and returns to the signed return page; then the officer sees the dossier paid
// and accepts it.
func TestBrowserOnlinePayment(t *testing.T) {
	chromiumPath(t)
	ls := startServer(t, "")
	citizen := newBrowser(t, ls, 1024, 900)
	desk := citizen.otherProfile(1280, 900)
	const (
		proc     = "2.000635"
		email    = "tran.van.phi@example.vn"
		password = "mật-khẩu-công-dân-3"
	)
	citizen.open("/cong-dan/dang-ky")
	citizen.do(
		chromedp.SendKeys(chromedp.CSS("#full_name"), "Trần Văn Phi"),
		chromedp.SendKeys(chromedp.CSS("#login"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), password),
		chromedp.SendKeys(chromedp.CSS("#password2"), password),
	)
	citizen.clickTo(`main form button[type=submit]`, `document.querySelector("main h1").textContent === "Đã nhận yêu cầu đăng ký"`)
	desk.login("tanhoa.motcua")
	citizen.do(chromedp.Navigate(loggedLink(t, ls, email, "/cong-dan/xac-thuc?token=")), chromedp.WaitVisible(chromedp.CSS("main")))
	citizen.open("/nop-truc-tuyen/" + proc)
	citizen.do(
		chromedp.SendKeys(chromedp.CSS("#login"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), password),
	)
	citizen.clickTo(`main form button[type=submit]`, `location.pathname === "/nop-truc-tuyen/`+proc+`"`)
	if fee := citizen.text("p.fee-due"); !strings.Contains(fee, "8.000 đ") {
		t.Fatalf("fee before submission: got %q, want 8.000 đ", fee)
	}
	unit, err := chromedp.Run(citizen.ctx, chromedp.Evaluate[string](
		`[...document.querySelectorAll("#unit option")].find(o => o.textContent.includes("Tân Hòa"))?.value ?? ""`))
	if err != nil || unit == "" {
		t.Fatalf("units offering %s: Tân Hòa not in the list (%v)", proc, err)
	}
	citizen.do(
		chromedp.SetValue(chromedp.CSS("#unit"), unit),
		chromedp.SendKeys(chromedp.CSS("#id_number"), "040192005679"),
		chromedp.SendKeys(chromedp.CSS("#phone"), "0911222444"),
		chromedp.SendKeys(chromedp.CSS("#address"), "Khối 3, thị trấn Tân Hòa"),
		chromedp.SendKeys(chromedp.CSS("#f_ho_ten"), "Trần Văn Phi"),
		chromedp.SetValue(chromedp.CSS("#f_loai_su_kien"), "Khai sinh"),
		chromedp.SendKeys(chromedp.CSS("#f_so_ban"), "1"),
	)
	required, err := chromedp.Run(citizen.ctx, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll("ol.documents li")].filter(li => li.querySelector(".req")).map(li => li.querySelector("input[type=file]").id)`))
	if err != nil || len(required) == 0 {
		t.Fatalf("required documents: got %v, %v", required, err)
	}
	scan := writeSmallPDF(t, "to-khai.pdf")
	for _, id := range required {
		citizen.do(chromedp.SetUploadFiles(chromedp.CSS("#"+id), []string{scan}))
	}
	citizen.clickTo(`#`+required[0]+` ~ button`, `document.querySelectorAll("ol.documents p.file").length >= 1`)
	citizen.clickTo(`button[value=submit]`, `location.search === "?da-nop=1"`)
	code := strings.TrimPrefix(citizen.text("main h1"), "Hồ sơ ")
	if status := citizen.text("section.fee .payment-status"); status != "Chưa nộp phí, lệ phí" {
		t.Fatalf("fee on my dossier: got %q", status)
	}

	// The desk cannot accept before the payment.
	desk.openFromInbox(code)
	form := `form.dossier-action:has(input[name=action][value="accept"])`
	desk.clickTo(form+" button[type=submit]", `document.querySelector("main .alert")`)
	if msg := desk.text("main .alert"); !strings.Contains(msg, "chưa nộp phí, lệ phí") {
		t.Fatalf("accept before payment: got %q, want the fee refusal", msg)
	}

	// The citizen pays in the sandbox gateway; the return page shows the IPN's result.
	citizen.clickTo(`#pay-online`, `location.pathname === "/cong-thanh-toan-thu-nghiem/vnpay"`)
	if amount := citizen.text(".sandbox-amount"); amount != "8.000 đ" {
		t.Fatalf("sandbox amount: got %q", amount)
	}
	t.Logf("screenshot: %s", citizen.screenshot("cong-thanh-toan-thu-nghiem"))
	citizen.clickTo(`#sandbox-approve`, `location.pathname === "/thanh-toan/ket-qua/vnpay"`)
	if status := citizen.text(".payment-status"); status != "Đã thanh toán" {
		t.Fatalf("return page: got %q, want Đã thanh toán", status)
	}

	// The officer sees it paid and accepts.
	desk.open("/ho-so/" + code)
	if status := desk.text("strong.payment-status"); status != "Đã thanh toán trực tuyến" {
		t.Fatalf("officer's payment status: got %q", status)
	}
	desk.act(dossier.ActionAccept, "", dossier.StatusReceived)
	t.Logf("screenshot: %s", desk.screenshot("ho-so-da-thanh-toan"))
}
