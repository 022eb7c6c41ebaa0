package main

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserPhoneWidth opens the calendar, the counter form and the inbox in a window
// 390 px wide (a common phone) and checks that no page is wider than the window: wide
// tables scroll inside their own box and forms stack.
func TestBrowserPhoneWidth(t *testing.T) {
	chromiumPath(t)
	ls := startServer(t, "")
	b := newBrowser(t, ls, 390, 844)
	check := func(path string) {
		t.Helper()
		width, err := chromedp.Run(b.ctx, chromedp.Evaluate[int]("document.documentElement.scrollWidth"))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if width > 390 {
			t.Errorf("%s: page is %d px wide, want at most 390", path, width)
		}
	}
	b.open("/lich")
	check("/lich")
	b.login("tanhoa.motcua")
	for _, path := range []string{"/tiep-nhan", "/tiep-nhan?procedure=1.001193", "/ho-so"} {
		b.open(path)
		check(path)
	}
}
