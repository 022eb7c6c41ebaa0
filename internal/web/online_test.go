package web_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"motcua/internal/catalog"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
	"motcua/internal/web"
)

const testPDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

// onlineServer is a test server whose attachments go to a temporary directory, with
// small limits: 64 KiB per file, 256 KiB per dossier.
func onlineServer(t *testing.T, d store.Dialect) *testServer {
	t.Helper()
	st := demoStore(t, d, nil, false)
	h, err := web.New(web.Config{Version: "test", DataDir: t.TempDir(), BaseURL: "http://motcua.test", FileLimit: 64 << 10, DossierFileLimit: 256 << 10},
		st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &testServer{Server: srv, Store: st}
}

// uploadFiles posts a multipart form with one file per entry of files (field "file") and
// returns status, Location and body.
func (b *browser) uploadFiles(path string, fields map[string]string, name string, files ...[]byte) (int, string, string) {
	b.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	for _, f := range files {
		w, _ := mw.CreateFormFile("file", name)
		w.Write(f)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", b.base+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := b.client.Do(req)
	if err != nil {
		b.t.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location"), string(data)
}

// onlineForm adds to form a valid value for every e-form field of the procedure.
func onlineForm(t *testing.T, ts *testServer, proc string, form url.Values) url.Values {
	t.Helper()
	p, err := ts.Store.Procedure(context.Background(), proc)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range p.FormFields {
		v := "Trần Minh Khôi"
		switch f.Kind {
		case catalog.KindDate:
			v = "2026-02-20"
		case catalog.KindSelect:
			v = f.Options[0]
		}
		form.Set("f_"+f.Name, v)
	}
	return form
}

var tokenRe = regexp.MustCompile(`token=([A-Za-z0-9_-]+)`)

// citizenSignedIn registers a citizen through the pages, verifies the account with the
// token of the outbox message, and signs in.
func citizenSignedIn(t *testing.T, ts *testServer, email string) *browser {
	t.Helper()
	b := ts.browser(t)
	csrf := b.csrf("/cong-dan/dang-ky")
	st, _, body := b.post("/cong-dan/dang-ky", url.Values{"csrf": {csrf}, "full_name": {"Nguyễn Thị Lan"},
		"login": {email}, "password": {"mật-khẩu-công-dân"}, "password2": {"mật-khẩu-công-dân"}})
	if st != http.StatusOK {
		t.Fatalf("register: got %d, want 200: %.300s", st, body)
	}
	msgs, err := ts.Store.OutboxFor(context.Background(), email, 5)
	if err != nil || len(msgs) != 1 {
		t.Fatalf("verification mail: got %d messages, %v, want 1", len(msgs), err)
	}
	m := tokenRe.FindStringSubmatch(msgs[0].Body)
	if m == nil {
		t.Fatalf("no token in %q", msgs[0].Body)
	}
	if st, _ := b.get("/cong-dan/xac-thuc?token=" + m[1]); st != http.StatusOK {
		t.Fatalf("verify: got %d, want 200", st)
	}
	csrf = b.csrf("/cong-dan/dang-nhap")
	st, loc, _ := b.post("/cong-dan/dang-nhap", url.Values{"csrf": {csrf}, "login": {email}, "password": {"mật-khẩu-công-dân"}})
	if st != http.StatusSeeOther || loc != "/cong-dan/ho-so" {
		t.Fatalf("login: got %d to %q, want 303 to /cong-dan/ho-so", st, loc)
	}
	return b
}

func TestOnlineSubmissionFlow(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			ts := onlineServer(t, d)
			ctx := context.Background()
			b := citizenSignedIn(t, ts, "lan@example.vn")
			officer, err := ts.Store.User(ctx, "tanhoa.motcua")
			if err != nil {
				t.Fatal(err)
			}
			if st, body := b.get("/nop-truc-tuyen/1.003583"); st != http.StatusOK || !strings.Contains(body, "chưa thể nộp trực tuyến") {
				t.Errorf("procedure without online service: got %d, want the page saying so", st)
			}
			if st, _ := ts.browser(t).get("/cong-dan/ho-so"); st != http.StatusSeeOther {
				t.Errorf("anonymous my dossiers: got %d, want 303 to the login", st)
			}
			const proc = "1.001193"
			path := "/nop-truc-tuyen/" + proc
			st, page := b.get(path)
			if st != http.StatusOK || !strings.Contains(page, `value="`+officer.UnitCode+`"`) {
				t.Fatalf("form: got %d, want 200 offering unit %s", st, officer.UnitCode)
			}
			csrf := csrfRe.FindStringSubmatch(page)[1]

			t.Run("wrong type", func(t *testing.T) {
				st, _, body := b.uploadFiles(path+"/attachments", map[string]string{"csrf": csrf, "doc": "0"}, "to-khai.pdf",
					[]byte("<html><body>không phải PDF</body></html>"))
				if st != http.StatusBadRequest || !strings.Contains(body, "Chỉ nhận tệp PDF, JPEG hoặc PNG.") {
					t.Errorf("got %d, want 400 with the Vietnamese message: %.200s", st, body)
				}
			})
			t.Run("over the limit", func(t *testing.T) {
				big := []byte(testPDF + strings.Repeat("%", 2<<20))
				if st, _, _ := b.uploadFiles(path+"/attachments", map[string]string{"csrf": csrf, "doc": "0"}, "lon.pdf", big); st != http.StatusRequestEntityTooLarge {
					t.Errorf("body over the limit: got %d, want 413", st)
				}
				file := []byte(testPDF + strings.Repeat("%", 100<<10))
				if st, _, _ := b.uploadFiles(path+"/attachments", map[string]string{"csrf": csrf, "doc": "0"}, "lon.pdf", file); st != http.StatusRequestEntityTooLarge {
					t.Errorf("file over the limit: got %d, want 413", st)
				}
			})
			for _, doc := range []string{"0", "1"} {
				st, loc, body := b.uploadFiles(path+"/attachments", map[string]string{"csrf": csrf, "doc": doc}, `..\giay "to".pdf`, []byte(testPDF))
				if st != http.StatusSeeOther || !strings.HasPrefix(loc, path) {
					t.Fatalf("upload %s: got %d to %q, want 303: %.300s", doc, st, loc, body)
				}
			}
			p, err := ts.Store.Procedure(ctx, proc)
			if err != nil {
				t.Fatal(err)
			}
			form := onlineForm(t, ts, proc, url.Values{"csrf": {csrf}, "unit": {officer.UnitCode}, "full_name": {"Nguyễn Thị Lan"},
				"email": {"lan@example.vn"}, "phone": {"0912345678"}})
			form.Set("action", "save")
			if st, loc, _ := b.post(path, form); st != http.StatusSeeOther || !strings.Contains(loc, "da-luu") {
				t.Fatalf("save draft: got %d to %q, want 303", st, loc)
			}
			if st, page := b.get("/cong-dan/ho-so"); st != http.StatusOK || !strings.Contains(page, ">"+p.Name+"</a>") || strings.Contains(page, "Thủ tục "+proc) {
				t.Errorf("drafts: got %d, want the draft named %q", st, p.Name)
			}
			if _, page := b.get("/cong-dan/ho-so"); strings.Contains(page, "Đăng nhập cán bộ") || !strings.Contains(page, "/cong-dan/dang-xuat") {
				t.Error("header of a signed-in citizen: got the officers' login, want the citizen's logout")
			}
			form.Set("action", "submit")
			st, loc, body := b.post(path, form)
			if st != http.StatusSeeOther || !strings.HasPrefix(loc, "/cong-dan/ho-so/") {
				t.Fatalf("submit: got %d to %q, want 303: %.500s", st, loc, body)
			}
			code := strings.TrimPrefix(strings.Split(loc, "?")[0], "/cong-dan/ho-so/")

			token := ts.token(t, "tanhoa.motcua")
			var got struct {
				Status string `json:"status"`
			}
			if st := ts.api(t, "GET", "/api/v1/dossiers/"+code, token, "", &got); st != http.StatusOK || got.Status != "submitted" {
				t.Fatalf("dossier: got %d %s, want 200 submitted", st, got.Status)
			}
			for _, body := range []string{`{"action":"accept"}`, `{"action":"request_supplement","note":"Ảnh giấy chứng sinh bị mờ, vui lòng chụp lại."}`} {
				if st := ts.api(t, "POST", "/api/v1/dossiers/"+code+"/actions", token, body, &got); st != http.StatusOK {
					t.Fatalf("%s: got %d, want 200", body, st)
				}
			}
			st, page = b.get("/cong-dan/ho-so/" + code)
			if st != http.StatusOK || !strings.Contains(page, "Chờ bổ sung") || !strings.Contains(page, "Ảnh giấy chứng sinh bị mờ") {
				t.Fatalf("my dossier: got %d, want the supplement request with its note", st)
			}
			// The applicant downloads the forms issued to them, not the internal control sheet.
			for _, form := range []string{"receipt", "supplement"} {
				href := "/cong-dan/ho-so/" + code + "/bieu-mau/" + form + ".pdf"
				if !strings.Contains(page, href) {
					t.Errorf("my dossier: no link to %s", href)
				}
				if st, pdfBody := b.get(href); st != http.StatusOK || !strings.HasPrefix(pdfBody, "%PDF") ||
					!strings.Contains(pdfText(t, []byte(pdfBody)), code) {
					t.Errorf("%s: got %d, want a PDF with the dossier code", href, st)
				}
			}
			if st, _ := b.get("/cong-dan/ho-so/" + code + "/bieu-mau/control.pdf"); st != http.StatusNotFound {
				t.Errorf("control sheet for the applicant: got %d, want 404", st)
			}
			if st, page := b.get("/cong-dan/ho-so"); st != http.StatusOK || !strings.Contains(page, code) {
				t.Errorf("my dossiers: got %d, want the list with %s", st, code)
			}
			st, loc, body = b.uploadFiles("/cong-dan/ho-so/"+code+"/attachments", map[string]string{"csrf": csrf, "note": "Đã chụp lại."}, "anh.pdf", []byte(testPDF+"%bổ sung"))
			if st != http.StatusSeeOther || !strings.HasPrefix(loc, "/cong-dan/ho-so/"+code) {
				t.Fatalf("supplement: got %d to %q, want 303 back to the dossier: %.300s", st, loc, body)
			}
			if st := ts.api(t, "GET", "/api/v1/dossiers/"+code, token, "", &got); st != http.StatusOK || got.Status != "received" {
				t.Errorf("after the supplement: got %d %s, want 200 received", st, got.Status)
			}
			desk := ts.browser(t)
			desk.login("tanhoa.motcua")
			if st, page := desk.get("/ho-so/" + code); st != http.StatusOK || !strings.Contains(page, "Người nộp hồ sơ: Nguyễn Thị Lan") || strings.Contains(page, "citizen:") {
				t.Errorf("officer page: got %d, want applicant events named after the applicant", st)
			}
			if _, page := b.get("/cong-dan/ho-so/" + code); strings.Contains(page, "Nguyễn Thị Lan (") || strings.Contains(page, "citizen:") {
				t.Error("citizen page: got actor names, want none")
			}

			var list struct {
				Items []struct {
					ID       int64  `json:"id"`
					FileName string `json:"file_name"`
					URL      string `json:"url"`
				} `json:"items"`
			}
			if st := ts.api(t, "GET", "/api/v1/dossiers/"+code+"/attachments", token, "", &list); st != http.StatusOK || len(list.Items) != 3 {
				t.Fatalf("attachments: got %d with %d items, want 200 with 3", st, len(list.Items))
			}
			if name := list.Items[0].FileName; name != "giay _to.pdf" {
				t.Errorf("sanitised name: got %q, want %q", name, "giay _to.pdf")
			}
			fileURL := list.Items[0].URL
			resp, err := b.client.Get(ts.URL + fileURL)
			if err != nil {
				t.Fatal(err)
			}
			data, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK || string(data) != testPDF ||
				!strings.HasPrefix(resp.Header.Get("Content-Disposition"), "attachment") ||
				resp.Header.Get("X-Content-Type-Options") != "nosniff" || resp.Header.Get("Content-Type") != "application/pdf" {
				t.Errorf("owner download: got %d %q %q", resp.StatusCode, resp.Header.Get("Content-Disposition"), resp.Header.Get("Content-Type"))
			}

			other := citizenSignedIn(t, ts, "binh@example.vn")
			for _, p := range []string{"/cong-dan/ho-so/" + code, fileURL} {
				if st, _ := other.get(p); st != http.StatusNotFound {
					t.Errorf("other citizen %s: got %d, want 404", p, st)
				}
				if st, _ := ts.browser(t).get(p); st == http.StatusOK {
					t.Errorf("anonymous %s: got 200, want refusal", p)
				}
			}
			st, _, _ = other.uploadFiles("/cong-dan/ho-so/"+code+"/attachments", map[string]string{"csrf": other.csrf("/cong-dan/ho-so")}, "x.pdf", []byte(testPDF))
			if st != http.StatusNotFound {
				t.Errorf("other citizen supplement: got %d, want 404", st)
			}

			msgs, err := ts.Store.OutboxFor(ctx, "lan@example.vn", 20)
			if err != nil {
				t.Fatal(err)
			}
			var subjects []string
			for i := len(msgs) - 1; i >= 0; i-- {
				subjects = append(subjects, msgs[i].Subject)
			}
			want := []string{"Xác thực tài khoản công dân", "Đã nhận hồ sơ nộp trực tuyến " + code,
				"Hồ sơ " + code + " đã được tiếp nhận", "Hồ sơ " + code + " cần bổ sung, hoàn thiện"}
			if strings.Join(subjects, "|") != strings.Join(want, "|") {
				t.Errorf("outbox: got %q, want %q", subjects, want)
			}

			// Another citizen cannot withdraw it; the applicant can.
			if st, _, _ := other.post("/cong-dan/ho-so/"+code+"/rut", url.Values{"csrf": {other.csrf("/cong-dan/ho-so")}}); st != http.StatusNotFound {
				t.Errorf("other citizen withdraw: got %d, want 404", st)
			}
			_, page = b.get("/cong-dan/ho-so/" + code)
			if !strings.Contains(page, "Xác nhận rút hồ sơ") {
				t.Fatal("my dossier: no withdraw form")
			}
			st, loc, _ = b.post("/cong-dan/ho-so/"+code+"/rut", url.Values{"csrf": {b.csrf("/cong-dan/ho-so/" + code)}, "reason": {"Đã nộp nhầm thủ tục."}})
			if st != http.StatusSeeOther || !strings.Contains(loc, "da-rut=1") {
				t.Fatalf("withdraw: got %d %q, want 303", st, loc)
			}
			if st := ts.api(t, "GET", "/api/v1/dossiers/"+code, token, "", &got); st != http.StatusOK || got.Status != "withdrawn" {
				t.Errorf("after withdrawing: got %d %s, want withdrawn", st, got.Status)
			}
			if _, page = b.get("/cong-dan/ho-so/" + code); strings.Contains(page, "Xác nhận rút hồ sơ") {
				t.Error("a withdrawn dossier still offers to withdraw")
			}
		})
	}
}
