package web_test

import (
	"bytes"
	"context"
	"image"
	_ "image/png"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"

	"motcua/internal/catalog"
	"motcua/internal/demo"
	"motcua/internal/pdf"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
	"motcua/internal/web"
)

// TestProcedures runs the catalogue pages and API on one server per dialect, loaded with
// the demo units, accounts and catalogue but not the dossier history they do not need.
func TestProcedures(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			st := storetest.Open(t, d, nil)
			loadCatalogDemo(t, st)
			h, err := web.New(web.Config{Version: "test", DataDir: t.TempDir()}, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
			if err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewServer(h)
			t.Cleanup(srv.Close)
			ts := &testServer{Server: srv, Store: st}
			t.Run("api", func(t *testing.T) { testProceduresAPI(t, ts) })
			t.Run("pages", func(t *testing.T) { testProcedurePages(t, ts) })
			t.Run("posting sheet", func(t *testing.T) { testPostingSheet(t, ts) })
			t.Run("admin", func(t *testing.T) { testCatalogAdmin(t, ts) })
		})
	}
}

// loadCatalogDemo loads the demo units, the catalogue and two accounts (admin and
// tanhoa.motcua): password hashing is slow on purpose, so the other accounts are left out.
func loadCatalogDemo(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	for _, u := range demo.Units() {
		if _, err := st.CreateUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	for _, u := range demo.Users() {
		if u.Username == "admin" || u.Username == "tanhoa.motcua" {
			if _, err := st.CreateUser(ctx, u, demoPassword); err != nil {
				t.Fatal(err)
			}
		}
	}
	c, err := demo.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	if res, err := st.ImportCatalog(ctx, c, "demo"); err != nil {
		t.Fatalf("import: %v %v", err, res.Problems)
	}
	if err := st.PutSetting(ctx, "site_unit", demo.TanHoa); err != nil {
		t.Fatal(err)
	}
}

// signIn gives the browser a session of the account without going through the (slow)
// password check; the login form itself is tested elsewhere.
func (ts *testServer) signIn(t *testing.T, b *browser, username string) {
	t.Helper()
	ctx := context.Background()
	u, err := ts.Store.User(ctx, username)
	if err != nil {
		t.Fatal(err)
	}
	token, err := ts.Store.CreateSession(ctx, u.ID, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse(ts.URL)
	b.client.Jar.SetCookies(base, []*http.Cookie{{Name: "motcua_session", Value: token, Path: "/"}})
}

type procedureList struct {
	Items []struct {
		Code  string `json:"code"`
		Name  string `json:"name"`
		Field struct {
			Code string `json:"code"`
			Name string `json:"name"`
		} `json:"field"`
		DeadlineDays float64 `json:"deadline_days"`
		DeadlineMode string  `json:"deadline_mode"`
		Online       string  `json:"online"`
		FeeVND       *int64  `json:"fee_vnd"`
	} `json:"items"`
	Total int `json:"total"`
}

func testProceduresAPI(t *testing.T, ts *testServer) {
	var all procedureList
	if st := ts.api(t, "GET", "/api/v1/procedures", "", "", &all); st != http.StatusOK {
		t.Fatalf("list: got status %d, want 200", st)
	}
	if all.Total < 150 || len(all.Items) != 50 {
		t.Errorf("list: got total %d and %d items, want ≥150 and 50 (the default limit)", all.Total, len(all.Items))
	}
	if it := all.Items[0]; it.Code == "" || it.Name == "" || it.Field.Code == "" || it.Field.Name == "" || it.DeadlineDays < 0 || it.Online == "" || it.FeeVND == nil ||
		(it.DeadlineDays == 0) != (it.DeadlineMode == "same_day") {
		t.Errorf("list item: got %+v, want every contract key", it)
	}
	searches := []struct{ q, want string }{
		{"dang ky khai sinh", "Đăng ký khai sinh"},
		{"DANG KY KET HON", "Đăng ký kết hôn"},
		{"chung thuc ban sao", "Chứng thực bản sao từ bản chính"},
		{"đăng ký thường trú", "Đăng ký thường trú"},
	}
	for _, s := range searches {
		var got procedureList
		ts.api(t, "GET", "/api/v1/procedures?limit=3&q="+url.QueryEscape(s.q), "", "", &got)
		found := false
		for _, it := range got.Items {
			found = found || strings.HasPrefix(it.Name, s.want)
		}
		if !found {
			t.Errorf("q=%q: got %+v, want %q in the top 3", s.q, got.Items, s.want)
		}
	}
	var field procedureList
	ts.api(t, "GET", "/api/v1/procedures?field=ho-tich&unit="+demo.TanHoa+"&limit=1000&offset=1", "", "", &field)
	if field.Total < 2 || len(field.Items) != field.Total-1 {
		t.Errorf("field+unit+offset: got %d items of %d, want total-1", len(field.Items), field.Total)
	}
	for _, it := range field.Items {
		if it.Field.Code != "ho-tich" {
			t.Errorf("field filter: got field %s, want ho-tich", it.Field.Code)
		}
	}
	bad := []string{"limit=-5", "limit=0", "limit=1001", "limit=abc", "offset=-1", "q=" + strings.Repeat("a", 5000)}
	for _, q := range bad {
		var e apiError
		if st := ts.api(t, "GET", "/api/v1/procedures?"+q, "", "", &e); st != http.StatusBadRequest || e.Error.Code != "invalid" || e.Error.Message == "" {
			t.Errorf("%.20s: got %d %+v, want 400 invalid with a message", q, st, e)
		}
	}
	var p struct {
		catalog.Procedure
		Field catalog.Field `json:"field"`
	}
	if st := ts.api(t, "GET", "/api/v1/procedures/1.001193", "", "", &p); st != http.StatusOK {
		t.Fatalf("one procedure: got status %d, want 200", st)
	}
	if p.Name != "Đăng ký khai sinh" || len(p.Documents) == 0 || len(p.Fees) == 0 || p.Process.Version < 1 || len(p.Process.Steps) == 0 || p.Field.Name == "" {
		t.Errorf("one procedure: got %+v, want documents, fees, the process and the field", p)
	}
	var e apiError
	if st := ts.api(t, "GET", "/api/v1/procedures/9.999999", "", "", &e); st != http.StatusNotFound || e.Error.Code != "not_found" {
		t.Errorf("unknown code: got %d %+v, want 404 not_found", st, e)
	}
}

func testProcedurePages(t *testing.T, ts *testServer) {
	b := ts.browser(t)
	st, body := b.get("/")
	if st != http.StatusOK || !strings.Contains(body, `hx-get="/thu-tuc"`) || !strings.Contains(body, "Hộ tịch") {
		t.Errorf("home: got %d, want the search box and the fields", st)
	}
	st, body = b.get("/thu-tuc?q=dang+ky+ket+hon")
	if st != http.StatusOK || !strings.Contains(body, "Đăng ký kết hôn") {
		t.Errorf("search page: got %d, want Đăng ký kết hôn", st)
	}
	req, _ := http.NewRequest("GET", ts.URL+"/thu-tuc?q=khai+sinh", nil)
	req.Header.Set("HX-Request", "true")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	partial, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if strings.Contains(string(partial), "<html") || !strings.Contains(string(partial), "Đăng ký khai sinh") {
		t.Errorf("htmx search: got %.200q, want only the results", partial)
	}
	st, body = b.get("/thu-tuc/1.001193")
	for _, want := range []string{"Đăng ký khai sinh", "Giấy chứng sinh", "Đăng ký khai sinh quá hạn", "Thành phần hồ sơ", "Quy trình nội bộ"} {
		if st != http.StatusOK || !strings.Contains(body, want) {
			t.Errorf("procedure page: got %d, want %q on it", st, want)
		}
	}
	st, body = b.get("/thu-tuc?field=ho-tich")
	if st != http.StatusOK || !strings.Contains(body, "niem-yet.pdf") {
		t.Errorf("field page: got %d, want the posting sheet link", st)
	}
	st, body = b.get("/thu-tuc?q=" + strings.Repeat("x", 5000))
	if st != http.StatusBadRequest || !strings.Contains(body, "quá dài") {
		t.Errorf("long query page: got %d, want 400 with a Vietnamese message", st)
	}
	if st, _ = b.get("/thu-tuc/9.999999"); st != http.StatusNotFound {
		t.Errorf("unknown procedure page: got %d, want 404", st)
	}
	if st, _ = b.get("/thu-tuc?field=khong-co"); st != http.StatusNotFound {
		t.Errorf("unknown field page: got %d, want 404", st)
	}
}

func testPostingSheet(t *testing.T, ts *testServer) {
	resp, err := http.Get(ts.URL + "/thu-tuc/linh-vuc/ho-tich/niem-yet.pdf")
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(data, []byte("%PDF")) {
		t.Fatalf("posting sheet: got %d %s, want 200 application/pdf", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	text := pdfText(t, data)
	for _, want := range []string{"Đăng ký khai sinh", "Đăng ký kết hôn", "LĨNH VỰC HỘ TỊCH"} {
		if !strings.Contains(strings.ToUpper(text), strings.ToUpper(want)) {
			t.Errorf("posting sheet text: want %q in %.300q", want, text)
		}
	}
	// The QR code printed for a procedure holds the absolute address of its page.
	want := ts.URL + "/thu-tuc/1.001193"
	png, err := pdf.QRPNG(want, 0)
	if err != nil {
		t.Fatal(err)
	}
	img, _, err := image.Decode(bytes.NewReader(png))
	if err != nil {
		t.Fatal(err)
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	// The image is the bare code with its quiet zone: decoding it as such is exact, while
	// the general detector misreads about one address in a hundred (the port varies).
	pure := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: true}
	res, err := zxqr.NewQRCodeReader().Decode(bmp, pure)
	if err != nil || res.GetText() != want {
		t.Errorf("QR code: got %v, %v, want %s", res, err, want)
	}
	if resp, err := http.Get(ts.URL + "/thu-tuc/linh-vuc/khong-co/niem-yet.pdf"); err != nil || resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown field sheet: got %v, %v, want 404", resp, err)
	}
}

// upload posts a file to the import form and returns the status and the page.
func (b *browser) upload(path, name string, data []byte) (int, string) {
	b.t.Helper()
	token := b.csrf("/quan-tri/thu-tuc")
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("csrf", token)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	resp, err := b.client.Post(b.base+path, mw.FormDataContentType(), &body)
	if err != nil {
		b.t.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	page, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(page)
}

func testCatalogAdmin(t *testing.T, ts *testServer) {
	anon := ts.browser(t)
	if st, _ := anon.get("/quan-tri/thu-tuc"); st != http.StatusSeeOther {
		t.Errorf("anonymous: got %d, want 303 to the login page", st)
	}
	desk := ts.browser(t)
	ts.signIn(t, desk, "tanhoa.motcua")
	if st, _ := desk.get("/quan-tri/thu-tuc"); st != http.StatusForbidden {
		t.Errorf("one-stop officer: got %d, want 403", st)
	}
	admin := ts.browser(t)
	ts.signIn(t, admin, "admin")
	st, body := admin.get("/quan-tri/thu-tuc")
	if st != http.StatusOK || !strings.Contains(body, "Đăng ký khai sinh") {
		t.Fatalf("admin list: got %d", st)
	}
	_, before := admin.get("/quan-tri/thu-tuc/xuat.json")
	c, probs, err := catalog.Decode(strings.NewReader(before))
	if err != nil {
		t.Fatalf("export: %v %v", err, probs)
	}
	c.Procedures[0].Name = "Tên mới không được lưu"
	c.Procedures[4].Process.Steps[0].Days += 1
	var bad bytes.Buffer
	catalog.Encode(&bad, c)
	st, body = admin.upload("/quan-tri/thu-tuc/import", "danh-muc.json", bad.Bytes())
	if st != http.StatusBadRequest || !strings.Contains(body, "Dòng 5, cột process.steps") || !strings.Contains(body, "chưa có thay đổi nào được lưu") {
		t.Errorf("bad import: got %d, want 400 naming row 5; page %.500s", st, body)
	}
	if _, after := admin.get("/quan-tri/thu-tuc/xuat.json"); after != before {
		t.Error("a refused import changed the catalogue")
	}
	if st, xlsx := admin.get("/quan-tri/thu-tuc/xuat.xlsx"); st != http.StatusOK || !strings.HasPrefix(xlsx, "PK") {
		t.Errorf("Excel export: got %d, want a workbook", st)
	}
	// Publish a new process version and compare it with the first.
	p, _ := ts.Store.Procedure(context.Background(), "1.001193")
	form := url.Values{"csrf": {admin.csrf("/quan-tri/thu-tuc/1.001193/quy-trinh")}}
	for i, s := range p.Process.Steps {
		name := s.Name
		if i == 0 {
			name = "Tiếp nhận và kiểm tra hồ sơ"
		}
		form.Add("step_name", name)
		form.Add("step_role", string(s.Role))
		form.Add("step_days", strings.ReplaceAll(strconv.FormatFloat(s.Days, 'f', -1, 64), ".", ","))
	}
	st, loc, body := admin.post("/quan-tri/thu-tuc/1.001193/quy-trinh", form)
	if st != http.StatusSeeOther {
		t.Fatalf("publish: got %d %s; page %.500s", st, loc, body)
	}
	st, body = admin.get("/quan-tri/thu-tuc/1.001193/so-sanh?a=1&b=2")
	if st != http.StatusOK || !strings.Contains(body, "Tiếp nhận và kiểm tra hồ sơ") {
		t.Errorf("compare: got %d, want the changed step", st)
	}
	form.Set("step_days", "99")
	if st, _, body = admin.post("/quan-tri/thu-tuc/1.001193/quy-trinh", form); st != http.StatusBadRequest || !strings.Contains(body, "phải bằng thời hạn") {
		t.Errorf("publish bad budgets: got %d, want 400 with the sum message", st)
	}
	// Edit a procedure through the form: a bad value is shown next to the field.
	edit := url.Values{"csrf": {admin.csrf("/quan-tri/thu-tuc/1.001193")}, "name": {p.Name}, "field_code": {p.FieldCode},
		"levels": p.Levels, "online": {string(p.Online)}, "deadline_days": {"abc"}, "deadline_mode": {"working"},
		"supplement_rule": {"pause"}, "result": {p.Result}, "legal_basis": {p.LegalBasis}, "agency": {p.Agency}}
	if st, _, body = admin.post("/quan-tri/thu-tuc/1.001193", edit); st != http.StatusBadRequest || !strings.Contains(body, "Phải là một số") {
		t.Errorf("edit with bad deadline: got %d", st)
	}
	// The code's source survives an edit through the form.
	_, page := admin.get("/quan-tri/thu-tuc/1.001193")
	if !strings.Contains(page, `<option value="national" selected>`) {
		t.Errorf("edit form: want the national code kind selected")
	}
	for key, v := range formValues(page) {
		if strings.HasPrefix(key, "doc.") || strings.HasPrefix(key, "fee.") || strings.HasPrefix(key, "field.") {
			edit[key] = v
		}
	}
	edit.Set("deadline_days", strconv.FormatFloat(p.DeadlineDays, 'f', -1, 64))
	edit.Set("deadline_mode", string(p.DeadlineMode))
	edit.Set("supplement_rule", string(p.SupplementRule))
	edit.Set("fee_vnd", strconv.FormatInt(p.FeeVND, 10))
	edit.Set("code_kind", "national")
	edit.Set("code_note", "Đã đối chiếu Cổng DVC quốc gia.")
	if st, _, body = admin.post("/quan-tri/thu-tuc/1.001193", edit); st != http.StatusSeeOther {
		t.Fatalf("edit: got %d, want 303: %.300s", st, body)
	}
	if got, err := ts.Store.Procedure(context.Background(), "1.001193"); err != nil || got.CodeKind != catalog.CodeNational || got.CodeNote != "Đã đối chiếu Cổng DVC quốc gia." {
		t.Errorf("after the edit: got kind %q note %q (%v), want national with the note", got.CodeKind, got.CodeNote, err)
	}
}
