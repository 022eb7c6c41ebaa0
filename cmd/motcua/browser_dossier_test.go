package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"motcua/internal/dossier"
	"motcua/internal/store"
)

// dossierCodeRe is the shape of a Tân Hòa dossier code: unit, date, number of the day.
var dossierCodeRe = regexp.MustCompile(`^H40\.12\.05-\d{6}-\d{4}$`)

// verifyLinkRe finds the verification link in the e-mail sent on registration.
var verifyLinkRe = regexp.MustCompile(`/cong-dan/xac-thuc\?token=[^\s]+`)

// onlineCitizen is the citizen of the test and what she types.
var onlineCitizen = struct {
	Name, Email, Password, Phone, IDNumber string
}{"Trần Thị Mai", "tran.thi.mai@example.vn", "mật-khẩu-công-dân-1", "0912345678", "040190001234"}

// as returns the session reporting to another test (a subtest), so that failures are
// reported from the goroutine that runs it.
func (b *browserSession) as(t testing.TB) *browserSession {
	c := *b
	c.t = t
	return &c
}

// waitJS waits until a JavaScript condition holds on the page, across navigations.
func (b *browserSession) waitJS(cond string) {
	b.t.Helper()
	var last error
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); {
		ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](
			`document.readyState === "complete" && !!(`+cond+`)`))
		if err == nil && ok {
			return
		}
		last = err
		time.Sleep(50 * time.Millisecond)
	}
	b.t.Fatalf("waiting for %s: never true (last error %v) on %s", cond, last, b.location())
}

// location is the path of the current page.
func (b *browserSession) location() string {
	loc, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`location.pathname + location.search`))
	return loc
}

// clickTo clicks an element and waits for the page to satisfy a condition.
func (b *browserSession) clickTo(sel, cond string) {
	b.t.Helper()
	b.do(chromedp.Click(chromedp.CSS(sel)))
	b.waitJS(cond)
}

// pageText is the visible text of the whole page.
func (b *browserSession) pageText() string {
	b.t.Helper()
	return b.text("body")
}

// fetchHead fetches a path with the browser's cookies and returns the HTTP status and the
// first bytes of the body.
func (b *browserSession) fetchHead(path string) (int, string) {
	b.t.Helper()
	raw, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`fetch(`+jsString(path)+`).then(async r => {
		const b = new Uint8Array(await r.arrayBuffer());
		return JSON.stringify({status: r.status, head: String.fromCharCode(...b.slice(0, 5))});
	})`, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("fetch %s: %v", path, err)
	}
	var out struct {
		Status int
		Head   string
	}
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		b.t.Fatalf("fetch %s: %v", path, err)
	}
	return out.Status, out.Head
}

// jsString quotes a Go string as a JavaScript string literal.
func jsString(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}

// act presses the button of one action form on the officer's dossier page, with a reason
// when the action needs one, waits for the new line in the history and checks that the
// status reads want.
func (b *browserSession) act(a dossier.Action, reason string, want dossier.Status) {
	b.t.Helper()
	form := `form.dossier-action:has(input[name=action][value="` + string(a) + `"])`
	if reason != "" {
		b.do(chromedp.SendKeys(chromedp.CSS(form+" textarea[name=reason]"), reason))
	}
	events, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll("ol.timeline li").length`))
	if err != nil {
		b.t.Fatalf("timeline: %v", err)
	}
	b.clickTo(form+" button[type=submit]", `document.querySelectorAll("ol.timeline li").length === `+strconv.Itoa(events+1)+
		` || document.querySelector("main .alert")`)
	if msg, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector("main .alert")?.textContent ?? ""`)); msg != "" {
		b.t.Fatalf("%s: got the message %q, want the action done", a.Label(), msg)
	}
	if got := b.statusOnPage(); got != want.Label() {
		b.t.Fatalf("status after %s: got %q, want %q", a.Label(), got, want.Label())
	}
}

// openFromInbox opens the officer's inbox, finds the dossier and opens its page.
func (b *browserSession) openFromInbox(code string) {
	b.t.Helper()
	b.open("/ho-so")
	link := `table.inbox a[href="/ho-so/` + code + `"]`
	ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`!!document.querySelector(`+jsString(link)+`)`))
	if err != nil || !ok {
		b.t.Fatalf("inbox of %s: dossier %s not listed (%v); page: %s", b.location(), code, err, b.pageText())
	}
	b.clickTo(link, `location.pathname === "/ho-so/`+code+`"`)
}

// statusOnPage is the status shown on the officer's dossier page.
func (b *browserSession) statusOnPage() string {
	b.t.Helper()
	return b.text(".dossier-facts dd strong")
}

