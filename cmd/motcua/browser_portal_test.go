package main

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// get fetches a path of the live server and returns its body.
func (ls *liveServer) get(t testing.TB, path string) string {
	t.Helper()
	resp, err := http.Get(ls.URL + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", path, resp.StatusCode)
	}
	return string(body)
}

// TestBrowserPortalArticle: an editor writes an article with a picture and adds a link
// to the home page, the leader approves the article, and it appears on the home page, in
// its category, in the Atom feed and in the sitemap.
func TestBrowserPortalArticle(t *testing.T) {
	chromiumPath(t)
	ls := startServer(t, "")
	b := newBrowser(t, ls, 1280, 900)

	img := image.NewRGBA(image.Rect(0, 0, 900, 500))
	for y := range 500 {
		for x := range 900 {
			img.Set(x, y, color.RGBA{uint8(x / 4), 90, uint8(y / 2), 255})
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	pic := filepath.Join(t.TempDir(), "anh-cho.png")
	if err := os.WriteFile(pic, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	const title = "Chợ Tân Hòa mở cửa lại sau khi sửa chữa"
	b.login("tanhoa.bientap")
	b.open("/bien-tap/moi")
	b.do(
		chromedp.SetValue(chromedp.CSS("#category"), "tin-tuc"),
		chromedp.SendKeys(chromedp.CSS("#title"), title),
		chromedp.SendKeys(chromedp.CSS("#summary"), "Chợ được lợp mái mới và có lối đi cho xe lăn."),
		chromedp.SendKeys(chromedp.CSS("#body"), "Sau ba tháng sửa chữa, **chợ Tân Hòa** mở cửa lại."),
		chromedp.SetUploadFiles(chromedp.CSS("#image_file"), []string{pic}),
		chromedp.SendKeys(chromedp.CSS("#image_alt"), "Mái chợ mới lợp"),
		chromedp.Submit(chromedp.CSS("#title")),
		chromedp.WaitVisible(chromedp.CSS("#gui-duyet")),
		chromedp.Click(chromedp.CSS("#gui-duyet")),
		chromedp.WaitNotPresent(chromedp.CSS("#gui-duyet")),
	)
	if got := b.text("#trang-thai"); got != "Chờ lãnh đạo duyệt" {
		t.Fatalf("after submission: got %q, want Chờ lãnh đạo duyệt", got)
	}
	loc, err := chromedp.Run(b.ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	// The editor adds a link to the home page's links block.
	const link = "Chợ Tân Hòa: giờ mở cửa"
	b.open("/bien-tap/lien-ket")
	b.do(
		chromedp.SendKeys(chromedp.CSS("#title"), link),
		chromedp.SendKeys(chromedp.CSS("#url"), "/tin/cho-tan-hoa-mo-cua-lai-sau-khi-sua-chua"),
		chromedp.Submit(chromedp.CSS("#title")),
		chromedp.WaitVisible(chromedp.CSS("main .notice")),
	)
	t.Logf("screenshot: %s", b.screenshot("cong-lien-ket"))
	b.do(chromedp.Click(chromedp.CSS("header.site .me button.link")), chromedp.WaitVisible(chromedp.CSS(`header.site .me a[href="/dang-nhap"]`)))

	b.login("tanhoa.lanhdao")
	b.do(chromedp.Navigate(loc), chromedp.WaitVisible(chromedp.CSS("#duyet")), chromedp.Click(chromedp.CSS("#duyet")),
		chromedp.WaitNotPresent(chromedp.CSS("#duyet")))
	if got := b.text("#trang-thai"); got != "Đã đăng" {
		t.Fatalf("after approval: got %q, want Đã đăng", got)
	}

	b.open("/")
	if !strings.Contains(b.text("#tin-moi + ul"), title) {
		t.Errorf("home page's latest news lacks the article")
	}
	if !strings.Contains(b.text("#lien-ket + ul"), link) {
		t.Errorf("home page's links lack the new link")
	}
	b.open("/chuyen-muc/tin-tuc")
	if !strings.Contains(b.text("main"), title) {
		t.Errorf("category page lacks the article")
	}
	b.do(chromedp.Click(chromedp.CSS(`a[href="/tin/cho-tan-hoa-mo-cua-lai-sau-khi-sua-chua"]`)), chromedp.WaitVisible(chromedp.CSS("article h1")))
	if got := b.text("article h1"); got != title {
		t.Errorf("article page: got %q", got)
	}
	pic2, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`(() => { const i = document.querySelector("article figure img"); return i.alt + "|" + (i.complete && i.naturalWidth > 0) + "|" + /\/anh\/[0-9a-f]{16}-(1200|400)\.jpg$/.test(i.currentSrc) })()`))
	if err != nil || pic2 != "Mái chợ mới lợp|true|true" {
		t.Errorf("picture: got %q, %v, want the resized JPEG shown with its alt text", pic2, err)
	}
	if feed := ls.get(t, "/feed.atom"); !strings.Contains(feed, title) {
		t.Errorf("Atom feed lacks the article")
	}
	if sm := ls.get(t, "/sitemap.xml"); !strings.Contains(sm, "/tin/cho-tan-hoa-mo-cua-lai-sau-khi-sua-chua") {
		t.Errorf("sitemap lacks the article")
	}
	t.Logf("screenshot: %s", b.screenshot("cong-bai-viet"))
}

// TestBrowserPortalPhoneAndKeyboard: the home page fits a 390 px phone without sideways
// scrolling, and the skip link is the first thing the keyboard reaches and moves the
// focus to the main content.
func TestBrowserPortalPhoneAndKeyboard(t *testing.T) {
	chromiumPath(t)
	ls := startServer(t, "")
	b := newBrowser(t, ls, 390, 844)
	for _, path := range []string{"/", "/tin/tan-hoa-hai-nam-lien-dan-dau-cai-cach-hanh-chinh", "/trang/co-cau-to-chuc", "/chuyen-muc/thong-bao", "/tim-kiem?q=ho+tich"} {
		b.open(path)
		width, err := chromedp.Run(b.ctx, chromedp.Evaluate[int]("document.documentElement.scrollWidth"))
		if err != nil {
			t.Fatal(err)
		}
		if width > 390 {
			t.Errorf("%s: page is %d px wide, want at most 390", path, width)
		}
	}
	b.open("/")
	t.Logf("screenshot: %s", b.screenshot("cong-trang-chu-390"))
	eval := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	b.do(chromedp.KeyEvent(kb.Tab))
	first := eval(`document.activeElement.className + "|" + document.activeElement.textContent`)
	if !strings.HasPrefix(first, "skip|") {
		t.Fatalf("first Tab reaches %q, want the skip link", first)
	}
	if eval(`String(document.activeElement.getBoundingClientRect().left >= 0)`) != "true" {
		t.Errorf("focused skip link is off screen")
	}
	b.do(chromedp.KeyEvent(kb.Enter))
	hash, after := eval(`location.hash`), eval(`document.activeElement.id`)
	if hash != "#noi-dung" || after != "noi-dung" {
		t.Errorf("Enter on the skip link: got hash %q, focus on %q, want #noi-dung and the main content", hash, after)
	}
}
