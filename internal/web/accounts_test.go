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

	"motcua/internal/demo"
	"motcua/internal/org"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
	"motcua/internal/web"
)

// newCatalogServer is a real server with the demo units, the catalogue and two accounts
// (admin, tanhoa.motcua), without the dossier history.
func newCatalogServer(t *testing.T, d store.Dialect) *testServer {
	t.Helper()
	st := storetest.Open(t, d, nil)
	loadCatalogDemo(t, st)
	h, err := web.New(web.Config{Version: "1.2.3-test", DataDir: t.TempDir()}, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &testServer{Server: srv, Store: st}
}

// TestStaffAccounts creates an officer on the admin pages, changes the roles and unit,
// resets the password and disables the account: the old password, sessions and tokens
// stop working, a disabled account cannot sign in, and the audit log names each step in
// Vietnamese.
func TestStaffAccounts(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			ts := newCatalogServer(t, d)
			ctx := context.Background()
			admin := ts.browser(t)
			ts.signIn(t, admin, "admin")

			desk := ts.browser(t)
			ts.signIn(t, desk, "tanhoa.motcua")
			if st, _ := desk.get("/quan-tri/tai-khoan/moi"); st != http.StatusForbidden {
				t.Errorf("one-stop officer on the account form: got %d, want 403", st)
			}

			// A bad form keeps the input and shows each message next to its field.
			token := admin.csrf("/quan-tri/tai-khoan/moi")
			bad := url.Values{"csrf": {token}, "username": {"Sai Tên"}, "full_name": {"Phạm Thị Mai"}, "unit_code": {""},
				"password": {"ngắn"}, "password_repeat": {"ngắn"}}
			st, _, body := admin.post("/quan-tri/tai-khoan", bad)
			if st != http.StatusBadRequest {
				t.Fatalf("bad account: got %d, want 400", st)
			}
			for _, want := range []string{`value="Phạm Thị Mai"`, `value="sai tên"`, "Tên đăng nhập gồm", "Vui lòng chọn đơn vị.",
				"Vui lòng chọn ít nhất một vai trò.", "Mật khẩu phải có ít nhất 8 ký tự."} {
				if !strings.Contains(body, want) {
					t.Errorf("bad account page: want %q", want)
				}
			}
			bad = url.Values{"csrf": {token}, "username": {"tanhoa.mai"}, "full_name": {"Phạm Thị Mai"}, "unit_code": {demo.TanHoa},
				"roles": {"chuyenvien"}, "password": {"mật-khẩu-ban-đầu"}, "password_repeat": {"khác-hẳn-rồi"}}
			if st, _, body = admin.post("/quan-tri/tai-khoan", bad); st != http.StatusBadRequest || !strings.Contains(body, "Hai lần nhập mật khẩu không khớp.") {
				t.Errorf("mismatched passwords: got %d, want 400 with the message", st)
			}

			// Create.
			unit := demo.TanHoa
			form := url.Values{"csrf": {token}, "username": {"tanhoa.mai"}, "full_name": {"Phạm Thị Mai"}, "unit_code": {unit},
				"roles": {"chuyenvien"}, "password": {"mật-khẩu-ban-đầu"}, "password_repeat": {"mật-khẩu-ban-đầu"}}
			st, loc, body := admin.post("/quan-tri/tai-khoan", form)
			if st != http.StatusSeeOther || loc != "/quan-tri/tai-khoan/tanhoa.mai?xong=tao" {
				t.Fatalf("create: got %d %q, want 303 to the account; page %.400s", st, loc, body)
			}
			if st, _, body = admin.post("/quan-tri/tai-khoan", form); st != http.StatusConflict || !strings.Contains(body, "Tên đăng nhập đã tồn tại.") {
				t.Errorf("create twice: got %d, want 409 with the message", st)
			}
			_, page := admin.get(loc)
			if !strings.Contains(page, `value="chuyenvien" checked`) || !strings.Contains(page, "Đã tạo tài khoản.") {
				t.Errorf("account page: want the specialist role ticked and the confirmation")
			}
			officer := ts.browser(t)
			officer.loginWith("tanhoa.mai", "mật-khẩu-ban-đầu", http.StatusSeeOther)
			apiToken := ts.tokenWith(t, "tanhoa.mai", "mật-khẩu-ban-đầu")

			// Change the roles and unit.
			form = url.Values{"csrf": {token}, "full_name": {"Phạm Thị Mai"}, "unit_code": {unit}, "roles": {"chuyenvien", "lanhdao"}}
			if st, loc, body = admin.post("/quan-tri/tai-khoan/tanhoa.mai", form); st != http.StatusSeeOther {
				t.Fatalf("update: got %d %q; page %.400s", st, loc, body)
			}
			if u, _ := ts.Store.User(ctx, "tanhoa.mai"); !u.Has(org.Leader) || !u.Has(org.Specialist) || u.UnitCode != unit {
				t.Errorf("after update: got %+v, want specialist and leader of %s", u, unit)
			}
			if st, _ := officer.get("/ho-so"); st != http.StatusOK {
				t.Errorf("session after a role change: got %d, want 200 (roles change, the session stays)", st)
			}
			form.Del("roles")
			if st, _, body = admin.post("/quan-tri/tai-khoan/tanhoa.mai", form); st != http.StatusBadRequest || !strings.Contains(body, "Vui lòng chọn ít nhất một vai trò.") {
				t.Errorf("update without roles: got %d, want 400 with the message", st)
			}
			self := url.Values{"csrf": {token}, "full_name": {"Quản trị hệ thống"}, "unit_code": {demo.Province}, "roles": {"motcua"}}
			if st, _, body = admin.post("/quan-tri/tai-khoan/admin", self); st != http.StatusBadRequest || !strings.Contains(body, "tự bỏ vai trò quản trị") {
				t.Errorf("admin dropping their own role: got %d, want 400", st)
			}

			// Reset the password: the old one, the session and the token stop working.
			reset := url.Values{"csrf": {token}, "password": {"mật-khẩu-mới-đặt"}, "password_repeat": {"mật-khẩu-mới-đặt"}}
			if st, loc, _ = admin.post("/quan-tri/tai-khoan/tanhoa.mai/mat-khau", reset); st != http.StatusSeeOther || !strings.HasSuffix(loc, "xong=mat-khau") {
				t.Fatalf("reset: got %d %q", st, loc)
			}
			if st, _ := officer.get("/ho-so"); st != http.StatusSeeOther {
				t.Errorf("session after a reset: got %d, want 303 to the login page", st)
			}
			if st := ts.api(t, "GET", "/api/v1/dossiers", apiToken, "", nil); st != http.StatusUnauthorized {
				t.Errorf("token after a reset: got %d, want 401", st)
			}
			ts.browser(t).loginWith("tanhoa.mai", "mật-khẩu-ban-đầu", http.StatusUnauthorized)
			officer.loginWith("tanhoa.mai", "mật-khẩu-mới-đặt", http.StatusSeeOther)
			apiToken = ts.tokenWith(t, "tanhoa.mai", "mật-khẩu-mới-đặt")

			// Disable: refused at login, token revoked; re-enable.
			if st, loc, _ = admin.post("/quan-tri/tai-khoan/tanhoa.mai/khoa", url.Values{"csrf": {token}}); st != http.StatusSeeOther {
				t.Fatalf("disable: got %d %q", st, loc)
			}
			if st := ts.api(t, "GET", "/api/v1/dossiers", apiToken, "", nil); st != http.StatusUnauthorized {
				t.Errorf("token of a disabled account: got %d, want 401", st)
			}
			if st, _ := officer.get("/ho-so"); st != http.StatusSeeOther {
				t.Errorf("session of a disabled account: got %d, want 303", st)
			}
			ts.browser(t).loginWith("tanhoa.mai", "mật-khẩu-mới-đặt", http.StatusUnauthorized)
			if _, list := admin.get("/quan-tri/tai-khoan"); !strings.Contains(list, "Đã khóa") {
				t.Error("account list: want the account shown as locked")
			}
			if st, _, body = admin.post("/quan-tri/tai-khoan/admin/khoa", url.Values{"csrf": {token}}); st != http.StatusBadRequest || !strings.Contains(body, "tự khóa") {
				t.Errorf("admin locking themself: got %d, want 400", st)
			}
			if st, _, _ = admin.post("/quan-tri/tai-khoan/tanhoa.mai/mo-khoa", url.Values{"csrf": {token}}); st != http.StatusSeeOther {
				t.Fatalf("enable: got %d", st)
			}
			ts.browser(t).loginWith("tanhoa.mai", "mật-khẩu-mới-đặt", http.StatusSeeOther)

			// The audit log names every step in Vietnamese, and unknown actions as written.
			_, log := admin.get("/quan-tri/nhat-ky?actor=admin")
			for _, want := range []string{"Tạo tài khoản cán bộ", "Sửa tài khoản cán bộ", "Đặt lại mật khẩu", "Khóa tài khoản", "Mở khóa tài khoản"} {
				if !strings.Contains(log, "<td>"+want+"</td>") {
					t.Errorf("audit log: want %q", want)
				}
			}
			if strings.Contains(log, "user.create") && !strings.Contains(log, `value="user.create"`) {
				t.Error("audit log: the raw code user.create is shown")
			}
			_, log = admin.get("/quan-tri/nhat-ky?actor=tanhoa.mai")
			for _, want := range []string{"<td>Đăng nhập</td>", "<td>Đăng nhập sai</td>", "<td>Cấp mã truy cập API</td>"} {
				if !strings.Contains(log, want) {
					t.Errorf("audit log of the officer: want %q", want)
				}
			}
			if _, log = admin.get("/quan-tri/nhat-ky?action=user.password"); !strings.Contains(log, `<option value="user.password" selected>Đặt lại mật khẩu</option>`) {
				t.Error("audit filter: want the action chosen by its Vietnamese name")
			}
		})
	}
}

// loginWith signs in through the login form and checks the status of the answer.
func (b *browser) loginWith(username, password string, want int) {
	b.t.Helper()
	token := b.csrf("/dang-nhap")
	st, _, body := b.post("/dang-nhap", url.Values{"csrf": {token}, "username": {username}, "password": {password}})
	if st != want {
		b.t.Errorf("login %s: got status %d, want %d; page %.300s", username, st, want, body)
	}
}

// tokenWith returns an API token for an account and password.
func (ts *testServer) tokenWith(t *testing.T, username, password string) string {
	t.Helper()
	var out struct{ Token string }
	body := `{"username":"` + username + `","password":"` + password + `"}`
	if st := ts.api(t, "POST", "/api/v1/auth/token", "", body, &out); st != http.StatusOK {
		t.Fatalf("token for %s: status %d", username, st)
	}
	return out.Token
}
