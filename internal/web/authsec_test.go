package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"motcua/internal/store"
	"motcua/internal/store/storetest"
	"motcua/internal/web"
)

// configuredServer is newServer with the configuration changed by edit.
func configuredServer(t *testing.T, d store.Dialect, edit func(*web.Config)) *testServer {
	t.Helper()
	st := demoStore(t, d, nil, false)
	cfg := web.Config{Version: "test", DataDir: t.TempDir(), BaseURL: "http://motcua.test"}
	if edit != nil {
		edit(&cfg)
	}
	h, err := web.New(cfg, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &testServer{Server: srv, Store: st}
}

// eachConfigured runs fn once per database with a server configured by edit.
func eachConfigured(t *testing.T, edit func(*web.Config), fn func(t *testing.T, ts *testServer)) {
	t.Helper()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			fn(t, configuredServer(t, d, edit))
		})
	}
}

// send makes a request with the headers and returns the response with its body read.
func (ts *testServer) send(t testing.TB, method, path string, body string, header map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp, string(data)
}

// verifiedCitizen creates a verified citizen account directly in the store.
func verifiedCitizen(t testing.TB, st *store.Store, email string) store.Citizen {
	t.Helper()
	ctx := context.Background()
	var token string
	c, err := st.RegisterCitizen(ctx, store.NewCitizen{Login: email, FullName: "Lê Văn Tâm", Password: "mật-khẩu-công-dân"},
		time.Hour, func(c store.Citizen, tok string) store.OutboxMessage {
			token = tok
			return store.OutboxMessage{}
		})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.VerifyCitizen(ctx, token); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestParallelWrongLoginsAreThrottled(t *testing.T) {
	t.Parallel()
	eachServer(t, func(t *testing.T, ts *testServer) {
		b := ts.browser(t)
		csrf := b.csrf("/dang-nhap")
		const n = 40
		statuses := make([]int, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if i%2 == 0 {
					statuses[i] = ts.api(t, "POST", "/api/v1/auth/token", "", `{"username":"tanhoa.motcua","password":"sai-mật-khẩu"}`, nil)
					return
				}
				statuses[i], _, _ = b.post("/dang-nhap", url.Values{"csrf": {csrf}, "username": {"tanhoa.motcua"}, "password": {"sai-mật-khẩu"}})
			}()
		}
		wg.Wait()
		count := map[int]int{}
		for _, s := range statuses {
			count[s]++
		}
		if count[http.StatusUnauthorized] > 5 || count[http.StatusUnauthorized]+count[http.StatusTooManyRequests] != n {
			t.Errorf("got %v, want at most 5 × 401 and the rest 429", count)
		}
	})
}

func TestParallelWrongCitizenLoginsAreThrottled(t *testing.T) {
	t.Parallel()
	eachServer(t, func(t *testing.T, ts *testServer) {
		verifiedCitizen(t, ts.Store, "tam@example.vn")
		b := ts.browser(t)
		csrf := b.csrf("/cong-dan/dang-nhap")
		const n = 40
		statuses := make([]int, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				statuses[i], _, _ = b.post("/cong-dan/dang-nhap", url.Values{"csrf": {csrf}, "login": {"tam@example.vn"}, "password": {"sai-mật-khẩu"}})
			}()
		}
		wg.Wait()
		count := map[int]int{}
		for _, s := range statuses {
			count[s]++
		}
		if count[http.StatusUnauthorized] > 5 || count[http.StatusUnauthorized]+count[http.StatusTooManyRequests] != n {
			t.Errorf("got %v, want at most 5 × 401 and the rest 429", count)
		}
		st, _, body := b.post("/cong-dan/dang-nhap", url.Values{"csrf": {csrf}, "login": {"tam@example.vn"}, "password": {"mật-khẩu-công-dân"}})
		if st != http.StatusTooManyRequests || !strings.Contains(body, "thử lại sau") {
			t.Errorf("right password after the limit: got %d, want 429", st)
		}
	})
}

