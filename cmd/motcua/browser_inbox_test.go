package main

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// fitsWidth reports whether the page scrolls sideways as a whole (tables may scroll
// inside their own container).
func (b *browserSession) fitsWidth() bool {
	b.t.Helper()
	ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth <= window.innerWidth`))
	if err != nil {
		b.t.Fatal(err)
	}
	return ok
}

func TestBrowserInboxOnPhone(t *testing.T) {
	chromiumPath(t)
	ls := startServer(t, "")
	b := newBrowser(t, ls, 390, 844)
	b.login("tanhoa.motcua")
	b.waitJS(`location.pathname === "/ho-so"`)
	if !b.fitsWidth() {
		t.Error("the inbox is wider than a 390 px phone")
	}
	// The demo's dossier history loads in the background after the server answers:
	// look again until the inbox shows it.
	var code string
	for deadline := time.Now().Add(90 * time.Second); ; {
		var err error
		code, err = chromedp.Run(b.ctx, chromedp.Evaluate[string](`(document.querySelector("table.inbox a code") || {}).textContent || ""`))
		if err != nil {
			t.Fatal(err)
		}
		if code != "" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("first dossier of the inbox: none 90 s after the start, want the demo history")
		}
		time.Sleep(500 * time.Millisecond)
		b.open("/ho-so")
	}
	b.do(chromedp.SendKeys(chromedp.CSS(`input[name=q]`), code), chromedp.Submit(chromedp.CSS(`input[name=q]`)))
	b.waitJS(`location.search.includes("q=")`)
	if got := b.text("table.inbox caption"); !strings.HasPrefix(got, "Kết quả tìm kiếm (1)") {
		t.Errorf("search by code: got caption %q, want one result", got)
	}
	b.clickTo(`table.inbox a[href="/ho-so/`+code+`"]`, `location.pathname === "/ho-so/`+code+`"`)
	b.open("/ho-so?xem=da-xong")
	if got := b.text("table.inbox caption"); !strings.HasPrefix(got, "Hồ sơ đã giải quyết xong") {
		t.Errorf("finished view: got caption %q", got)
	}
	if !b.fitsWidth() {
		t.Error("the finished view is wider than a 390 px phone")
	}
	t.Logf("screenshot: %s", b.screenshot("ho-so-da-xong-dien-thoai"))
}
