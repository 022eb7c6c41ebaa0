package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"motcua/internal/store"
)

func TestFoundation(t *testing.T) {
	t.Parallel()
	eachServer(t, func(t *testing.T, ts *testServer) {
		t.Run("home lists Tân Hòa", func(t *testing.T) {
			st, body := ts.browser(t).get("/")
			if st != http.StatusOK {
				t.Fatalf("got %d, want 200", st)
			}
			for _, want := range []string{`lang="vi"`, "UBND thị trấn Tân Hòa", "0208 3866 115", "Giờ tiếp nhận"} {
				if !strings.Contains(body, want) {
					t.Errorf("home page lacks %q", want)
				}
			}
		})
		t.Run("healthz", func(t *testing.T) {
			var out map[string]string
			if st := ts.api(t, "GET", "/healthz", "", "", &out); st != 200 || out["status"] != "ok" {
				t.Errorf("got %d %v, want 200 ok", st, out)
			}
		})
		t.Run("every demo account logs in", func(t *testing.T) {
			for _, u := range []string{"admin", "tanhoa.motcua", "tanhoa.chuyenvien", "tanhoa.lanhdao"} {
				b := ts.browser(t)
				b.login(u)
				_, body := b.get("/")
				if !strings.Contains(body, "Đăng xuất") {
					t.Errorf("%s: home page after login has no logout button", u)
				}
			}
		})
		t.Run("units API", func(t *testing.T) {
			var out struct {
				Items []struct{ Code, Name, ParentCode, Level, Hotline, Address string }
			}
			if st := ts.api(t, "GET", "/api/v1/units", "", "", &out); st != 200 {
				t.Fatalf("got %d, want 200", st)
			}
			found := false
			for _, u := range out.Items {
				found = found || (u.Name == "UBND thị trấn Tân Hòa" && u.Hotline != "")
			}
			if len(out.Items) < 4 || !found {
				t.Errorf("got %+v, want ≥4 units with Tân Hòa and its hotline", out.Items)
			}
		})
		t.Run("token errors", func(t *testing.T) {
			var e apiError
			if st := ts.api(t, "POST", "/api/v1/auth/token", "", `{"username":"tanhoa.lanhdao","password":"sai"}`, &e); st != 401 || e.Error.Code != "unauthorized" {
				t.Errorf("bad password: got %d %+v, want 401 unauthorized", st, e)
			}
			e = apiError{}
			if st := ts.api(t, "POST", "/api/v1/auth/token", "", `{"username":`, &e); st != 400 || e.Error.Code != "invalid" {
				t.Errorf("malformed JSON: got %d %+v, want 400 invalid", st, e)
			}
			e = apiError{}
			big := `{"username":"` + strings.Repeat("a", 10<<20) + `"}`
			if st := ts.api(t, "POST", "/api/v1/auth/token", "", big, &e); st != 413 || e.Error.Code != "too_large" {
				t.Errorf("10 MiB body: got %d %+v, want 413 too_large", st, e)
			}
			e = apiError{}
			if st := ts.api(t, "GET", "/api/v1/me", "", "", &e); st != 401 {
				t.Errorf("no token: got %d, want 401", st)
			}
			if st := ts.api(t, "GET", "/api/v1/me", "not-a-token", "", &e); st != 401 || e.Error.Code != "unauthorized" {
				t.Errorf("bad token: got %d %+v, want 401", st, e)
			}
		})
		t.Run("token use and revoke", func(t *testing.T) {
			tok := ts.token(t, "tanhoa.motcua")
			var me struct{ Username string }
			if st := ts.api(t, "GET", "/api/v1/me", tok, "", &me); st != 200 || me.Username != "tanhoa.motcua" {
				t.Errorf("me: got %d %+v", st, me)
			}
			if st := ts.api(t, "DELETE", "/api/v1/auth/token", tok, "", nil); st != 204 {
				t.Errorf("revoke: got %d, want 204", st)
			}
			if st := ts.api(t, "GET", "/api/v1/me", tok, "", nil); st != 401 {
				t.Errorf("revoked token: got %d, want 401", st)
			}
		})
		t.Run("unknown routes", func(t *testing.T) {
			var e apiError
			if st := ts.api(t, "GET", "/api/v1/khong-co", "", "", &e); st != 404 || e.Error.Code != "not_found" {
				t.Errorf("API: got %d %+v, want 404 not_found", st, e)
			}
			st, body := ts.browser(t).get("/khong-co-trang-nay")
			if st != 404 || !strings.Contains(body, "Không tìm thấy trang") || !strings.Contains(body, "Mã yêu cầu") {
				t.Errorf("page: got %d, want a Vietnamese 404 page with a request ID", st)
			}
		})
		t.Run("sixth wrong password is refused", func(t *testing.T) {
			b := ts.browser(t)
			token := b.csrf("/dang-nhap")
			for i := 1; i <= 6; i++ {
				st, _, body := b.post("/dang-nhap", url.Values{"csrf": {token}, "username": {"phuocan.lanhdao"}, "password": {"sai-mat-khau"}})
				want := http.StatusUnauthorized
				if i == 6 {
					want = http.StatusTooManyRequests
				}
				if st != want {
					t.Fatalf("attempt %d: got %d, want %d", i, st, want)
				}
				if i == 6 && !strings.Contains(body, "quá nhiều lần") {
					t.Errorf("429 page lacks the Vietnamese message")
				}
			}
			// The right password is refused too while the account is throttled.
			if st, _, _ := b.post("/dang-nhap", url.Values{"csrf": {token}, "username": {"phuocan.lanhdao"}, "password": {demoPassword}}); st != http.StatusTooManyRequests {
				t.Errorf("right password while throttled: got %d, want 429", st)
			}
		})
		t.Run("form without CSRF token", func(t *testing.T) {
			b := ts.browser(t)
			b.login("admin")
			before, _ := ts.Store.Units(t.Context())
			st, _, body := b.post("/quan-tri/don-vi", url.Values{"code": {"X1"}, "name": {"Đơn vị giả"}, "level": {"commune"}})
			if st != http.StatusForbidden || !strings.Contains(body, "Biểu mẫu đã hết hạn") {
				t.Errorf("got %d, want 403 with a Vietnamese message", st)
			}
			after, _ := ts.Store.Units(t.Context())
			if len(after) != len(before) {
				t.Errorf("a unit was written without a CSRF token")
			}
		})
		t.Run("admin manages units", func(t *testing.T) {
			b := ts.browser(t)
			b.login("admin")
			token := b.csrf("/quan-tri/don-vi/moi")
			// Bad input: the form comes back with messages and the input kept.
			st, _, body := b.post("/quan-tri/don-vi", url.Values{"csrf": {token}, "code": {"bad code"}, "name": {"Xã Mới"}, "level": {"commune"}})
			if st != http.StatusBadRequest || !strings.Contains(body, "Mã định danh chỉ gồm") || !strings.Contains(body, `value="Xã Mới"`) {
				t.Errorf("invalid unit: got %d, want 400 with field message and kept input", st)
			}
			st, loc, _ := b.post("/quan-tri/don-vi", url.Values{"csrf": {token}, "code": {"H40.20.01"}, "name": {"UBND xã Mới Lập"},
				"level": {"commune"}, "parent_code": {"H40"}, "hotline": {"0208 3000 000"}})
			if st != http.StatusSeeOther || loc != "/quan-tri/don-vi" {
				t.Fatalf("create: got %d %q, want 303 to the list", st, loc)
			}
			if u, err := ts.Store.Unit(t.Context(), "H40.20.01"); err != nil || u.ParentCode != "H40" {
				t.Errorf("created unit: got %+v, %v", u, err)
			}
			st, _, _ = b.post("/quan-tri/don-vi/H40.20.01", url.Values{"csrf": {token}, "code": {"H40.20.01"}, "name": {"UBND xã Mới Lập (sửa)"}, "level": {"commune"}, "parent_code": {"H40"}})
			if st != http.StatusSeeOther {
				t.Errorf("update: got %d, want 303", st)
			}
			entries, err := ts.Store.AuditLog(t.Context(), store.AuditFilter{Actor: "admin"})
			if err != nil {
				t.Fatal(err)
			}
			var actions []string
			for _, e := range entries {
				actions = append(actions, e.Action)
			}
			joined := strings.Join(actions, ",")
			if !strings.Contains(joined, "unit.create") || !strings.Contains(joined, "unit.update") || !strings.Contains(joined, "login") {
				t.Errorf("audit actions: got %v", actions)
			}
			st, body = b.get("/quan-tri/nhat-ky?action=unit.create")
			if st != 200 || !strings.Contains(body, "H40.20.01") {
				t.Errorf("audit page: got %d, want the created unit listed", st)
			}
		})
		t.Run("non-admin cannot administer", func(t *testing.T) {
			b := ts.browser(t)
			if st, _ := b.get("/quan-tri/don-vi"); st != http.StatusSeeOther {
				t.Errorf("anonymous: got %d, want 303 to login", st)
			}
			b.login("tanhoa.motcua")
			if st, _ := b.get("/quan-tri/don-vi"); st != http.StatusForbidden {
				t.Errorf("one-stop officer: got %d, want 403", st)
			}
		})
		t.Run("security headers", func(t *testing.T) {
			resp, err := http.Get(ts.URL + "/")
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			for _, h := range []string{"Content-Security-Policy", "X-Frame-Options", "Referrer-Policy", "X-Content-Type-Options", "X-Request-Id"} {
				if resp.Header.Get(h) == "" {
					t.Errorf("missing header %s", h)
				}
			}
		})
	})
}