func TestMailedLinksNeverComeFromTheHostHeader(t *testing.T) {
	t.Parallel()
	forgot := func(t *testing.T, ts *testServer, email string) (int, string) {
		b := ts.browser(t)
		csrf := b.csrf("/cong-dan/quen-mat-khau")
		resp, body := ts.send(t, "POST", "/cong-dan/quen-mat-khau", url.Values{"csrf": {csrf}, "login": {email}}.Encode(), map[string]string{
			"Host": "evil.example", "Content-Type": "application/x-www-form-urlencoded", "Cookie": "motcua_csrf=" + csrf})
		return resp.StatusCode, body
	}
	t.Run("no base URL", func(t *testing.T) {
		eachConfigured(t, func(c *web.Config) { c.BaseURL = "" }, func(t *testing.T, ts *testServer) {
			verifiedCitizen(t, ts.Store, "tam@example.vn")
			st, body := forgot(t, ts, "tam@example.vn")
			if st == http.StatusOK && !strings.Contains(body, "chưa được cấu hình") {
				t.Errorf("got %d without saying mail is unavailable: %.300s", st, body)
			}
			msgs, err := ts.Store.OutboxFor(context.Background(), "tam@example.vn", 10)
			if err != nil || len(msgs) != 0 {
				t.Errorf("got %d messages (%v), want none without a base URL", len(msgs), err)
			}
		})
	})
	t.Run("base URL", func(t *testing.T) {
		eachConfigured(t, func(c *web.Config) { c.BaseURL = "https://dichvucong.example.vn/" }, func(t *testing.T, ts *testServer) {
			verifiedCitizen(t, ts.Store, "tam@example.vn")
			if st, _ := forgot(t, ts, "tam@example.vn"); st != http.StatusOK {
				t.Fatalf("got %d, want 200", st)
			}
			msgs, err := ts.Store.OutboxFor(context.Background(), "tam@example.vn", 10)
			if err != nil || len(msgs) != 1 {
				t.Fatalf("got %d messages (%v), want 1", len(msgs), err)
			}
			if strings.Contains(msgs[0].Body, "evil.example") || !strings.Contains(msgs[0].Body, "https://dichvucong.example.vn/cong-dan/dat-lai-mat-khau?token=") {
				t.Errorf("got body %q, want a link to the base URL", msgs[0].Body)
			}
		})
	})
}

func TestLoginRedirectStaysOnSite(t *testing.T) {
	t.Parallel()
	eachServer(t, func(t *testing.T, ts *testServer) {
		verifiedCitizen(t, ts.Store, "tam@example.vn")
		cases := []struct{ next, want string }{
			{"/ho-so?trang=2", "/ho-so?trang=2"},
			{"/\t/evil.example", ""},
			{"/%09/evil.example", ""},
			{"//evil.example", ""},
			{"/\\evil.example", ""},
			{"https://evil.example/", ""},
			{"/ /evil.example", ""},
			{"/\r\n/evil.example", ""},
			{"javascript:alert(1)", ""},
			{"", ""},
		}
		for _, c := range cases {
			t.Run(strings.ReplaceAll(c.next, "/", "_"), func(t *testing.T) {
				next, err := url.QueryUnescape(c.next)
				if err != nil {
					next = c.next
				}
				b := ts.browser(t)
				csrf := b.csrf("/dang-nhap")
				st, loc, _ := b.post("/dang-nhap", url.Values{"csrf": {csrf}, "username": {"tanhoa.chuyenvien"}, "password": {demoPassword}, "next": {next}})
				want := c.want
				if want == "" {
					want = "/ho-so" // officers land on their inbox
				}
				if st != http.StatusSeeOther || loc != want {
					t.Errorf("officer: got %d to %q, want 303 to %q", st, loc, want)
				}
				st, loc, _ = b.post("/cong-dan/dang-nhap", url.Values{"csrf": {csrf}, "login": {"tam@example.vn"}, "password": {"mật-khẩu-công-dân"}, "next": {next}})
				if c.want == "" {
					want = "/cong-dan/ho-so"
				}
				if st != http.StatusSeeOther || loc != want {
					t.Errorf("citizen: got %d to %q, want 303 to %q", st, loc, want)
				}
			})
		}
	})
}

func TestPasswordResetTokensAreSingleAndLimited(t *testing.T) {
	t.Parallel()
	eachServer(t, func(t *testing.T, ts *testServer) {
		ctx := context.Background()
		verifiedCitizen(t, ts.Store, "tam@example.vn")
		b := ts.browser(t)
		csrf := b.csrf("/cong-dan/quen-mat-khau")
		var bodies []string
		for range 20 {
			st, _, body := b.post("/cong-dan/quen-mat-khau", url.Values{"csrf": {csrf}, "login": {"tam@example.vn"}})
			if st != http.StatusOK {
				t.Fatalf("forgot: got %d, want 200", st)
			}
			bodies = append(bodies, body)
		}
		_, _, unknown := b.post("/cong-dan/quen-mat-khau", url.Values{"csrf": {csrf}, "login": {"khong-co@example.vn"}})
		for _, body := range append(bodies[1:], unknown) {
			if message(body) != message(bodies[0]) {
				t.Fatalf("answers differ: %q and %q", message(body), message(bodies[0]))
			}
		}
		msgs, err := ts.Store.OutboxFor(ctx, "tam@example.vn", 50)
		if err != nil || len(msgs) < 2 || len(msgs) > 3 {
			t.Fatalf("got %d mails (%v), want 2 or 3", len(msgs), err)
		}
		var tokens []string
		for _, m := range msgs {
			tokens = append(tokens, tokenRe.FindStringSubmatch(m.Body)[1])
		}
		reset := func(token string) int {
			st, _, _ := b.post("/cong-dan/dat-lai-mat-khau", url.Values{"csrf": {csrf}, "token": {token},
				"password": {"mật-khẩu-mới-789"}, "password2": {"mật-khẩu-mới-789"}})
			return st
		}
		// OutboxFor lists newest first: the newest token works, older ones do not.
		if st := reset(tokens[len(tokens)-1]); st != http.StatusBadRequest {
			t.Errorf("oldest token: got %d, want 400", st)
		}
		if st := reset(tokens[0]); st != http.StatusOK {
			t.Errorf("newest token: got %d, want 200", st)
		}
	})
}

