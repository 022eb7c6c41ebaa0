package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"motcua/internal/store"
	"motcua/internal/store/storetest"
	"motcua/internal/web"
)

func TestParseTrustedProxies(t *testing.T) {
	t.Parallel()
	got, err := web.ParseTrustedProxies(" 10.0.0.0/8, 192.168.1.7 ,,::1")
	if err != nil || len(got) != 3 || got[1].String() != "192.168.1.7/32" {
		t.Errorf("got %v, %v", got, err)
	}
	if _, err := web.ParseTrustedProxies("10.0.0.0/8,khong-phai-ip"); err == nil {
		t.Error("bad address: got nil error")
	}
}

// The audit log and throttling see the client that a trusted proxy reports, never an
// address a client wrote itself, and nothing but the peer without trusted proxies.
func TestTrustedProxies(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			st := demoStore(t, d, nil, true)
			loopback, _ := web.ParseTrustedProxies("127.0.0.0/8,::1")
			tests := []struct {
				name    string
				trusted bool
				xff     string
				wantIP  string
			}{
				{"no trusted proxies: the peer", false, "203.0.113.5", "127.0.0.1"},
				{"through a trusted proxy: right-most untrusted", true, "198.51.100.7, 203.0.113.5", "203.0.113.5"},
				{"chain of trusted proxies is skipped", true, "203.0.113.9, 127.0.0.2", "203.0.113.9"},
				{"garbage in the header: the peer", true, "khong-phai-ip", "127.0.0.1"},
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					cfg := web.Config{Version: "test", DataDir: t.TempDir()}
					if tt.trusted {
						cfg.TrustedProxies = loopback
					}
					h, err := web.New(cfg, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
					if err != nil {
						t.Fatal(err)
					}
					srv := httptest.NewServer(h)
					defer srv.Close()
					const user = "tanhoa.chuyenvien"
					req, _ := http.NewRequest("POST", srv.URL+"/api/v1/auth/token", strings.NewReader(`{"username":"`+user+`","password":"sai-mat-khau"}`))
					req.Header.Set("X-Forwarded-For", tt.xff)
					resp, err := http.DefaultClient.Do(req)
					if err != nil {
						t.Fatal(err)
					}
					resp.Body.Close()
					entries, err := st.AuditLog(context.Background(), store.AuditFilter{Actor: user, Action: "login.failed"})
					if err != nil || len(entries) == 0 {
						t.Fatalf("no audit entry for %s: %v", user, err)
					}
					if entries[0].IP != tt.wantIP {
						t.Errorf("got IP %q, want %q", entries[0].IP, tt.wantIP)
					}
				})
			}
		})
	}
}
