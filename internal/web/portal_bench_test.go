package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"regexp"
	"testing"
	"time"

	"motcua/internal/store"
	"motcua/internal/web"
)

// subresourceRe finds what a browser loads with the page: style sheets, scripts and the
// images in src attributes (lazy ones included, the worst case).
var subresourceRe = regexp.MustCompile(`(?:href="(/static/[^"]+\.css)"|src="(/[^"]+)")`)

// wireSize fetches a path as a browser would (gzip accepted) and returns the bytes on
// the wire.
func wireSize(b *testing.B, client *http.Client, url string) int {
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := client.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	n, _ := io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != 200 {
		b.Fatalf("GET %s: status %d", url, resp.StatusCode)
	}
	return int(n)
}

// BenchmarkPortalHome measures the unit's home page with the demo content: the time to
// first byte of its HTML (ttfb-µs), the HTML on the wire (html-B) and the weight of the
// page with everything it loads (page-B: HTML, style sheets, script and images).
//
//	go test ./internal/web -run '^$' -bench PortalHome -benchtime 200x
func BenchmarkPortalHome(b *testing.B) {
	st := demoStore(b, store.SQLite, nil, true)
	h, err := web.New(web.Config{Version: "bench", DataDir: b.TempDir()}, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}

	req, _ := http.NewRequest("GET", srv.URL+"/", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := client.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	html, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	// The subresources are read from the uncompressed page.
	plain, err := http.Get(srv.URL + "/")
	if err != nil {
		b.Fatal(err)
	}
	page, _ := io.ReadAll(plain.Body)
	plain.Body.Close()
	weight := len(html)
	seen := map[string]bool{}
	for _, m := range subresourceRe.FindAllStringSubmatch(string(page), -1) {
		path := m[1] + m[2]
		if !seen[path] {
			seen[path] = true
			weight += wireSize(b, client, srv.URL+path)
		}
	}

	var ttfb time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var start time.Time
		trace := &httptrace.ClientTrace{
			WroteRequest:         func(httptrace.WroteRequestInfo) { start = time.Now() },
			GotFirstResponseByte: func() { ttfb += time.Since(start) },
		}
		req, _ := http.NewRequestWithContext(httptrace.WithClientTrace(context.Background(), trace), "GET", srv.URL+"/", nil)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	b.ReportMetric(float64(ttfb.Microseconds())/float64(b.N), "ttfb-µs")
	b.ReportMetric(float64(len(html)), "html-B")
	b.ReportMetric(float64(weight), "page-B")
	b.ReportMetric(float64(len(seen)), "subresources")
}
