package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath finds Debian's Chromium. Browser tests are required in CI (CI=true or
// MOTCUA_BROWSER=required) and skipped, loudly, on a machine without Chromium.
func chromiumPath(t testing.TB) string {
	t.Helper()
	for _, p := range []string{os.Getenv("MOTCUA_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p == "" {
			continue
		}
		if _, err := exec.LookPath(p); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" || os.Getenv("MOTCUA_BROWSER") == "required" {
		t.Fatal("Chromium is required for browser tests (apt-get install chromium)")
	}
	t.Skip("Chromium not installed: browser tests skipped (apt-get install chromium)")
	return ""
}

// browserSession is a headless Chromium tab against a live server.
type browserSession struct {
	ctx    context.Context
	server *liveServer
	t      testing.TB
}

// newBrowser starts headless Chromium with a fresh profile; width × height is the window.
func newBrowser(t testing.TB, ls *liveServer, width, height int) *browserSession {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(width, height),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 180*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return &browserSession{ctx: ctx, server: ls, t: t}
}

// do runs browser steps and fails the test on error.
func (b *browserSession) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatalf("browser: %v", err)
	}
}

// text returns the visible text of the first element matching a CSS selector.
func (b *browserSession) text(sel string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("browser text %s: %v", sel, err)
	}
	return s
}

// textChanged waits, through a page load the last step started, until the text of the
// first element matching sel differs from before, and returns it (or the last text read,
// after ten seconds).
func (b *browserSession) textChanged(sel, before string) string {
	b.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(b.ctx, time.Second)
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		cancel()
		if (err == nil && strings.TrimSpace(s) != before) || time.Now().After(deadline) {
			return strings.TrimSpace(s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// open navigates to a path of the live server and waits for the page body.
func (b *browserSession) open(path string) {
	b.t.Helper()
	b.do(chromedp.Navigate(b.server.URL+path), chromedp.WaitVisible(chromedp.CSS("main")))
}

// login signs in through the login form.
func (b *browserSession) login(username string) {
	b.t.Helper()
	b.open("/dang-nhap")
	b.do(
		chromedp.SendKeys(chromedp.CSS("#username"), username),
		chromedp.SendKeys(chromedp.CSS("#password"), demoPassword),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS("button.link")),
	)
}

// screenshot saves a full-page PNG under MOTCUA_SCREENSHOTS (or the test's temporary
// directory) and returns its path.
func (b *browserSession) screenshot(name string) string {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("screenshot: %v", err)
	}
	dir := os.Getenv("MOTCUA_SCREENSHOTS")
	if dir == "" {
		dir = b.t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.t.Fatal(err)
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	if len(png) < 1000 || string(png[1:4]) != "PNG" {
		b.t.Fatalf("screenshot %s is not a PNG", path)
	}
	return path
}

func TestBrowserOfficerLogin(t *testing.T) {
	chromiumPath(t)
	ls := startServer(t, "")
	b := newBrowser(t, ls, 1280, 900)
	b.login("tanhoa.motcua")
	if got := b.text("header.site .brand-unit"); got != "UBND thị trấn Tân Hòa" {
		t.Errorf("header unit: got %q, want UBND thị trấn Tân Hòa", got)
	}
	if got := b.text("header.site .me span"); got != "Nguyễn Thị Lan" {
		t.Errorf("signed-in name: got %q, want Nguyễn Thị Lan", got)
	}
	lang, err := chromedp.Run(b.ctx, chromedp.Evaluate[string]("document.documentElement.lang"))
	if err != nil || lang != "vi" {
		t.Errorf("lang: got %q, %v, want vi", lang, err)
	}
	t.Logf("screenshot: %s", b.screenshot("dang-nhap-motcua"))
}
