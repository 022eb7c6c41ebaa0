package web_test

import (
	"context"
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"motcua/internal/catalog"
)

// TestOnlineChannel covers the citizen's way in: the "Nộp trực tuyến" button of the
// procedure pages, "Gửi lại thư xác thực" and the e-form shown to the desk officer.
func TestOnlineChannel(t *testing.T) {
	t.Parallel()
	eachServer(t, func(t *testing.T, ts *testServer) {
		t.Run("button on the procedure page", func(t *testing.T) { testSubmitOnlineButton(t, ts) })
		t.Run("resend verification", func(t *testing.T) { testResendVerification(t, ts) })
		t.Run("e-form on the officer's page", func(t *testing.T) { testOfficerSeesEForm(t, ts) })
	})
}

func testSubmitOnlineButton(t *testing.T, ts *testServer) {
	cases := []struct {
		name, code string
		button     bool
	}{
		{"full online service", "1.001193", true},
		{"partial online service", "1.000894", true},
		{"no online service", "1.003583", false},
	}
	b := ts.browser(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, body := b.get("/thu-tuc/" + c.code)
			if st != http.StatusOK {
				t.Fatalf("procedure %s: got %d, want 200", c.code, st)
			}
			link := `<a class="button" href="/nop-truc-tuyen/` + c.code + `">Nộp trực tuyến</a>`
			if got := strings.Contains(body, link); got != c.button {
				t.Errorf("procedure %s: got button %v, want %v", c.code, got, c.button)
			}
			if !c.button && strings.Contains(body, "/nop-truc-tuyen/") {
				t.Errorf("procedure %s: got a link to online submission, want none", c.code)
			}
		})
	}
}

func testResendVerification(t *testing.T, ts *testServer) {
	ctx := context.Background()
	const email = "hoa@example.vn"
	b := ts.browser(t)
	if _, page := b.get("/cong-dan/dang-nhap"); !strings.Contains(page, `href="/cong-dan/gui-lai-xac-thuc"`) {
		t.Error("login page: no link to Gửi lại thư xác thực")
	}
	csrf := b.csrf("/cong-dan/dang-ky")
	st, _, body := b.post("/cong-dan/dang-ky", url.Values{"csrf": {csrf}, "full_name": {"Phạm Thị Hoa"},
		"login": {email}, "password": {"mật-khẩu-công-dân"}, "password2": {"mật-khẩu-công-dân"}})
	if st != http.StatusOK || !strings.Contains(body, `href="/cong-dan/gui-lai-xac-thuc"`) {
		t.Fatalf("registration: got %d, want 200 with a link to Gửi lại thư xác thực: %.300s", st, message(body))
	}
	verifiedCitizen(t, ts.Store, "tam@example.vn")

	resend := func(login string) string {
		t.Helper()
		st, _, body := b.post("/cong-dan/gui-lai-xac-thuc", url.Values{"csrf": {csrf}, "login": {login}})
		if st != http.StatusOK {
			t.Fatalf("resend for %s: got %d, want 200: %.300s", login, st, message(body))
		}
		return message(body)
	}
	first := resend(email)
	if !strings.Contains(first, "Đã gửi lại thư xác thực") {
		t.Errorf("answer: got %q, want Đã gửi lại thư xác thực", first)
	}
	// Throttled, unknown and verified accounts get the same answer.
	for _, login := range []string{email, email, email, email, "khong-co@example.vn", "tam@example.vn", "không phải địa chỉ"} {
		if got := resend(login); got != first {
			t.Errorf("answer for %s: got %q, want %q", login, got, first)
		}
	}
	msgs, err := ts.Store.OutboxFor(ctx, email, 20)
	if err != nil || len(msgs) != 4 {
		t.Fatalf("mails to %s: got %d (%v), want 4: the registration and 3 resends", email, len(msgs), err)
	}
	if others, err := ts.Store.OutboxFor(ctx, "tam@example.vn", 5); err != nil || len(others) != 0 {
		t.Errorf("mails to a verified account: got %d (%v), want none", len(others), err)
	}
	// OutboxFor lists newest first: only the newest link works.
	token := func(i int) string { return tokenRe.FindStringSubmatch(msgs[i].Body)[1] }
	if st, _ := b.get("/cong-dan/xac-thuc?token=" + token(len(msgs)-1)); st != http.StatusBadRequest {
		t.Errorf("registration link after a resend: got %d, want 400", st)
	}
	if st, page := b.get("/cong-dan/xac-thuc?token=" + token(0)); st != http.StatusOK || !strings.Contains(page, "Tài khoản đã được xác thực") {
		t.Errorf("newest link: got %d, want 200 and the account verified", st)
	}
}

func testOfficerSeesEForm(t *testing.T, ts *testServer) {
	ctx := context.Background()
	const proc = "1.001193"
	p, err := ts.Store.Procedure(ctx, proc)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.FormFields) < 3 {
		t.Fatalf("procedure %s: got %d form fields, want at least 3", proc, len(p.FormFields))
	}
	// Three known fields given out of order, one name the catalogue does not know.
	form := map[string]string{
		p.FormFields[2].Name: "Giá trị ba",
		p.FormFields[0].Name: "Nguyễn Minh <An>",
		p.FormFields[1].Name: "Giá trị hai",
		"ghi_chu_rieng":      "Ghi chú ngoài tờ khai",
	}
	for i := range 3 {
		if p.FormFields[i].Kind == catalog.KindDate {
			form[p.FormFields[i].Name] = "2026-01-02"
		}
	}
	in, _ := json.Marshal(map[string]any{"procedure_code": proc, "channel": "counter",
		"applicant": map[string]string{"full_name": "Lê Thị Hồng"}, "form": form})
	var created struct {
		Code string `json:"code"`
	}
	if st := ts.api(t, "POST", "/api/v1/dossiers", ts.token(t, "tanhoa.motcua"), string(in), &created); st != http.StatusCreated && st != http.StatusOK {
		t.Fatalf("receive: got %d, want 201", st)
	}
	b := ts.browser(t)
	b.login("tanhoa.motcua")
	st, page := b.get("/ho-so/" + created.Code)
	if st != http.StatusOK {
		t.Fatalf("dossier page: got %d, want 200", st)
	}
	i := strings.Index(page, `<dl class="dossier-facts eform">`)
	if i < 0 {
		t.Fatalf("dossier page: no e-form list in %.500s", message(page))
	}
	list := page[i : i+strings.Index(page[i:], "</dl>")]
	at := 0
	for k := range 3 {
		f := p.FormFields[k]
		want := "<dt>" + html.EscapeString(f.Label) + "</dt><dd>" + html.EscapeString(form[f.Name]) + "</dd>"
		if f.Kind == catalog.KindDate {
			want = "<dt>" + html.EscapeString(f.Label) + "</dt><dd>02/01/2026</dd>"
		}
		j := strings.Index(list, want)
		if j < at {
			t.Fatalf("e-form: want %q after the earlier fields in %q", want, list)
		}
		at = j
	}
	if j := strings.Index(list, "<dt>ghi_chu_rieng</dt><dd>Ghi chú ngoài tờ khai</dd>"); j < at {
		t.Errorf("e-form: want the unknown field by its name after the known ones in %q", list)
	}
}