// writeSmallPDF writes a minimal valid one-page PDF and returns its path.
func writeSmallPDF(t testing.TB, name string) string {
	t.Helper()
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
	}
	var sb strings.Builder
	sb.WriteString("%PDF-1.4\n")
	var offsets []int
	for i, o := range objs {
		offsets = append(offsets, sb.Len())
		sb.WriteString(strings.Join([]string{strconv.Itoa(i + 1), " 0 obj\n", o, "\nendobj\n"}, ""))
	}
	xref := sb.Len()
	sb.WriteString("xref\n0 4\n0000000000 65535 f \n")
	for _, off := range offsets {
		s := strconv.Itoa(off)
		sb.WriteString(strings.Repeat("0", 10-len(s)) + s + " 00000 n \n")
	}
	sb.WriteString("trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n" + strconv.Itoa(xref) + "\n%%EOF\n")
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// verificationPath reads the verification link from the e-mail in the server's outbox.
func verificationPath(t testing.TB, ls *liveServer, email string) string {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, store.Config{URL: filepath.Join(ls.DataDir, "motcua.db")})
	if err != nil {
		t.Fatalf("open the server's database: %v", err)
	}
	defer st.Close()
	msgs, err := st.OutboxFor(ctx, email, 5)
	if err != nil {
		t.Fatalf("outbox: %v", err)
	}
	for _, m := range msgs {
		if p := verifyLinkRe.FindString(m.Body); p != "" {
			return p
		}
	}
	t.Fatalf("outbox of %s: got %d messages, want one with a verification link", email, len(msgs))
	return ""
}

