package web_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"strings"
	"testing"

	"motcua/internal/store/storetest"
)

// fetch sends a GET with the Accept-Encoding given ("" for none) and no transparent
// decompression, and returns the answer with its body as sent on the wire.
func fetch(t *testing.T, url, acceptEncoding string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.ContentLength >= 0 && resp.ContentLength != int64(len(body)) {
		t.Errorf("GET %s: Content-Length %d, but %d bytes came", url, resp.ContentLength, len(body))
	}
	return resp, body
}

// TestSiteDelivery checks how pages travel: text is gzipped for clients that accept it
// and only for them, PDFs and small files go as they are with their length, the favicon
// answers at /favicon.ico and /static, and the footer shows the version.
func TestSiteDelivery(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			ts := newCatalogServer(t, d)
			plainResp, plain := fetch(t, ts.URL+"/thu-tuc", "")
			if plainResp.Header.Get("Content-Encoding") != "" || !strings.Contains(string(plain), "Thủ tục hành chính") {
				t.Fatalf("page without gzip: got encoding %q", plainResp.Header.Get("Content-Encoding"))
			}
			for _, path := range []string{"/thu-tuc", "/static/style.css", "/static/htmx.min.js", "/api/v1/procedures"} {
				resp, wire := fetch(t, ts.URL+path, "br;q=1.0, gzip;q=0.8")
				if resp.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(resp.Header.Get("Vary"), "Accept-Encoding") {
					t.Errorf("%s: got encoding %q vary %q, want gzip varying by Accept-Encoding", path, resp.Header.Get("Content-Encoding"), resp.Header.Get("Vary"))
					continue
				}
				zr, err := gzip.NewReader(bytes.NewReader(wire))
				if err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				body, err := io.ReadAll(zr)
				if err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				_, want := fetch(t, ts.URL+path, "identity")
				if path == "/thu-tuc" || path == "/api/v1/procedures" {
					// Pages carry fresh tokens; compare the part that does not change.
					body, want = body[:500], want[:500]
				}
				if !bytes.Equal(body, want) || len(wire) >= len(want) && len(want) > 2000 {
					t.Errorf("%s: gzipped body differs or is not smaller (%d bytes for %d)", path, len(wire), len(want))
				}
			}
			if resp, _ := fetch(t, ts.URL+"/thu-tuc", "gzip;q=0"); resp.Header.Get("Content-Encoding") != "" {
				t.Error("gzip;q=0: want no compression")
			}
			resp, pdf := fetch(t, ts.URL+"/thu-tuc/linh-vuc/ho-tich/niem-yet.pdf", "gzip")
			if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Encoding") != "" || !bytes.HasPrefix(pdf, []byte("%PDF")) {
				t.Errorf("PDF: got %d encoding %q, want the PDF as it is", resp.StatusCode, resp.Header.Get("Content-Encoding"))
			}
			for _, path := range []string{"/favicon.ico", "/static/favicon.ico"} {
				resp, ico := fetch(t, ts.URL+path, "gzip")
				if resp.StatusCode != http.StatusOK || !bytes.HasPrefix(ico, []byte{0, 0, 1, 0}) || resp.Header.Get("Content-Encoding") != "" ||
					resp.ContentLength != int64(len(ico)) {
					t.Errorf("%s: got %d, %d bytes, encoding %q, length %d; want an icon with its length", path, resp.StatusCode, len(ico),
						resp.Header.Get("Content-Encoding"), resp.ContentLength)
				}
			}
			if resp, svg := fetch(t, ts.URL+"/static/favicon.svg", ""); resp.StatusCode != http.StatusOK || !strings.Contains(string(svg), "<svg") {
				t.Errorf("favicon.svg: got %d", resp.StatusCode)
			}
			for _, want := range []string{`<link rel="icon" href="/favicon.ico"`, `<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">`,
				"motcua 1.2.3-test"} {
				if !strings.Contains(string(plain), want) {
					t.Errorf("layout: want %q", want)
				}
			}
		})
	}
}
