package web_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/demo"
	"motcua/internal/store/storetest"
	"motcua/internal/web"
)

// TestBookWholeTooLarge asks the API for a unit's dossier book of a whole period in one
// file (?volume=all), with volumes of a few rows: a period of several volumes is refused
// with 413 and the contract's JSON error, whose message says how to have the book made by
// an export job (the request it gives is then accepted as it stands) or read a volume at a
// time; the headers give the number of volumes and point to the export jobs. A period of
// one volume is the PDF itself, and a volume of a long period points to the export jobs.
func TestBookWholeTooLarge(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			ctx := context.Background()
			now := time.Date(2026, 3, 4, 9, 0, 0, 0, calendar.Zone())
			st := demoStore(t, d, func() time.Time { return now }, true)
			if _, err := demo.Generate(ctx, st, demo.GenerateOptions{Dossiers: 10, Days: 3, Now: now}); err != nil {
				t.Fatal(err)
			}
			today := calendar.DateOf(now)
			from, to := today.AddDays(-3), today.AddDays(-1)
			total, err := st.DossierBookCount(ctx, demo.TanHoa, from.Start(), to.AddDays(1).Start())
			if err != nil || total < 3 {
				t.Fatalf("got %d dossiers in the period (%v), want at least 3", total, err)
			}
			rows := (total + 2) / 3
			volumes := (total + rows - 1) / rows
			h, err := web.New(web.Config{Version: "test", DataDir: t.TempDir(), BaseURL: "http://motcua.test", BookVolumeRows: rows},
				st, slog.New(slog.NewTextHandler(io.Discard, nil)))
			if err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewServer(h)
			t.Cleanup(srv.Close)
			ts := &testServer{Server: srv, Store: st}
			token := ts.token(t, "tanhoa.motcua")
			get := func(query string) (*http.Response, []byte) {
				t.Helper()
				req, _ := http.NewRequest("GET", srv.URL+"/api/v1/units/"+demo.TanHoa+"/book.pdf?"+query, nil)
				req.Header.Set("Authorization", "Bearer "+token)
				res, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				defer res.Body.Close()
				body, _ := io.ReadAll(res.Body)
				return res, body
			}
			period := "from=" + from.String() + "&to=" + to.String()

			res, body := get(period + "&volume=all")
			var e struct {
				Error struct{ Code, Message string } `json:"error"`
			}
			if err := json.Unmarshal(body, &e); err != nil || res.StatusCode != http.StatusRequestEntityTooLarge || e.Error.Code != "too_large" {
				t.Fatalf("whole book of %d volumes: got %d %q, want 413 too_large", volumes, res.StatusCode, body)
			}
			if v := res.Header.Get("X-Motcua-Book-Volumes"); v != strconv.Itoa(volumes) || !strings.Contains(res.Header.Get("Link"), "</api/v1/exports>") {
				t.Errorf("headers: got volumes %q, link %q, want %d and the export jobs", v, res.Header.Get("Link"), volumes)
			}
			msg := e.Error.Message
			for _, want := range []string{"tạo tệp trong nền", "POST /api/v1/exports", "GET /api/v1/exports/{id}/file", "?volume=" + strconv.Itoa(volumes)} {
				if !strings.Contains(msg, want) {
					t.Errorf("message %q does not say %q", msg, want)
				}
			}
			// The request the message gives is the one the export jobs take.
			start, end := strings.Index(msg, "{"), strings.Index(msg, "}}")
			if start < 0 || end < start {
				t.Fatalf("message %q gives no request body", msg)
			}
			var job struct{ State string }
			if st := ts.api(t, "POST", "/api/v1/exports", token, msg[start:end+2], &job); st != http.StatusAccepted || job.State != "queued" {
				t.Fatalf("queue the book the message gives: got %d %+v, want 202 queued", st, job)
			}

			// A volume of the long period points to the export jobs too.
			res, body = get(period + "&volume=2")
			if res.StatusCode != http.StatusOK || !strings.HasPrefix(string(body), "%PDF") || !strings.Contains(res.Header.Get("Link"), "</api/v1/exports>") {
				t.Errorf("volume 2: got %d, link %q", res.StatusCode, res.Header.Get("Link"))
			}
			// A period of one volume (the quietest of the three days) is the book itself.
			one, least := from, total+1
			for day := from; !to.Before(day); day = day.AddDays(1) {
				n, err := st.DossierBookCount(ctx, demo.TanHoa, day.Start(), day.AddDays(1).Start())
				if err != nil {
					t.Fatal(err)
				}
				if n < least {
					one, least = day, n
				}
			}
			res, body = get("from=" + one.String() + "&to=" + one.String() + "&volume=all")
			if res.StatusCode != http.StatusOK || !strings.HasPrefix(string(body), "%PDF") || res.Header.Get("X-Motcua-Book-Volumes") != "1" || res.Header.Get("Link") != "" {
				t.Errorf("whole book of one volume: got %d %.40q, volumes %q, link %q", res.StatusCode, body, res.Header.Get("X-Motcua-Book-Volumes"), res.Header.Get("Link"))
			}
			if res, _ := get(period + "&volume=x"); res.StatusCode != http.StatusBadRequest {
				t.Errorf("volume x: got %d, want 400", res.StatusCode)
			}
		})
	}
}