// TestBrowserDossierLifecycle follows dossiers through their life as the people would:
// a counter reception with its receipt, an online submission by a citizen who registers
// for it, a supplement request and answer, the specialist's and the leader's steps, the
// return of the result, and the public lookup that the receipt's QR code opens.
func TestBrowserDossierLifecycle(t *testing.T) {
	chromiumPath(t)
	ls := startServerIn(t, t.TempDir(), "")
	desk := newBrowser(t, ls, 1280, 900)
	citizen := newBrowser(t, ls, 390, 844)
	const proc = "1.001193"
	var code, lookupURL string

	if !t.Run("counter reception prints the receipt", func(t *testing.T) {
		b := desk.as(t)
		b.login("tanhoa.motcua")
		b.open("/tiep-nhan")
		b.do(chromedp.SendKeys(chromedp.CSS("#procedure"), proc+"\n"))
		b.waitJS(`document.querySelector("#full_name")`)
		if got := b.text("main h2"); !strings.Contains(got, "Đăng ký khai sinh") {
			t.Errorf("procedure picked: got %q, want Đăng ký khai sinh", got)
		}
		b.do(
			chromedp.SendKeys(chromedp.CSS("#full_name"), "Lê Văn Hùng"),
			chromedp.SendKeys(chromedp.CSS("#id_number"), "040088001122"),
			chromedp.SendKeys(chromedp.CSS("#phone"), "0987654321"),
			chromedp.SendKeys(chromedp.CSS("#address"), "Khối 3, thị trấn Tân Hòa"),
			chromedp.Click(chromedp.CSS(`input[name=doc0_ok]`)),
			chromedp.Click(chromedp.CSS(`input[name=doc1_ok]`)),
		)
		b.clickTo(`button[value=receive]`, `location.search === "?moi=1"`)
		got := b.text("main h1 code")
		if !dossierCodeRe.MatchString(got) {
			t.Fatalf("dossier code: got %q, want H40.12.05-YYMMDD-NNNN", got)
		}
		if got := b.statusOnPage(); got != dossier.StatusReceived.Label() {
			t.Errorf("status: got %q, want %q", got, dossier.StatusReceived.Label())
		}
		href, err := chromedp.Run(b.ctx, chromedp.AttributeValue(chromedp.CSS(".notice a"), "href"))
		if err != nil || !strings.HasSuffix(href.Value, "/forms/receipt.pdf") {
			t.Fatalf("receipt link: got %q, %v, want …/forms/receipt.pdf", href.Value, err)
		}
		if st, head := b.fetchHead(href.Value); st != 200 || !strings.HasPrefix(head, "%PDF") {
			t.Errorf("receipt: got %d %q, want 200 and a PDF", st, head)
		}
		t.Logf("screenshot: %s", b.screenshot("tiep-nhan-tai-quay"))
	}) {
		return
	}

	if !t.Run("citizen registers and submits online", func(t *testing.T) {
		b := citizen.as(t)
		b.open("/cong-dan/dang-ky")
		b.do(
			chromedp.SendKeys(chromedp.CSS("#full_name"), onlineCitizen.Name),
			chromedp.SendKeys(chromedp.CSS("#login"), onlineCitizen.Email),
			chromedp.SendKeys(chromedp.CSS("#password"), onlineCitizen.Password),
			chromedp.SendKeys(chromedp.CSS("#password2"), onlineCitizen.Password),
		)
		b.clickTo(`main form button[type=submit]`, `document.querySelector("main h1").textContent === "Đã nhận yêu cầu đăng ký"`)
		b.open(verificationPath(t, ls, onlineCitizen.Email))
		if got := b.text("main h1"); got != "Tài khoản đã được xác thực" {
			t.Fatalf("verification: got %q, want Tài khoản đã được xác thực", got)
		}
		b.open("/nop-truc-tuyen/" + proc) // sends to the login first, then back
		b.waitJS(`location.pathname === "/cong-dan/dang-nhap"`)
		b.do(
			chromedp.SendKeys(chromedp.CSS("#login"), onlineCitizen.Email),
			chromedp.SendKeys(chromedp.CSS("#password"), onlineCitizen.Password),
		)
		b.clickTo(`main form button[type=submit]`, `location.pathname === "/nop-truc-tuyen/`+proc+`"`)

		// The unit, the applicant and the e-form, then "Lưu nháp".
		unit, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](
			`[...document.querySelectorAll("#unit option")].find(o => o.textContent.includes("Tân Hòa"))?.value ?? ""`))
		if err != nil || unit == "" {
			t.Fatalf("units offering %s: Tân Hòa not in the list (%v)", proc, err)
		}
		b.do(
			chromedp.SetValue(chromedp.CSS("#unit"), unit),
			chromedp.SendKeys(chromedp.CSS("#id_number"), onlineCitizen.IDNumber),
			chromedp.SendKeys(chromedp.CSS("#phone"), onlineCitizen.Phone),
			chromedp.SendKeys(chromedp.CSS("#address"), "Khối 5, thị trấn Tân Hòa"),
			chromedp.SendKeys(chromedp.CSS("#f_ho_ten_tre"), "Nguyễn Minh An"),
			chromedp.SetValue(chromedp.CSS("#f_ngay_sinh"), time.Now().AddDate(0, 0, -10).Format(time.DateOnly)),
			chromedp.SendKeys(chromedp.CSS("#f_noi_sinh"), "Trạm y tế thị trấn Tân Hòa"),
			chromedp.SetValue(chromedp.CSS("#f_gioi_tinh"), "Nam"),
			chromedp.SendKeys(chromedp.CSS("#f_dan_toc"), "Kinh"),
			chromedp.SendKeys(chromedp.CSS("#f_quoc_tich"), "Việt Nam"),
			chromedp.SendKeys(chromedp.CSS("#f_ho_ten_cha"), "Nguyễn Văn Bình"),
			chromedp.SendKeys(chromedp.CSS("#f_ho_ten_me"), onlineCitizen.Name),
			chromedp.SendKeys(chromedp.CSS("#f_nguoi_yeu_cau"), onlineCitizen.Name),
			chromedp.SendKeys(chromedp.CSS("#f_quan_he"), "Mẹ"),
		)
		b.clickTo(`button[value=save]`, `location.search === "?da-luu=1"`)

		// One small PDF for each required document.
		required, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](
			`[...document.querySelectorAll("ol.documents li")].filter(li => li.querySelector(".req")).map(li => li.querySelector("input[type=file]").id)`))
		if err != nil || len(required) == 0 {
			t.Fatalf("required documents: got %v, %v, want at least one", required, err)
		}
		scan := writeSmallPDF(t, "giay-to.pdf")
		for i, id := range required {
			b.do(chromedp.SetUploadFiles(chromedp.CSS("#"+id), []string{scan}))
			b.clickTo(`#`+id+` ~ button`, `document.querySelectorAll("ol.documents p.file").length === `+strconv.Itoa(i+1))
		}
		kept, _ := chromedp.Run(b.ctx, chromedp.Value(chromedp.CSS("#f_ho_ten_tre")))
		if kept != "Nguyễn Minh An" {
			t.Errorf("draft after uploads: got child's name %q, want Nguyễn Minh An", kept)
		}
		b.clickTo(`button[value=submit]`, `location.search === "?da-nop=1"`)
		code = strings.TrimPrefix(b.text("main h1"), "Hồ sơ ")
		if !dossierCodeRe.MatchString(code) {
			t.Fatalf("online dossier code: got %q, want H40.12.05-YYMMDD-NNNN", code)
		}
		b.open("/cong-dan/ho-so")
		if got := b.text("table.list tbody"); !strings.Contains(got, code) || !strings.Contains(got, dossier.StatusSubmitted.Label()) {
			t.Errorf("Hồ sơ của tôi: got %q, want %s with status %s", got, code, dossier.StatusSubmitted.Label())
		}
		t.Logf("screenshot: %s", b.screenshot("ho-so-cua-toi"))
	}) {
		return
	}

	if !t.Run("supplement requested and sent", func(t *testing.T) {
		b := desk.as(t)
		b.openFromInbox(code)
		b.act(dossier.ActionAccept, "", dossier.StatusReceived)
		b.act(dossier.ActionRequestSupplement, "Bổ sung bản sao Giấy chứng sinh rõ nét hơn.", dossier.StatusSupplementRequested)

		c := citizen.as(t)
		c.open("/cong-dan/ho-so")
		if got := c.text("table.list tbody"); !strings.Contains(got, dossier.StatusSupplementRequested.Label()) {
			t.Errorf("Hồ sơ của tôi: got %q, want status %s", got, dossier.StatusSupplementRequested.Label())
		}
		c.clickTo(`table.list a[href="/cong-dan/ho-so/`+code+`"]`, `location.pathname === "/cong-dan/ho-so/`+code+`"`)
		if got := c.pageText(); !strings.Contains(got, "Giấy chứng sinh rõ nét hơn") {
			t.Errorf("citizen's dossier page: got %.400q, want the officer's request", got)
		}
		c.do(
			chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{writeSmallPDF(t, "giay-chung-sinh.pdf")}),
			chromedp.SendKeys(chromedp.CSS("#note"), "Gửi lại bản rõ nét."),
		)
		t.Logf("screenshot: %s", c.screenshot("bo-sung-ho-so"))
		c.clickTo(`section.supplement button[type=submit]`, `location.search === "?da-bo-sung=1"`)
		if got := c.text(".status"); got != dossier.StatusReceived.Label() {
			t.Errorf("status after the supplement: got %q, want %q", got, dossier.StatusReceived.Label())
		}
		b.open("/ho-so/" + code)
		if got := b.text("main"); !strings.Contains(got, "giay-chung-sinh.pdf") || !strings.Contains(got, "Hồ sơ bổ sung") {
			t.Errorf("officer's dossier page: got %.300q, want the supplement file giay-chung-sinh.pdf", got)
		}
	}) {
		return
	}

	if !t.Run("steps forwarded and result returned", func(t *testing.T) {
		b := desk.as(t)
		b.openFromInbox(code)
		if got := b.statusOnPage(); got != dossier.StatusReceived.Label() {
			t.Errorf("officer sees status: got %q, want %q", got, dossier.StatusReceived.Label())
		}
		b.act(dossier.ActionForward, "", dossier.StatusProcessing)

		for _, who := range []string{"tanhoa.chuyenvien", "tanhoa.lanhdao"} {
			o := newBrowser(t, ls, 1280, 900)
			o.login(who)
			o.openFromInbox(code)
			o.act(dossier.ActionForward, "", dossier.StatusProcessing)
		}

		b.openFromInbox(code)
		b.act(dossier.ActionForward, "", dossier.StatusResultReady)
		b.openFromInbox(code)
		b.act(dossier.ActionReturnResult, "", dossier.StatusReturned)
		t.Logf("screenshot: %s", b.screenshot("tra-ket-qua"))
	}) {
		return
	}

	t.Run("public lookup shows the status and no personal data", func(t *testing.T) {
		c := citizen.as(t)
		c.open("/cong-dan/ho-so/" + code)
		href, err := chromedp.Run(c.ctx, chromedp.AttributeValue(chromedp.CSS(`a[href^="/tra-cuu/"]`), "href"))
		if err != nil || !strings.Contains(href.Value, "?key=") {
			t.Fatalf("lookup link: got %q, %v, want /tra-cuu/{code}?key=…", href.Value, err)
		}
		lookupURL = href.Value
		anon := newBrowser(t, ls, 390, 844)
		anon.as(t).open(lookupURL)
		if got := anon.as(t).text(".dossier-facts dd strong"); got != dossier.StatusReturned.Label() {
			t.Errorf("lookup status: got %q, want %q", got, dossier.StatusReturned.Label())
		}
		page := anon.as(t).pageText()
		for _, secret := range []string{onlineCitizen.Name, onlineCitizen.Phone, onlineCitizen.IDNumber, onlineCitizen.Email} {
			if strings.Contains(page, secret) {
				t.Errorf("lookup page shows %q, want no personal data", secret)
			}
		}
		t.Logf("screenshot: %s", anon.as(t).screenshot("tra-cuu-cong-khai"))
	})
}
