package main

import (
	"archive/zip"
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/demo"
	"motcua/internal/pdf/pdftext"

	"github.com/chromedp/chromedp"
)

// TestBrowserExportBook: the desk officer asks, from the inbox, for the dossier book of a
// year of the demo's history — several volumes, too large for one request — to be made in
// the background; "Tệp xuất của tôi" shows the job with its state and progress and
// refreshes itself until it is done, then the officer downloads the ZIP from the link:
// every volume is a PDF whose text reads back with the unit's dossiers, each once, as many
// as the progress counted.
func TestBrowserExportBook(t *testing.T) {
	chromiumPath(t)
	ls := startServer(t, "")
	for deadline := time.Now().Add(120 * time.Second); !strings.Contains(ls.Log.String(), "demo history: loaded"); {
		if time.Now().After(deadline) {
			t.Fatal("the demo history did not load within 120 s")
		}
		time.Sleep(500 * time.Millisecond)
	}
	b := newBrowser(t, ls, 1280, 900)
	b.login("tanhoa.motcua")
	b.open("/ho-so")
	today := calendar.DateOf(time.Now())
	from, to := today.AddDays(-364), today
	b.do(
		chromedp.Click(chromedp.CSS("details.book-print summary")),
		chromedp.SetValue(chromedp.CSS(`form[action="/tep-xuat"] input[name="from"]`), from.String()),
		chromedp.SetValue(chromedp.CSS(`form[action="/tep-xuat"] input[name="to"]`), to.String()),
	)
	b.clickTo(`form[action="/tep-xuat"] button[type="submit"]`, `location.pathname === "/tep-xuat"`)

	// The page lists the job and refreshes itself (every 5 s) until it is done.
	states := map[string]bool{}
	var row string
	for deadline := time.Now().Add(150 * time.Second); ; {
		b.waitJS(`document.querySelector("table.exports tbody tr") !== null`)
		row = b.text("table.exports tbody tr")
		states[b.text("table.exports tbody tr td:nth-of-type(3)")] = true
		if strings.Contains(row, "Đã xong") {
			break
		}
		if strings.Contains(row, "Không tạo được") || time.Now().After(deadline) {
			t.Fatalf("the book's job did not finish: %q", row)
		}
		refresh, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`document.querySelector('meta[http-equiv="refresh"]') !== null`))
		if err != nil || !refresh {
			t.Fatalf("a job under way (%q): the page does not refresh itself (%v)", row, err)
		}
		time.Sleep(time.Second)
	}
	if !strings.Contains(row, "Sổ theo dõi") {
		t.Errorf("job row %q does not name the dossier book", row)
	}
	m := regexp.MustCompile(`100% \((\d+)/(\d+) hồ sơ\)`).FindStringSubmatch(row)
	if m == nil || m[1] != m[2] {
		t.Fatalf("done job's progress: got %q, want 100%% (N/N hồ sơ)", row)
	}
	total, _ := strconv.Atoi(m[2])
	if total <= 1000 {
		t.Fatalf("the year's book has %d dossiers, want more than a volume (1,000)", total)
	}
	bar, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`(document.querySelector("table.exports tbody tr progress") || {}).value + ""`))
	if err != nil || bar != "100" {
		t.Errorf("progress bar of the done job: got %q (%v), want 100", bar, err)
	}
	t.Logf("states seen: %v", states)

	href, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector("table.exports a[download]").getAttribute("href")`))
	if err != nil || !strings.HasPrefix(href, "/tep-xuat/") {
		t.Fatalf("download link: %q, %v", href, err)
	}
	status, data := b.fetchBytes(href)
	if status != 200 {
		t.Fatalf("download: got %d", status)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("download is not a ZIP: %v", err)
	}
	volumes := (total + 999) / 1000
	if len(zr.File) != volumes {
		t.Fatalf("ZIP: %d files, want %d volumes", len(zr.File), volumes)
	}
	codes := map[string]int{}
	code := regexp.MustCompile(regexp.QuoteMeta(demo.TanHoa) + `-[0-9A-Z-]+`)
	for i, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		buf.ReadFrom(rc)
		rc.Close()
		text, err := pdftext.Text(buf.Bytes())
		if err != nil {
			t.Fatalf("volume %d (%s): %v", i+1, f.Name, err)
		}
		if !strings.Contains(strings.ToUpper(text), "SỔ THEO DÕI") || !strings.Contains(text, strconv.Itoa(i+1)+"/"+strconv.Itoa(volumes)) {
			t.Errorf("volume %d: text does not read as volume %d/%d of the dossier book: %.300q", i+1, i+1, volumes, text)
		}
		for _, c := range code.FindAllString(text, -1) {
			codes[c]++
		}
	}
	if len(codes) != total {
		t.Errorf("dossiers read back from the volumes: %d, want %d", len(codes), total)
	}
	for c, n := range codes {
		if n != 1 {
			t.Errorf("dossier %s: %d times in the book, want once", c, n)
		}
	}
}
