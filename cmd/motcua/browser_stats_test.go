package main

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserLeaderReports: the leader opens the dashboard from the menu, then Biểu
// II.06a, clicks a cell and sees the dossiers behind it; the public ranking and results
// page show Tân Hòa first for 2025.
func TestBrowserLeaderReports(t *testing.T) {
	chromiumPath(t)
	ls := startServer(t, "")
	b := newBrowser(t, ls, 1280, 900)
	b.login("tanhoa.lanhdao")
	b.clickTo(`nav a[href="/dieu-hanh"]`, `location.pathname === "/dieu-hanh"`)
	title, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`(document.querySelector("#xu-huong title") || {}).textContent || ""`))
	if err != nil {
		t.Fatal(err)
	}
	if got := title; got != "Tỷ lệ giải quyết đúng hạn theo tháng" {
		t.Errorf("trend chart title %q", got)
	}
	// The demo history loads in the background: open the 2025 report until it has data.
	for deadline := time.Now().Add(90 * time.Second); ; {
		b.open("/bao-cao?ky=2024-12-15_2025-12-14")
		n, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll("#bieu-ii06a tfoot a").length`))
		if err != nil {
			t.Fatal(err)
		}
		if got := b.text("#bieu-ii06a tfoot td"); n > 0 && got != "0" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("Biểu II.06a 2025 has no data 90 s after the start")
		}
		time.Sleep(time.Second)
	}
	b.clickTo(`#bieu-ii06a tfoot td:nth-of-type(5) a`, `location.pathname === "/bao-cao/ho-so"`)
	if got := b.text("#ho-so-trong-o tbody td"); !strings.HasPrefix(got, "H40.12.05-") {
		t.Errorf("dossiers behind resolved.total: first cell %q, want a Tân Hòa dossier code", got)
	}
	b.open("/xep-hang?nam=2025&cap-tren=H40")
	if got := b.text("#xep-hang tbody tr th"); got != "UBND thị trấn Tân Hòa" {
		t.Errorf("public ranking 2025: first %q, want Tân Hòa", got)
	}
	b.open("/ket-qua/H40.12.05?nam=2025")
	if got := b.text("#ket-qua tbody tr:nth-of-type(5) td:nth-of-type(2)"); got != "1/4" {
		t.Errorf("results page 2025: rank %q, want 1/4", got)
	}
}