var messageRe = strings.NewReplacer("\n", " ", "\t", " ")

// message is the main text of a page, without the per-request parts.
func message(body string) string {
	i := strings.Index(body, "<main")
	j := strings.Index(body, "</main>")
	if i < 0 || j < i {
		return body
	}
	return messageRe.Replace(body[i:j])
}

func TestCookiesSecureBehindTLS(t *testing.T) {
	t.Parallel()
	loopback, _ := web.ParseTrustedProxies("127.0.0.0/8,::1")
	cases := []struct {
		name   string
		edit   func(*web.Config)
		header map[string]string
		secure bool
	}{
		{"plain HTTP", nil, nil, false},
		{"forwarded proto from an untrusted peer", nil, map[string]string{"X-Forwarded-Proto": "https"}, false},
		{"forwarded proto from a trusted proxy", func(c *web.Config) { c.TrustedProxies = loopback }, map[string]string{"X-Forwarded-Proto": "https"}, true},
		{"https base URL", func(c *web.Config) { c.BaseURL = "https://dichvucong.example.vn" }, nil, true},
	}
	for _, d := range storetest.Dialects() {
		for _, c := range cases {
			t.Run(string(d)+"/"+c.name, func(t *testing.T) {
				ts := configuredServer(t, d, c.edit)
				resp, _ := ts.send(t, "GET", "/dang-nhap", "", c.header)
				cookies := resp.Cookies()
				if len(cookies) == 0 {
					t.Fatal("no cookie set")
				}
				if cookies[0].Secure != c.secure {
					t.Errorf("Secure: got %v, want %v", cookies[0].Secure, c.secure)
				}
				hsts := resp.Header.Get("Strict-Transport-Security")
				if (hsts == "max-age=31536000") != c.secure {
					t.Errorf("Strict-Transport-Security: got %q, want it only on HTTPS", hsts)
				}
			})
		}
	}
}

func TestAPIWritesWithCookieNeedCSRF(t *testing.T) {
	t.Parallel()
	eachServer(t, func(t *testing.T, ts *testServer) {
		b := ts.browser(t)
		b.login("tanhoa.motcua")
		base, _ := url.Parse(ts.URL)
		var csrf string
		for _, c := range b.client.Jar.Cookies(base) {
			if c.Name == "motcua_csrf" {
				csrf = c.Value
			}
		}
		post := func(header map[string]string) (*http.Response, string) {
			req, _ := http.NewRequest("POST", ts.URL+"/api/v1/dossiers", strings.NewReader(`{}`))
			for k, v := range header {
				req.Header.Set(k, v)
			}
			resp, err := b.client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			data, _ := io.ReadAll(resp.Body)
			return resp, string(data)
		}
		resp, body := post(map[string]string{"Content-Type": "text/plain"})
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, `"code":"forbidden"`) {
			t.Errorf("cookie without token: got %d %s, want 403 forbidden", resp.StatusCode, body)
		}
		resp, _ = post(map[string]string{"Content-Type": "application/json", "X-CSRF-Token": "sai"})
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("cookie with a wrong token: got %d, want 403", resp.StatusCode)
		}
		resp, body = post(map[string]string{"Content-Type": "application/json", "X-CSRF-Token": csrf})
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("cookie with the token: got %d %s, want 400 (the empty dossier is invalid)", resp.StatusCode, body)
		}
		token := ts.token(t, "tanhoa.motcua")
		if st := ts.api(t, "POST", "/api/v1/dossiers", token, `{}`, nil); st != http.StatusBadRequest {
			t.Errorf("bearer token: got %d, want 400", st)
		}
		if st := ts.api(t, "GET", "/api/v1/me", token, "", nil); st != http.StatusOK {
			t.Errorf("bearer read: got %d, want 200", st)
		}
	})
}

