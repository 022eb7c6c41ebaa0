package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
)

// TestPprof checks that the Go profiler is served only when asked (--pprof), only on the
// operator's address, and that --pprof without --metrics-addr is refused.
func TestPprof(t *testing.T) {
	t.Parallel()
	err := run(context.Background(), []string{"motcua", "serve", "--data", t.TempDir(), "--pprof"}, func(string) string { return "" },
		strings.NewReader(""), io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "--metrics-addr") {
		t.Fatalf("--pprof without --metrics-addr: %v, want a refusal naming --metrics-addr", err)
	}
	get := func(url string) int {
		t.Helper()
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode
	}
	for _, on := range []bool{false, true} {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		maddr := ln.Addr().String()
		ln.Close()
		args := []string{"--metrics-addr", maddr}
		if on {
			args = append(args, "--pprof")
		}
		ls := startServerIn(t, t.TempDir(), "", args...)
		want := http.StatusNotFound
		if on {
			want = http.StatusOK
		}
		if got := get("http://" + maddr + "/debug/pprof/"); got != want {
			t.Errorf("pprof %v: operator's /debug/pprof/ answered %d, want %d", on, got, want)
		}
		if got := get(ls.URL + "/debug/pprof/"); got != http.StatusNotFound {
			t.Errorf("pprof %v: public /debug/pprof/ answered %d, want 404", on, got)
		}
	}
}
