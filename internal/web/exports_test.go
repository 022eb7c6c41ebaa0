package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"motcua/internal/app"
	"motcua/internal/calendar"
	"motcua/internal/demo"
	"motcua/internal/sheet"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
	"motcua/internal/web"

	"github.com/xuri/excelize/v2"
)

// exportClock is a clock the test moves forward.
type exportClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *exportClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *exportClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// exportJSON is a job as the API shows it.
type exportJSON struct {
	ID       int64  `json:"id"`
	State    string `json:"state"`
	Progress struct {
		Done, Total, Percent int
	} `json:"progress"`
	File *struct {
		Name string `json:"name"`
		Size int64  `json:"size"`
		URL  string `json:"url"`
	} `json:"file"`
}

// TestExportJobs asks for a dossier book of several volumes (volumes of a few rows) as a
// background job through the API, on a real server and files store: the worker's
// progress is seen moving over HTTP, the ZIP downloads and every dossier of the period is
// read back from its PDFs; another officer gets 403, an unknown job 404; a job cancelled
// mid-way stops (cancelled, progress frozen, no file); a done file expires after a week.
func TestExportJobs(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			ctx := context.Background()
			clock := &exportClock{now: time.Date(2026, 3, 4, 9, 0, 0, 0, calendar.Zone())}
			st := demoStore(t, d, clock.Now, true)
			if _, err := demo.Generate(ctx, st, demo.GenerateOptions{Dossiers: 10, Days: 3, Now: clock.Now()}); err != nil {
				t.Fatal(err)
			}
			today := calendar.DateOf(clock.Now())
			from, to := today.AddDays(-3), today.AddDays(-1)
			entries, err := st.DossierBookPage(ctx, demo.TanHoa, from.Start(), to.AddDays(1).Start(), 0, 100)
			if err != nil || len(entries) < 3 {
				t.Fatalf("got %d dossiers in the period (%v), want at least 3", len(entries), err)
			}
			rows := (len(entries) + 2) / 3 // three volumes
			volumes := (len(entries) + rows - 1) / rows

			dir := t.TempDir()
			log := slog.New(slog.NewTextHandler(io.Discard, nil))
			h, err := web.New(web.Config{Version: "test", DataDir: dir, BaseURL: "http://motcua.test", BookVolumeRows: rows, InboxExportRows: 2}, st, log)
			if err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewServer(h)
			t.Cleanup(srv.Close)
			ts := &testServer{Server: srv, Store: st}
			var hookMu sync.Mutex
			var hook func(id int64, done, total int)
			worker := app.New(app.Config{DataDir: dir, BookVolumeRows: rows, ExportHeartbeat: time.Hour,
				OnExportStep: func(id int64, done, total int) {
					hookMu.Lock()
					f := hook
					hookMu.Unlock()
					if f != nil {
						f(id, done, total)
					}
				}}, st, log)
			setHook := func(f func(id int64, done, total int)) { hookMu.Lock(); hook = f; hookMu.Unlock() }

			owner, other := ts.token(t, "tanhoa.motcua"), ts.token(t, "tanhoa.chuyenvien")
			body := `{"kind":"book","params":{"unit":"` + demo.TanHoa + `","from":"` + from.String() + `","to":"` + to.String() + `"}}`
			var job exportJSON
			if st := ts.api(t, "POST", "/api/v1/exports", owner, body, &job); st != http.StatusAccepted || job.State != "queued" {
				t.Fatalf("queue: got %d %+v, want 202 queued", st, job)
			}
			path := "/api/v1/exports/" + strconv.FormatInt(job.ID, 10)

			// The worker makes it; after each volume the API shows the progress.
			var seen []exportJSON
			setHook(func(id int64, done, total int) {
				var j exportJSON
				ts.api(t, "GET", path, owner, "", &j)
				seen = append(seen, j)
			})
			if ran, err := worker.RunExport(ctx, "w1"); err != nil || !ran {
				t.Fatalf("run: got %v, %v", ran, err)
			}
			if len(seen) != volumes+1 || seen[0].Progress.Done != 0 || seen[1].Progress.Done != rows {
				t.Fatalf("progress seen: got %+v, want 0, then %d rows after each of %d volumes", seen, rows, volumes)
			}
			for i, j := range seen {
				if j.State != "running" || j.Progress.Total != len(entries) || (i > 0 && j.Progress.Done <= seen[i-1].Progress.Done) {
					t.Fatalf("step %d: got %+v, want running with progress moving towards %d", i, j, len(entries))
				}
			}
			if st := ts.api(t, "GET", path, owner, "", &job); st != http.StatusOK || job.State != "done" || job.Progress.Percent != 100 || job.File == nil {
				t.Fatalf("done: got %d %+v", st, job)
			}

			res := download(t, ts, job.File.URL, owner)
			if res.status != http.StatusOK || res.contentType != "application/zip" || int64(len(res.body)) != job.File.Size {
				t.Fatalf("file: got %d %s, %d bytes, want a zip of %d bytes", res.status, res.contentType, len(res.body), job.File.Size)
			}
			zr, err := zip.NewReader(bytes.NewReader(res.body), int64(len(res.body)))
			if err != nil || len(zr.File) != volumes {
				t.Fatalf("zip: got %v, %v, want %d volumes", zr, err, volumes)
			}
			var text strings.Builder
			for i, f := range zr.File {
				if want := demo.TanHoa + "-so-theo-doi-quyen-" + strconv.Itoa(i+1) + ".pdf"; f.Name != want {
					t.Errorf("volume %d: got %s, want %s", i+1, f.Name, want)
				}
				rc, _ := f.Open()
				data, _ := io.ReadAll(rc)
				rc.Close()
				vt := pdfText(t, data)
				if want := strconv.Itoa(i+1) + "/" + strconv.Itoa(volumes); !strings.Contains(vt, want) {
					t.Errorf("volume %d: the PDF does not say %q", i+1, want)
				}
				text.WriteString(vt)
			}
			for _, e := range entries {
				if strings.Count(text.String(), e.Code) != 1 {
					t.Errorf("dossier %s: got %d times in the volumes, want once", e.Code, strings.Count(text.String(), e.Code))
				}
			}

			// Only the requester sees the job; an unknown one is not found.
			var e apiError
			if st := ts.api(t, "GET", path, other, "", &e); st != http.StatusForbidden || e.Error.Code != "forbidden" {
				t.Errorf("another officer's job: got %d %+v, want 403", st, e)
			}
			if r := download(t, ts, job.File.URL, other); r.status != http.StatusForbidden {
				t.Errorf("another officer's file: got %d, want 403", r.status)
			}
			if st := ts.api(t, "GET", "/api/v1/exports/999999", owner, "", &e); st != http.StatusNotFound || e.Error.Code != "not_found" {
				t.Errorf("unknown job: got %d %+v, want 404", st, e)
			}
			if st := ts.api(t, "POST", "/api/v1/exports", owner, `{"kind":"book","params":{"unit":"H40.99.99","from":"2026-03-01","to":"2026-03-03"}}`, &e); st != http.StatusForbidden {
				t.Errorf("another unit's book: got %d, want 403", st)
			}

			// A job cancelled after its first volume stops there and keeps no file.
			var second exportJSON
			ts.api(t, "POST", "/api/v1/exports", owner, body, &second)
			path2 := "/api/v1/exports/" + strconv.FormatInt(second.ID, 10)
			reached, resume := make(chan int), make(chan struct{})
			setHook(func(id int64, done, total int) {
				if done > 0 {
					reached <- done
					<-resume
				}
			})
			ran := make(chan error, 1)
			go func() { _, err := worker.RunExport(ctx, "w2"); ran <- err }()
			done := <-reached
			if st := ts.api(t, "DELETE", path2, owner, "", &second); st != http.StatusOK || second.State != "cancelled" {
				t.Fatalf("cancel: got %d %+v, want 200 cancelled", st, second)
			}
			close(resume)
			if err := <-ran; err != nil {
				t.Fatal(err)
			}
			ts.api(t, "GET", path2, owner, "", &second)
			if second.State != "cancelled" || second.Progress.Done != done || second.File != nil {
				t.Errorf("after the cancel: got %+v, want cancelled at %d rows without a file", second, done)
			}
			if r := download(t, ts, path2+"/file", owner); r.status != http.StatusConflict {
				t.Errorf("a cancelled job's file: got %d, want 409", r.status)
			}
			if st := ts.api(t, "DELETE", path2, owner, "", &e); st != http.StatusConflict {
				t.Errorf("cancel twice: got %d, want 409", st)
			}
			if names := dirNames(t, filepath.Join(dir, "files", "exports")); len(names) != 1 {
				t.Errorf("export files: got %v, want only the first job's", names)
			}
			if names := dirNames(t, filepath.Join(dir, "files", "tmp")); len(names) != 0 {
				t.Errorf("temporary files left: %v", names)
			}

			// A server that stops mid-way gives the job back to the queue, without a file.
			var third exportJSON
			ts.api(t, "POST", "/api/v1/exports", owner, body, &third)
			stopping, stop := context.WithCancel(ctx)
			setHook(func(id int64, done, total int) {
				if done > 0 {
					stop()
				}
			})
			if _, err := worker.RunExport(stopping, "w3"); err != nil {
				t.Fatal(err)
			}
			setHook(nil)
			ts.api(t, "GET", "/api/v1/exports/"+strconv.FormatInt(third.ID, 10), owner, "", &third)
			if third.State != "queued" || third.Progress.Done != 0 || third.File != nil {
				t.Errorf("after a stop: got %+v, want queued again from the start", third)
			}

			// The desk: the inbox's list over the request's cap offers a background job;
			// the officer's page lists the jobs, refreshes while one waits, and cancels.
			b := ts.browser(t)
			b.login("tanhoa.motcua")
			if st, page := b.get("/ho-so/xuat.xlsx?xem=tat-ca"); st != http.StatusBadRequest || !strings.Contains(page, "Tạo tệp trong nền") ||
				!strings.Contains(page, `name="xem" value="tat-ca"`) {
				t.Errorf("inbox export over the cap: got %d, want the page offering a background job", st)
			}
			token := b.csrf("/tep-xuat")
			if st, loc, _ := b.post("/tep-xuat", url.Values{"csrf": {token}, "kind": {"inbox"}, "xem": {"tat-ca"}}); st != http.StatusSeeOther || loc != "/tep-xuat" {
				t.Fatalf("queue from the desk: got %d %s, want 303 to /tep-xuat", st, loc)
			}
			if st, page := b.get("/tep-xuat"); st != http.StatusOK || !strings.Contains(page, "Danh sách hồ sơ (Excel)") ||
				!strings.Contains(page, `http-equiv="refresh"`) || !strings.Contains(page, "Tải về "+job.File.Name) {
				t.Errorf("desk list: got %d, want the jobs, the refresh and the download", st)
			}
			b.post("/tep-xuat", url.Values{"csrf": {token}, "kind": {"inbox"}, "status": {"received"}})
			if st, _, page := b.post("/tep-xuat", url.Values{"csrf": {token}, "kind": {"inbox"}}); st != http.StatusTooManyRequests || !strings.Contains(page, "tệp chờ tạo") {
				t.Errorf("a fourth waiting job: got %d, want 429 in Vietnamese", st)
			}
			if st, _, _ := b.post("/tep-xuat/"+strconv.FormatInt(third.ID, 10)+"/huy", url.Values{}); st != http.StatusForbidden {
				t.Errorf("cancel without the token: got %d, want 403", st)
			}
			if st, loc, _ := b.post("/tep-xuat/"+strconv.FormatInt(third.ID, 10)+"/huy", url.Values{"csrf": {token}}); st != http.StatusSeeOther || loc != "/tep-xuat" {
				t.Errorf("cancel from the desk: got %d %s", st, loc)
			}
			if _, page := b.get("/tep-xuat"); !strings.Contains(page, "Đã hủy") {
				t.Error("desk list: the cancelled job is not shown cancelled")
			}
			if ran, err := worker.RunExport(ctx, "w4"); err != nil || !ran {
				t.Fatalf("inbox job: got %v, %v", ran, err)
			}
			var list struct{ Items []exportJSON }
			ts.api(t, "GET", "/api/v1/exports", owner, "", &list)
			if len(list.Items) != 5 || list.Items[1].State != "done" {
				t.Fatalf("jobs: got %+v, want five, the list done", list.Items)
			}
			r := download(t, ts, list.Items[1].File.URL, owner)
			if r.status != http.StatusOK || !strings.Contains(r.contentType, "spreadsheetml") {
				t.Fatalf("inbox list: got %d %s, want a workbook", r.status, r.contentType)
			}
			wb, err := excelize.OpenReader(bytes.NewReader(r.body))
			if err != nil {
				t.Fatal(err)
			}
			sheetRows, _ := wb.GetRows(sheet.SheetDossiers)
			wb.Close()
			if len(sheetRows) < len(entries)+1 || sheetRows[0][0] != sheet.DossierHeaders[0] || list.Items[1].Progress.Done != len(sheetRows)-1 {
				t.Errorf("inbox list: got %d rows (progress %d), want the header and every dossier in scope", len(sheetRows), list.Items[1].Progress.Done)
			}

			// A week later the worker removes the file and marks the job expired.
			clock.Add(8 * 24 * time.Hour)
			if n, err := worker.ExpireExports(ctx); err != nil || n != 2 {
				t.Fatalf("expire: got %d, %v, want the book and the list", n, err)
			}
			if j, _ := st.Export(ctx, job.ID); j.State != store.ExportExpired {
				t.Errorf("expired job: got state %s", j.State)
			}
			if names := dirNames(t, filepath.Join(dir, "files", "exports")); len(names) != 0 {
				t.Errorf("export files after expiry: got %v, want none", names)
			}
			if r := download(t, ts, job.File.URL, ts.token(t, "tanhoa.motcua")); r.status != http.StatusNotFound {
				t.Errorf("expired file: got %d, want 404", r.status)
			}
		})
	}
}

type downloaded struct {
	status      int
	contentType string
	body        []byte
}

// download fetches a file of the API with a token.
func download(t *testing.T, ts *testServer, path, token string) downloaded {
	t.Helper()
	req, _ := http.NewRequest("GET", ts.URL+path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	return downloaded{res.StatusCode, res.Header.Get("Content-Type"), data}
}

// dirNames lists a directory, none when it does not exist.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	list, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range list {
		out = append(out, e.Name())
	}
	return out
}