func TestPrivatePagesAreNotCached(t *testing.T) {
	t.Parallel()
	eachConfigured(t, nil, func(t *testing.T, ts *testServer) {
		officer := ts.browser(t)
		officer.login("tanhoa.motcua")
		citizen := citizenSignedIn(t, ts, "tam@example.vn")
		token := ts.token(t, "tanhoa.motcua")
		check := func(name string, b *browser, path string) {
			resp, err := b.client.Get(b.base + path)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if got := resp.Header.Get("Cache-Control"); got != "no-store" {
				t.Errorf("%s %s: got Cache-Control %q, want no-store", name, path, got)
			}
		}
		check("officer", officer, "/ho-so")
		check("citizen", citizen, "/cong-dan/ho-so")
		resp, _ := ts.send(t, "GET", "/api/v1/me", "", map[string]string{"Authorization": "Bearer " + token})
		if got := resp.Header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("API: got Cache-Control %q, want no-store", got)
		}
	})
}

func TestRegistrationDoesNotRevealAccounts(t *testing.T) {
	t.Parallel()
	eachConfigured(t, nil, func(t *testing.T, ts *testServer) {
		register := func() (int, string) {
			b := ts.browser(t)
			csrf := b.csrf("/cong-dan/dang-ky")
			st, _, body := b.post("/cong-dan/dang-ky", url.Values{"csrf": {csrf}, "full_name": {"Phạm Thu Hà"},
				"login": {"ha@example.vn"}, "password": {"mật-khẩu-của-hà"}, "password2": {"mật-khẩu-của-hà"}})
			return st, body
		}
		st1, body1 := register()
		st2, body2 := register()
		if st1 != http.StatusOK || st1 != st2 || message(body1) != message(body2) {
			t.Errorf("got %d and %d, want the same 200 answer for a new and a taken address", st1, st2)
		}
		msgs, err := ts.Store.OutboxFor(context.Background(), "ha@example.vn", 10)
		if err != nil || len(msgs) != 2 {
			t.Fatalf("got %d mails (%v), want the verification and a notice", len(msgs), err)
		}
		if tokenRe.MatchString(msgs[0].Body) || !strings.Contains(msgs[0].Body, "đăng ký") {
			t.Errorf("notice: got %q, want a notice without a token", msgs[0].Body)
		}
	})
}

func TestFailedLoginAuditKeepsNoTypedSecrets(t *testing.T) {
	t.Parallel()
	eachServer(t, func(t *testing.T, ts *testServer) {
		ctx := context.Background()
		const typed = "mat-khau-go-nham-o-o-ten"
		ts.api(t, "POST", "/api/v1/auth/token", "", `{"username":"`+typed+`","password":"x"}`, nil)
		ts.api(t, "POST", "/api/v1/auth/token", "", `{"username":"tanhoa.lanhdao","password":"sai-mật-khẩu"}`, nil)
		entries, err := ts.Store.AuditLog(ctx, store.AuditFilter{Action: "login.failed"})
		if err != nil || len(entries) != 2 {
			t.Fatalf("got %d entries (%v), want 2", len(entries), err)
		}
		for _, e := range entries {
			if strings.Contains(e.Actor+e.Target+e.Detail, typed) {
				t.Errorf("got entry %+v, want the typed name kept out", e)
			}
		}
		if entries[0].Actor != "tanhoa.lanhdao" || entries[1].Actor != "(tài khoản không tồn tại)" {
			t.Errorf("got actors %q, %q, want the existing account and the placeholder", entries[0].Actor, entries[1].Actor)
		}
	})
}

func TestCitizenStorageQuota(t *testing.T) {
	t.Parallel()
	eachConfigured(t, func(c *web.Config) { c.FileLimit = 64 << 10; c.CitizenQuota = 100 << 10 }, func(t *testing.T, ts *testServer) {
		b := citizenSignedIn(t, ts, "tam@example.vn")
		path := "/nop-truc-tuyen/1.001193"
		_, page := b.get(path)
		csrf := csrfRe.FindStringSubmatch(page)[1]
		file := []byte(testPDF + strings.Repeat("%", 60<<10))
		if st, _, body := b.uploadFiles(path+"/attachments", map[string]string{"csrf": csrf, "doc": "0"}, "a.pdf", file); st != http.StatusSeeOther {
			t.Fatalf("first upload: got %d, want 303: %.300s", st, body)
		}
		st, _, body := b.uploadFiles(path+"/attachments", map[string]string{"csrf": csrf, "doc": "1"}, "b.pdf", file)
		if st != http.StatusRequestEntityTooLarge || !strings.Contains(body, "Bạn đã dùng hết dung lượng lưu trữ") {
			t.Errorf("second upload: got %d, want 413 with the quota message: %.300s", st, message(body))
		}
	})
}
