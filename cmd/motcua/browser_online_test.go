package main

import (
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"motcua/internal/dossier"
	"motcua/internal/jobs"
	"motcua/internal/pdf/pdftext"
)

// loggedLink waits for the server without a mail server to log the mail to the address
// and returns the link of that mail whose address contains path.
func loggedLink(t testing.TB, ls *liveServer, to, path string) string {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		for _, line := range strings.Split(ls.Log.String(), "\n") {
			var rec struct {
				Level, Msg, To, Subject, Body string
				Links                         []string
			}
			if json.Unmarshal([]byte(line), &rec) != nil || rec.Msg != jobs.UnsentMail || rec.To != to {
				continue
			}
			for _, l := range rec.Links {
				if strings.Contains(l, path) {
					if rec.Level != "WARN" || rec.Subject == "" || !strings.Contains(rec.Body, l) {
						t.Errorf("logged mail: got level %q, subject %q, body %q, want a warning with the subject and the link in the body",
							rec.Level, rec.Subject, rec.Body)
					}
					return l
				}
			}
		}
	}
	t.Fatalf("no logged mail to %s with a link to %s; log: %.2000s", to, path, ls.Log.String())
	return ""
}

// otherProfile opens a tab of the same Chromium in a browser context of its own (its own
// cookies), as a second person would use: cheaper than starting another Chromium.
func (b *browserSession) otherProfile(width, height int) *browserSession {
	b.t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext())
	b.t.Cleanup(cancel)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		b.t.Fatalf("open a second profile: %v", err)
	}
	return &browserSession{ctx: ctx, server: b.server, t: b.t}
}

// fetchBytes fetches a path with the browser's cookies and returns the status and body.
func (b *browserSession) fetchBytes(path string) (int, []byte) {
	b.t.Helper()
	raw, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`fetch(`+jsString(path)+`).then(async r => {
		const b = new Uint8Array(await r.arrayBuffer());
		let s = "";
		for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
		return JSON.stringify({status: r.status, body: btoa(s)});
	})`, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("fetch %s: %v", path, err)
	}
	var out struct {
		Status int
		Body   string
	}
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		b.t.Fatalf("fetch %s: %v", path, err)
	}
	data, err := base64.StdEncoding.DecodeString(out.Body)
	if err != nil {
		b.t.Fatalf("fetch %s: %v", path, err)
	}
	return out.Status, data
}

