package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"motcua/internal/store"
	"motcua/internal/store/storetest"
	"motcua/internal/web"
)

// TestDatabaseSwitchIs503 serves from a PostgreSQL session that refuses writes, as a
// standby does while a primary is being switched (SQLSTATE 25006): writes answer 503 with
// Retry-After and the contract's JSON error, pages the Vietnamese notice, never a 500.
func TestDatabaseSwitchIs503(t *testing.T) {
	t.Parallel()
	if storetest.PostgresURL() == "" {
		t.Skip("MOTCUA_TEST_POSTGRES is not set")
	}
	ts := newServer(t, store.Postgres)
	token := ts.token(t, "tanhoa.motcua")

	u, err := url.Parse(ts.Store.Location())
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("default_transaction_read_only", "on")
	u.RawQuery = q.Encode()
	ro, err := store.Open(context.Background(), store.Config{URL: u.String()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	h, err := web.New(web.Config{Version: "test", DataDir: t.TempDir()}, ro, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	standby := &testServer{Server: srv, Store: ro}

	t.Run("api", func(t *testing.T) {
		body := `{"procedure_code":"1.001193","unit_code":"H40.12.05","channel":"counter",
			"applicant":{"full_name":"Nguyễn Văn A","id_number":"040123456789","phone":"0912345678"}}`
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/v1/dossiers", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		data, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusServiceUnavailable {
			t.Fatalf("got status %d, want 503; body %s", resp.StatusCode, data)
		}
		if got := resp.Header.Get("Retry-After"); got == "" {
			t.Error("got no Retry-After, want one")
		}
		if !strings.Contains(string(data), `"code":"unavailable"`) || !strings.Contains(string(data), "chuyển máy chủ") {
			t.Errorf("got %s, want the unavailable error", data)
		}
		// Reads still work on the standby.
		if st := standby.api(t, "GET", "/api/v1/units", "", "", nil); st != http.StatusOK {
			t.Errorf("GET /api/v1/units: got %d, want 200", st)
		}
	})
	t.Run("page", func(t *testing.T) {
		b := standby.browser(t)
		csrf := b.csrf("/dang-nhap")
		st, _, body := b.post("/dang-nhap", url.Values{"csrf": {csrf}, "username": {"tanhoa.motcua"}, "password": {demoPassword}})
		if st != http.StatusServiceUnavailable {
			t.Fatalf("got status %d, want 503; body %.300s", st, body)
		}
		if !strings.Contains(body, "Hệ thống đang chuyển máy chủ, vui lòng thử lại") {
			t.Errorf("got %.500s, want the Vietnamese notice", body)
		}
	})
}
