package main

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserCatalogSearchOnPhone searches from the home page on a phone-sized window,
// typing without accents, picks the first live result and reads the procedure page.
func TestBrowserCatalogSearchOnPhone(t *testing.T) {
	chromiumPath(t)
	ls := startServer(t, "")
	b := newBrowser(t, ls, 390, 844)
	b.open("/")
	first := "#ket-qua .results li:first-child a.proc"
	b.do(
		chromedp.SendKeys(chromedp.CSS("#q"), "dang ky khai sinh"),
		chromedp.WaitVisible(chromedp.CSS(first)),
	)
	// The live results follow the typing: wait for those of the whole query.
	got := b.text(first)
	for i := 0; i < 100 && got != "Đăng ký khai sinh"; i++ {
		time.Sleep(100 * time.Millisecond)
		got = b.text(first)
	}
	if got != "Đăng ký khai sinh" {
		t.Fatalf("first live result: got %q, want Đăng ký khai sinh", got)
	}
	b.do(
		chromedp.Click(chromedp.CSS(first)),
		chromedp.WaitVisible(chromedp.CSS("article.procedure h1")),
	)
	if got := b.text("article.procedure h1"); got != "Đăng ký khai sinh" {
		t.Errorf("procedure page title: got %q, want Đăng ký khai sinh", got)
	}
	if got := b.text("article.procedure"); !strings.Contains(got, "Giấy chứng sinh") || !strings.Contains(got, "Thời hạn giải quyết") {
		t.Errorf("procedure page: got %.200q, want the documents and the deadline", got)
	}
	width, err := chromedp.Run(b.ctx, chromedp.Evaluate[int]("document.documentElement.scrollWidth"))
	if err != nil || width > 390 {
		t.Errorf("page width on a 390 px phone: got %d, %v, want no horizontal scrolling", width, err)
	}
	t.Logf("screenshot: %s", b.screenshot("thu-tuc-dien-thoai"))
}