// TestBrowserOnlineChannel is the online channel end to end on a server without a mail
// server: a citizen registers and activates the account from the logged mail, finds
// "Nộp trực tuyến" on the procedure page, types the e-form, uploads the documents (the
// typed fields stay) and submits; the desk officer sees the e-form, accepts the dossier,
// and the receipt names the officer.
func TestBrowserOnlineChannel(t *testing.T) {
	chromiumPath(t)
	ls := startServer(t, "")
	citizen := newBrowser(t, ls, 390, 844)
	desk := citizen.otherProfile(1280, 900)
	const (
		proc     = "1.001193"
		email    = "le.thi.thu@example.vn"
		name     = "Lê Thị Thu"
		password = "mật-khẩu-công-dân-2"
		child    = "Phạm Gia Bảo"
	)

	// Registration; the mail is only logged.
	citizen.open("/cong-dan/dang-ky")
	citizen.do(
		chromedp.SendKeys(chromedp.CSS("#full_name"), name),
		chromedp.SendKeys(chromedp.CSS("#login"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), password),
		chromedp.SendKeys(chromedp.CSS("#password2"), password),
	)
	citizen.clickTo(`main form button[type=submit]`, `document.querySelector("main h1").textContent === "Đã nhận yêu cầu đăng ký"`)
	if n, _ := chromedp.Run(citizen.ctx, chromedp.Evaluate[int](`document.querySelectorAll('main a[href="/cong-dan/gui-lai-xac-thuc"]').length`)); n != 1 {
		t.Errorf("registration confirmation: got %d links to Gửi lại thư xác thực, want 1", n)
	}
	desk.login("tanhoa.motcua") // while the worker logs the mail
	citizen.do(chromedp.Navigate(loggedLink(t, ls, email, "/cong-dan/xac-thuc?token=")), chromedp.WaitVisible(chromedp.CSS("main")))
	if got := citizen.text("main h1"); got != "Tài khoản đã được xác thực" {
		t.Fatalf("verification from the logged link: got %q, want Tài khoản đã được xác thực", got)
	}

	// The procedure page leads to the online form, through the login.
	citizen.open("/thu-tuc/" + proc)
	citizen.clickTo(`a.button[href="/nop-truc-tuyen/`+proc+`"]`, `location.pathname === "/cong-dan/dang-nhap"`)
	citizen.do(
		chromedp.SendKeys(chromedp.CSS("#login"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), password),
	)
	citizen.clickTo(`main form button[type=submit]`, `location.pathname === "/nop-truc-tuyen/`+proc+`"`)

	// Type the fields, then upload without saving first.
	unit, err := chromedp.Run(citizen.ctx, chromedp.Evaluate[string](
		`[...document.querySelectorAll("#unit option")].find(o => o.textContent.includes("Tân Hòa"))?.value ?? ""`))
	if err != nil || unit == "" {
		t.Fatalf("units offering %s: Tân Hòa not in the list (%v)", proc, err)
	}
	citizen.do(
		chromedp.SetValue(chromedp.CSS("#unit"), unit),
		chromedp.SendKeys(chromedp.CSS("#id_number"), "040192005678"),
		chromedp.SendKeys(chromedp.CSS("#phone"), "0911222333"),
		chromedp.SendKeys(chromedp.CSS("#address"), "Khối 2, thị trấn Tân Hòa"),
		chromedp.SendKeys(chromedp.CSS("#f_ho_ten_tre"), child),
		chromedp.SetValue(chromedp.CSS("#f_ngay_sinh"), time.Now().AddDate(0, 0, -7).Format(time.DateOnly)),
		chromedp.SendKeys(chromedp.CSS("#f_noi_sinh"), "Trạm y tế thị trấn Tân Hòa"),
		chromedp.SetValue(chromedp.CSS("#f_gioi_tinh"), "Nam"),
		chromedp.SendKeys(chromedp.CSS("#f_dan_toc"), "Kinh"),
		chromedp.SendKeys(chromedp.CSS("#f_quoc_tich"), "Việt Nam"),
		chromedp.SendKeys(chromedp.CSS("#f_ho_ten_cha"), "Phạm Văn Đức"),
		chromedp.SendKeys(chromedp.CSS("#f_ho_ten_me"), name),
		chromedp.SendKeys(chromedp.CSS("#f_nguoi_yeu_cau"), name),
		chromedp.SendKeys(chromedp.CSS("#f_quan_he"), "Mẹ"),
	)
	required, err := chromedp.Run(citizen.ctx, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll("ol.documents li")].filter(li => li.querySelector(".req")).map(li => li.querySelector("input[type=file]").id)`))
	if err != nil || len(required) == 0 {
		t.Fatalf("required documents: got %v, %v, want at least one", required, err)
	}
	scan := writeSmallPDF(t, "giay-chung-sinh.pdf")
	for _, id := range required {
		citizen.do(chromedp.SetUploadFiles(chromedp.CSS("#"+id), []string{scan}))
	}
	citizen.clickTo(`#`+required[0]+` ~ button`, `document.querySelectorAll("ol.documents p.file").length === `+strconv.Itoa(len(required)))
	for sel, want := range map[string]string{"#f_ho_ten_tre": child, "#f_ho_ten_cha": "Phạm Văn Đức", "#address": "Khối 2, thị trấn Tân Hòa"} {
		if got, _ := chromedp.Run(citizen.ctx, chromedp.Value(chromedp.CSS(sel))); got != want {
			t.Errorf("%s after the upload: got %q, want %q", sel, got, want)
		}
	}
	citizen.clickTo(`button[value=submit]`, `location.search === "?da-nop=1"`)
	code := strings.TrimPrefix(citizen.text("main h1"), "Hồ sơ ")
	if !dossierCodeRe.MatchString(code) {
		t.Fatalf("online dossier code: got %q, want H40.12.05-YYMMDD-NNNN", code)
	}

	// The desk sees the e-form and accepts.
	desk.openFromInbox(code)
	eform := desk.text("dl.eform")
	for _, want := range []string{"Phạm Gia Bảo", "Trạm y tế thị trấn Tân Hòa", "Phạm Văn Đức", "Mẹ"} {
		if !strings.Contains(eform, want) {
			t.Errorf("e-form on the officer's page: got %q, want %q in it", eform, want)
		}
	}
	desk.act(dossier.ActionAccept, "", dossier.StatusReceived)
	t.Logf("screenshot: %s", desk.screenshot("to-khai-dien-tu"))
	st, receipt := desk.fetchBytes("/api/v1/dossiers/" + code + "/forms/receipt.pdf")
	if st != 200 {
		t.Fatalf("receipt: got %d, want 200", st)
	}
	text, err := pdftext.Text(receipt)
	if err != nil {
		t.Fatalf("receipt: %v", err)
	}
	if !strings.Contains(text, "Nguyễn Thị Lan") || strings.Contains(text, "citizen:") {
		t.Errorf("receipt: got %.1500q, want the accepting officer Nguyễn Thị Lan and no citizen: account", text)
	}
}
