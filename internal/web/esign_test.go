package web_test

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"motcua/internal/esign"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// certificateFile posts the admin's PKCS#12 import form.
func (b *browser) certificateFile(csrf, unit, password string, p12 []byte) (int, string, string) {
	b.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("csrf", csrf)
	mw.WriteField("unit", unit)
	mw.WriteField("password", password)
	fw, _ := mw.CreateFormFile("file", "don-vi.p12")
	fw.Write(p12)
	mw.Close()
	req, _ := http.NewRequest("POST", b.base+"/quan-tri/chung-thu-so", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := b.client.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location"), string(out)
}

// rawGet fetches a path with an optional bearer token and returns status, type and body.
func (ts *testServer) rawGet(t *testing.T, path, token string) (int, string, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", ts.URL+path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), body
}

// postResult sends a result file to POST /api/v1/dossiers/{code}/result.
func (ts *testServer) postResult(t *testing.T, code, token string, content []byte) (int, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "ket-qua.pdf")
	fw.Write(content)
	mw.Close()
	req, _ := http.NewRequest("POST", ts.URL+"/api/v1/dossiers/"+code+"/result", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(out)
}

func verifies(t *testing.T, pdf []byte) bool {
	t.Helper()
	bin, err := exec.LookPath("pdfsig")
	if err != nil {
		if os.Getenv("MOTCUA_BROWSER") == "required" {
			t.Fatal("pdfsig (poppler-utils) is required")
		}
		t.Skip("pdfsig not installed")
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	os.WriteFile(path, pdf, 0o600)
	out, _ := exec.Command(bin, path).CombinedOutput()
	return strings.Contains(string(out), "Signature Validation: Signature is Valid.")
}

func TestSignedResultThroughPagesAndAPI(t *testing.T) {
	t.Parallel()
	eachServer(t, func(t *testing.T, ts *testServer) {
		now := time.Now()
		ca, err := esign.NewTestCA("CA thử nghiệm", now.AddDate(-1, 0, 0), 5)
		if err != nil {
			t.Fatal(err)
		}
		unitCert, _ := ca.Issue("UBND thị trấn Tân Hòa", now.AddDate(0, -1, 0), now.AddDate(1, 0, 0))
		p12, _ := unitCert.PKCS12("mật khẩu")
		admin := ts.browser(t)
		admin.login("admin")
		csrf := admin.csrf("/quan-tri/chung-thu-so")
		if st, _, body := admin.certificateFile(csrf, "H40.12.05", "sai", p12); st != http.StatusBadRequest || !strings.Contains(body, "Mật khẩu của tệp chứng thư số không đúng.") {
			t.Fatalf("wrong password: got %d, want 400 with the message: %.300s", st, body)
		}
		if st, loc, _ := admin.certificateFile(csrf, "H40.12.05", "mật khẩu", p12); st != http.StatusSeeOther || !strings.Contains(loc, "da-nhap") {
			t.Fatalf("import: got %d to %q, want 303", st, loc)
		}
		if _, page := admin.get("/quan-tri/chung-thu-so"); !strings.Contains(page, "UBND thị trấn Tân Hòa") {
			t.Errorf("certificates page does not list the imported certificate")
		}

		var created struct {
			Code      string `json:"code"`
			LookupKey string `json:"lookup_key"`
		}
		desk := ts.token(t, "tanhoa.motcua")
		if st := ts.api(t, "POST", "/api/v1/dossiers", desk, `{"procedure_code":"1.001193","channel":"counter","applicant":{"full_name":"Lê Thị Hồng"}}`, &created); st != http.StatusCreated {
			t.Fatalf("create: got %d", st)
		}
		code := created.Code
		if st := ts.api(t, "POST", "/api/v1/dossiers/"+code+"/actions", desk, `{"action":"forward"}`, nil); st != http.StatusOK {
			t.Fatalf("forward: got %d", st)
		}
		specialist := ts.browser(t)
		specialist.login("tanhoa.chuyenvien")
		page := "/ho-so/" + code
		csrf = specialist.csrf(page)
		if st, _, body := specialist.postFile(page+"/ket-qua", csrf, "file", "ket-qua.pdf", []byte("\x89PNG\r\n\x1a\nảnh")); st != http.StatusBadRequest || !strings.Contains(body, "PDF") {
			t.Errorf("image as result: got %d, want 400 asking for a PDF: %.300s", st, body)
		}
		encrypted := []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Size 2 /Root 1 0 R /Encrypt << /Filter /Standard >> >>\nstartxref\n9\n%%EOF\n")
		if st, body := ts.postResult(t, code, ts.token(t, "tanhoa.chuyenvien"), encrypted); st != http.StatusBadRequest || !strings.Contains(body, `"code":"invalid"`) {
			t.Errorf("damaged, encrypted PDF through the API: got %d %s, want 400 invalid", st, body)
		}
		if st, loc, _ := specialist.post(page+"/ket-qua/tao", url.Values{"csrf": {csrf}}); st != http.StatusSeeOther || !strings.Contains(loc, "ketqua=1") {
			t.Fatalf("generate: got %d to %q, want 303", st, loc)
		}
		if st := ts.api(t, "POST", "/api/v1/dossiers/"+code+"/actions", ts.token(t, "tanhoa.chuyenvien"), `{"action":"forward"}`, nil); st != http.StatusOK {
			t.Fatalf("specialist forward: got %d", st)
		}
		officerPath := "/api/v1/dossiers/" + code + "/result.pdf"
		if st, _, _ := ts.rawGet(t, officerPath, desk); st != http.StatusNotFound {
			t.Errorf("result before approval: got %d, want 404", st)
		}
		if st := ts.api(t, "POST", "/api/v1/dossiers/"+code+"/actions", ts.token(t, "tanhoa.lanhdao"), `{"action":"forward"}`, nil); st != http.StatusOK {
			t.Fatalf("leader approval: got %d", st)
		}
		st, ct, pdf := ts.rawGet(t, officerPath, desk)
		if st != http.StatusOK || ct != "application/pdf" || !verifies(t, pdf) {
			t.Fatalf("officer's result: got %d %s, want a PDF whose signature verifies", st, ct)
		}
		if st, _, _ := ts.rawGet(t, officerPath, ""); st != http.StatusUnauthorized {
			t.Errorf("result without a token: got %d, want 401", st)
		}
		lookup := "/api/v1/lookup/" + code + "/result.pdf?key="
		if st, _, body := ts.rawGet(t, lookup+created.LookupKey, ""); st != http.StatusOK || !bytes.Equal(body, pdf) {
			t.Errorf("applicant's result by lookup key: got %d, want the same signed file", st)
		}
		if st, ct, _ := ts.rawGet(t, lookup+"AAAAAAAA", ""); st != http.StatusNotFound || !strings.HasPrefix(ct, "application/json") {
			t.Errorf("wrong key: got %d %s, want a 404 JSON error", st, ct)
		}
		_, html := ts.browser(t).get("/tra-cuu/" + code + "?key=" + created.LookupKey)
		if !strings.Contains(html, `href="/api/v1/lookup/`+code+`/result.pdf?key=`+created.LookupKey+`"`) {
			t.Errorf("lookup page lacks the download link")
		}
		if _, html := specialist.get(page); !strings.Contains(html, "Đã ký số bởi đơn vị") {
			t.Errorf("dossier page does not show the signed result")
		}
	})
}

var storedRe = regexp.MustCompile(`<option value="(\d+)">[^<]*\(hồ sơ ([^)]+)\)</option>`)

func TestCitizenStoreReuseAndRemoval(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			ts := onlineServer(t, d)
			b := citizenSignedIn(t, ts, "lan@example.vn")
			const proc = "1.001193"
			path := "/nop-truc-tuyen/" + proc
			submit := func(prepare func(csrf string)) string {
				t.Helper()
				_, page := b.get(path)
				csrf := csrfRe.FindStringSubmatch(page)[1]
				prepare(csrf)
				form := onlineForm(t, ts, proc, url.Values{"csrf": {csrf}, "unit": {"H40.12.05"}, "full_name": {"Nguyễn Thị Lan"},
					"email": {"lan@example.vn"}, "phone": {"0912345678"}, "action": {"submit"}})
				st, loc, body := b.post(path, form)
				if st != http.StatusSeeOther || !strings.HasPrefix(loc, "/cong-dan/ho-so/") {
					t.Fatalf("submit: got %d to %q: %.500s", st, loc, body)
				}
				return strings.TrimPrefix(strings.Split(loc, "?")[0], "/cong-dan/ho-so/")
			}
			first := submit(func(csrf string) {
				for _, doc := range []string{"0", "1"} {
					if st, _, body := b.uploadFiles(path+"/attachments", map[string]string{"csrf": csrf, "doc": doc}, "giay-to-"+doc+".pdf", []byte(testPDF)); st != http.StatusSeeOther {
						t.Fatalf("upload: got %d: %.300s", st, body)
					}
				}
			})
			_, kho := b.get("/cong-dan/kho-du-lieu")
			if !strings.Contains(kho, "giay-to-0.pdf") || !strings.Contains(kho, first) {
				t.Fatalf("the store does not list the first dossier's papers: %.1000s", kho)
			}
			second := submit(func(csrf string) {
				_, page := b.get(path)
				m := storedRe.FindAllStringSubmatch(page, -1)
				if len(m) < 2 || m[0][2] != first {
					t.Fatalf("the form offers %v from the store, want the first dossier's papers", m)
				}
				form := onlineForm(t, ts, proc, url.Values{"csrf": {csrf}, "unit": {"H40.12.05"}, "action": {"upload"},
					"reuse_0": {m[0][1]}, "reuse_1": {m[1][1]}})
				if st, loc, body := b.post(path, form); st != http.StatusSeeOther {
					t.Fatalf("reuse: got %d to %q: %.500s", st, loc, body)
				}
			})
			officer := ts.browser(t)
			officer.login("tanhoa.motcua")
			if _, page := officer.get("/ho-so/" + second); !strings.Contains(page, "dùng lại từ hồ sơ "+first) {
				t.Errorf("the officer does not see that the papers were reused from %s", first)
			}
			if _, kho = b.get("/cong-dan/kho-du-lieu"); strings.Count(kho, "/xoa\"") != 2 {
				t.Errorf("reused copies should not be listed twice in the store")
			}
			m := regexp.MustCompile(`action="/cong-dan/kho-du-lieu/(\d+)/xoa"`).FindStringSubmatch(kho)
			csrf := csrfRe.FindStringSubmatch(kho)[1]
			if st, loc, _ := b.post("/cong-dan/kho-du-lieu/"+m[1]+"/xoa", url.Values{"csrf": {csrf}}); st != http.StatusSeeOther || !strings.Contains(loc, "da-xoa") {
				t.Fatalf("remove: got %d to %q", st, loc)
			}
			if _, kho = b.get("/cong-dan/kho-du-lieu"); strings.Count(kho, "/xoa\"") != 1 {
				t.Errorf("after removal: want one document left")
			}
			if st, _, _ := b.post("/cong-dan/kho-du-lieu/"+m[1]+"/xoa", url.Values{"csrf": {csrf}}); st != http.StatusNotFound {
				t.Errorf("removing it again: got %d, want 404", st)
			}
			entries, err := ts.Store.AuditLog(context.Background(), store.AuditFilter{Action: "citizen.document.remove"})
			if err != nil || len(entries) != 1 || entries[0].Target != first || !strings.HasPrefix(entries[0].Actor, "citizen") {
				t.Errorf("audit of the removal: got %+v, %v, want one line for %s", entries, err, first)
			}
		})
	}
}
