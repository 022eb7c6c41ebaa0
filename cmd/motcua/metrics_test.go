package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestMetrics starts the server with --metrics-addr, makes requests on the public address
// and reads them back, by route pattern, from /metrics on the operator's address, which
// the public address does not serve.
func TestMetrics(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	maddr := ln.Addr().String()
	ln.Close()
	ls := startServerIn(t, t.TempDir(), "", "--metrics-addr", maddr)
	for _, path := range []string{"/healthz", "/healthz", "/api/v1/lookup/H40.12.05-261204-0001?key=sai", "/khong-co-trang-nay"} {
		resp, err := http.Get(ls.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	if resp, err := http.Get(ls.URL + "/metrics"); err != nil || resp.StatusCode != http.StatusNotFound {
		t.Fatalf("public /metrics: %v %v, want 404", resp.StatusCode, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://"+maddr+"/metrics", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	out := string(body)
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain; version=0.0.4") {
		t.Errorf("content type %q", ct)
	}
	for _, want := range []string{
		`motcua_http_request_duration_seconds_count{route="GET /healthz",method="GET",code="200"} `,
		`route="GET /api/v1/lookup/{code}",method="GET",code="404"`,
		`motcua_http_request_duration_seconds_count{route="/",method="GET",code="404"} 2`,
		`motcua_db_connections{pool="write",state="in_use"}`,
		"motcua_outbox_waiting ",
		"# TYPE motcua_intake_batch_size histogram",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("metrics lack %q:\n%.3000s", want, out)
		}
	}
	if strings.Contains(out, "H40.12.05-261204-0001") || strings.Contains(out, "sai") {
		t.Error("metrics carry a raw path or a query")
	}
}
