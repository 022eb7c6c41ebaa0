package web_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"motcua/internal/demo"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
	"motcua/internal/web"
)

// demoPassword is the password of every demo account in tests.
const demoPassword = "mật-khẩu-thử-nghiệm"

// testServer is a real motcua handler over a real, migrated database with the demo loaded.
type testServer struct {
	*httptest.Server
	Store *store.Store
}

// eachServer runs fn once per database dialect with a fresh server.
func eachServer(t *testing.T, fn func(t *testing.T, ts *testServer)) {
	t.Helper()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			fn(t, newServer(t, d))
		})
	}
}

// TestMain runs the tests with cheap password hashes and removes the template databases
// after them.
func TestMain(m *testing.M) {
	os.Exit(storetest.Main(m))
}

// demoStore returns a store of the dialect holding the demo (its base only, without the
// dossier history waiting to load, when base is set), copied from a template built once:
// loading the demo costs seconds under the race detector. clock is the store's clock
// (nil for the real one); templates differ by the clock's first instant.
func demoStore(t testing.TB, d store.Dialect, clock func() time.Time, base bool) *store.Store {
	t.Helper()
	key := "demo"
	if base {
		key = "demo-base"
	}
	if clock != nil {
		key += "@" + clock().UTC().Format(time.RFC3339)
	}
	return storetest.Clone(t, d, key, clock, func(s *store.Store) error {
		if base {
			return demo.LoadBase(context.Background(), s, demoPassword)
		}
		return demo.Load(context.Background(), s, demoPassword)
	})
}

func newServer(t testing.TB, d store.Dialect) *testServer {
	t.Helper()
	st := demoStore(t, d, nil, false)
	h, err := web.New(web.Config{Version: "test", DataDir: t.TempDir(), BaseURL: "http://motcua.test"}, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &testServer{Server: srv, Store: st}
}

// browser is an HTTP client with cookies, like a visitor's browser.
type browser struct {
	t      testing.TB
	base   string
	client *http.Client
}

func (ts *testServer) browser(t testing.TB) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, base: ts.URL, client: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

// get fetches a page and returns its status and body.
func (b *browser) get(path string) (int, string) {
	b.t.Helper()
	resp, err := b.client.Get(b.base + path)
	if err != nil {
		b.t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

var csrfRe = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// csrf returns the anti-forgery token of a page.
func (b *browser) csrf(path string) string {
	b.t.Helper()
	_, body := b.get(path)
	m := csrfRe.FindStringSubmatch(body)
	if m == nil {
		b.t.Fatalf("no csrf token on %s", path)
	}
	return m[1]
}

// post submits a form (the csrf field must be in values when wanted) and returns status,
// Location header and body.
func (b *browser) post(path string, values url.Values) (int, string, string) {
	b.t.Helper()
	resp, err := b.client.PostForm(b.base+path, values)
	if err != nil {
		b.t.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location"), string(body)
}

// login signs the browser in as a demo account.
func (b *browser) login(username string) {
	b.t.Helper()
	token := b.csrf("/dang-nhap")
	st, loc, body := b.post("/dang-nhap", url.Values{"csrf": {token}, "username": {username}, "password": {demoPassword}})
	if st != http.StatusSeeOther {
		b.t.Fatalf("login %s: got status %d, want 303; body: %.300s", username, st, body)
	}
	_ = loc
}

// api calls the JSON API with an optional bearer token and decodes the answer into out
// (when not nil); it returns the status.
func (ts *testServer) api(t testing.TB, method, path, token, body string, out any) int {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if out != nil && len(data) > 0 {
		if err := json.Unmarshal(data, out); err != nil {
			t.Fatalf("%s %s: bad JSON %q: %v", method, path, data, err)
		}
	}
	return resp.StatusCode
}

// token returns an API token for a demo account.
func (ts *testServer) token(t testing.TB, username string) string {
	t.Helper()
	var out struct{ Token string }
	if st := ts.api(t, "POST", "/api/v1/auth/token", "", `{"username":"`+username+`","password":"`+demoPassword+`"}`, &out); st != http.StatusOK {
		t.Fatalf("token for %s: status %d", username, st)
	}
	return out.Token
}

// apiError is the contract's error body.
type apiError struct {
	Error struct {
		Code    string            `json:"code"`
		Message string            `json:"message"`
		Fields  map[string]string `json:"fields"`
	} `json:"error"`
}
