package main

import (
	"context"
	"encoding/base64"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"motcua/internal/demo"
	"motcua/internal/dossier"
)

// TestBrowserSignedResult: a counter dossier reaches the specialist, who attaches the
// result (a PDF) on the dossier page; the leader approves it there and motcua signs it
// with Tân Hòa's certificate; the applicant opens the public lookup page with the
// receipt's key and downloads the result, whose bytes verify with poppler's pdfsig.
func TestBrowserSignedResult(t *testing.T) {
	chromiumPath(t)
	pdfsig, err := exec.LookPath("pdfsig")
	if err != nil {
		if os.Getenv("MOTCUA_BROWSER") == "required" {
			t.Fatal("pdfsig (poppler-utils) is required")
		}
		t.Skip("pdfsig not installed")
	}
	ls := startServer(t, "")
	client := &http.Client{}
	token := crashToken(t, client, ls.URL)
	var created struct {
		Code      string `json:"code"`
		LookupKey string `json:"lookup_key"`
	}
	body := map[string]any{"procedure_code": "1.001193", "unit_code": demo.TanHoa, "channel": "counter",
		"applicant": map[string]string{"full_name": "Phạm Văn Bình", "phone": "0987654321"}}
	if _, err := benchDo(context.Background(), client, http.MethodPost, ls.URL+"/api/v1/dossiers", token, body, http.StatusCreated, &created); err != nil {
		t.Fatal(err)
	}
	// The desk hands it to the specialist.
	if _, err := benchDo(context.Background(), client, http.MethodPost, ls.URL+"/api/v1/dossiers/"+created.Code+"/actions", token,
		map[string]string{"action": "forward"}, http.StatusOK, &map[string]any{}); err != nil {
		t.Fatal(err)
	}

	specialist := newBrowser(t, ls, 1280, 900)
	specialist.login("tanhoa.chuyenvien")
	specialist.open("/ho-so/" + created.Code)
	specialist.do(chromedp.SetUploadFiles(chromedp.CSS("#result-file"), []string{writeSmallPDF(t, "giay-khai-sinh.pdf")}))
	specialist.clickTo(`form[action$="/ket-qua"] button[type=submit]`, `document.querySelector(".esign-draft") || document.querySelector("main .alert, main h1.error")`)
	if !strings.Contains(specialist.text(".esign-draft"), "giay-khai-sinh.pdf") {
		t.Fatalf("the prepared result is not shown: %s", specialist.pageText())
	}
	specialist.act(dossier.ActionForward, "", dossier.StatusProcessing)

	leader := newBrowser(t, ls, 1280, 900)
	leader.login("tanhoa.lanhdao")
	leader.open("/ho-so/" + created.Code)
	leader.act(dossier.ActionForward, "", dossier.StatusProcessing)
	if got := leader.text(".esign-signed"); !strings.Contains(got, "Đã ký số") {
		t.Fatalf("after approval: got %q, want the signed result", got)
	}
	t.Logf("screenshot: %s", leader.screenshot("ket-qua-da-ky"))

	citizen := newBrowser(t, ls, 390, 844)
	citizen.open("/tra-cuu")
	citizen.do(
		chromedp.SendKeys(chromedp.CSS("#code"), created.Code),
		chromedp.SendKeys(chromedp.CSS("#key"), created.LookupKey),
		chromedp.Submit(chromedp.CSS("#key")),
	)
	citizen.waitJS(`document.querySelector(".esign-download a")`)
	href, err := chromedp.Run(citizen.ctx, chromedp.Evaluate[string](`document.querySelector(".esign-download a").getAttribute("href")`))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := chromedp.Run(citizen.ctx, chromedp.Evaluate[string](`fetch(`+jsString(href)+`).then(async r => {
		if (!r.ok) return "status " + r.status;
		const b = new Uint8Array(await r.arrayBuffer());
		let s = ""; for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
		return btoa(s);
	})`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := base64.StdEncoding.DecodeString(raw)
	if err != nil {
		t.Fatalf("download %s: %s", href, raw)
	}
	path := filepath.Join(t.TempDir(), "ket-qua.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, _ := exec.Command(pdfsig, path).CombinedOutput()
	if !strings.Contains(string(out), "Signature Validation: Signature is Valid.") || !strings.Contains(string(out), "UBND thị trấn Tân Hòa") {
		t.Fatalf("pdfsig on the downloaded result:\n%s", out)
	}
}
