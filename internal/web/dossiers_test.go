package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/demo"
	"motcua/internal/pdf/pdftext"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
	"motcua/internal/web"
)

const (
	// testProcedure is Đăng ký khai sinh kết hợp nhận cha, mẹ, con: 3 working days, a
	// four-step process motcua → chuyenvien → lanhdao → motcua.
	testProcedure = "1.000689"
	tanHoaHotline = "0208 3866 115"
)

// dossierEnv is one server over one demo database.
type dossierEnv struct {
	srv    *httptest.Server
	tokens map[string]string
}

// newDossierEnv starts motcua on a fresh demo database (without the dossier history) of
// the dialect, with the clock
// fixed on a Wednesday morning.
func newDossierEnv(t *testing.T, d store.Dialect) *dossierEnv {
	t.Helper()
	now := time.Date(2026, 3, 4, 9, 0, 0, 0, calendar.Zone())
	return newDossierEnvAt(t, d, func() time.Time { return now })
}

// newDossierEnvAt is newDossierEnv with the given clock.
func newDossierEnvAt(t *testing.T, d store.Dialect, clock func() time.Time) *dossierEnv {
	t.Helper()
	return newDossierEnvLog(t, d, clock, io.Discard)
}

// newDossierEnvLog is newDossierEnvAt writing the server's log to logw.
func newDossierEnvLog(t *testing.T, d store.Dialect, clock func() time.Time, logw io.Writer) *dossierEnv {
	t.Helper()
	st := demoStore(t, d, clock, true)
	h, err := web.New(web.Config{Version: "test", BaseURL: "https://motcua.example.vn", DataDir: t.TempDir()}, st,
		slog.New(slog.NewJSONHandler(logw, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &dossierEnv{srv: srv, tokens: map[string]string{}}
}

// token logs the user in through the API once.
func (e *dossierEnv) token(t *testing.T, user string) string {
	t.Helper()
	if tok, ok := e.tokens[user]; ok {
		return tok
	}
	var out struct{ Token string }
	code, body := e.call(t, "", "POST", "/api/v1/auth/token", map[string]string{"username": user, "password": demoPassword})
	if code != http.StatusOK {
		t.Fatalf("login %s: got %d %s", user, code, body)
	}
	json.Unmarshal(body, &out)
	e.tokens[user] = out.Token
	return out.Token
}

// call sends a request as user ("" for none); body is JSON-encoded unless it is a string.
func (e *dossierEnv) call(t *testing.T, user, method, path string, body any) (int, []byte) {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		data, _ := json.Marshal(b)
		rd = bytes.NewReader(data)
	}
	return e.send(t, user, method, path, "application/json", rd)
}

// send sends a request with the content type as user ("" for none) and returns the
// status and body.
func (e *dossierEnv) send(t *testing.T, user, method, path, contentType string, body io.Reader) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest(method, e.srv.URL+path, body)
	req.Header.Set("Content-Type", contentType)
	if user != "" {
		req.Header.Set("Authorization", "Bearer "+e.token(t, user))
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	return res.StatusCode, out
}

func decode[T any](t *testing.T, body []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("decode %s: %v", body, err)
	}
	return v
}

// created is the answer to POST /api/v1/dossiers.
type created struct {
	Code       string  `json:"code"`
	Status     string  `json:"status"`
	ReceivedAt *string `json:"received_at"`
	DueAt      *string `json:"due_at"`
	LookupKey  string  `json:"lookup_key"`
}

func applicant() map[string]string {
	return map[string]string{"full_name": "Phạm Thị Hồng Nhung", "id_number": "079198765432",
		"phone": "0987654321", "email": "nhung@example.vn", "address": "Tổ 5, thị trấn Tân Hòa"}
}

// receive creates a counter dossier at Tân Hòa as its one-stop officer.
func (e *dossierEnv) receive(t *testing.T) created {
	t.Helper()
	code, body := e.call(t, "tanhoa.motcua", "POST", "/api/v1/dossiers", map[string]any{
		"procedure_code": testProcedure, "channel": "counter", "applicant": applicant(),
		"form":      map[string]string{"ho_ten_tre": "Phạm Minh Khang"},
		"documents": []map[string]any{{"name": "Tờ khai đăng ký khai sinh", "originals": 1}},
	})
	if code != http.StatusCreated {
		t.Fatalf("create: got %d %s, want 201", code, body)
	}
	return decode[created](t, body)
}

// dossierView is the part of the officer's view the tests read.
type dossierView struct {
	Code       string            `json:"code"`
	Status     string            `json:"status"`
	Step       int               `json:"step"`
	StepRole   string            `json:"step_role"`
	Timeliness string            `json:"timeliness"`
	DueAt      *string           `json:"due_at"`
	Applicant  map[string]string `json:"applicant"`
	Events     []json.RawMessage `json:"events"`
	Available  []string          `json:"available_actions"`
}

func (e *dossierEnv) act(t *testing.T, user, code string, body map[string]any) (int, []byte) {
	t.Helper()
	return e.call(t, user, "POST", "/api/v1/dossiers/"+code+"/actions", body)
}

func TestDossiers(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			e := newDossierEnv(t, d)
			t.Run("counter flow", func(t *testing.T) { testCounterFlow(t, e) })
			t.Run("online dossier", func(t *testing.T) { testOnline(t, e) })
			t.Run("refused requests", func(t *testing.T) { testCreateErrors(t, e) })
			t.Run("lookup", func(t *testing.T) { testLookup(t, e) })
			t.Run("forms", func(t *testing.T) { testForms(t, e) })
			t.Run("pages", func(t *testing.T) { testPages(t, e) })
			t.Run("lookup rate limit", func(t *testing.T) { testLookupLimit(t, e) })
		})
	}
}

func testCounterFlow(t *testing.T, e *dossierEnv) {
	c := e.receive(t)
	if c.Status != "received" || c.ReceivedAt == nil || c.DueAt == nil || len(c.LookupKey) != 8 {
		t.Fatalf("got %+v, want received with a due date and a lookup key", c)
	}
	if want := demo.TanHoa + "-260304-"; !strings.HasPrefix(c.Code, want) {
		t.Errorf("got code %s, want prefix %s", c.Code, want)
	}
	steps := []struct {
		user, action string
		status       int
		wantStatus   string
	}{
		{"tanhoa.chuyenvien", "forward", http.StatusForbidden, ""},
		{"tanhoa.motcua", "return_result", http.StatusConflict, ""},
		{"tanhoa.motcua", "forward", http.StatusOK, "processing"},
		{"tanhoa.motcua", "forward", http.StatusForbidden, ""},
		{"tanhoa.chuyenvien", "forward", http.StatusOK, "processing"},
		{"tanhoa.lanhdao", "forward", http.StatusOK, "processing"},
		{"tanhoa.motcua", "forward", http.StatusOK, "result_ready"},
		{"tanhoa.motcua", "return_result", http.StatusOK, "returned"},
		{"tanhoa.motcua", "withdraw", http.StatusConflict, ""},
	}
	for i, s := range steps {
		t.Run(fmt.Sprintf("%d %s %s", i, s.user, s.action), func(t *testing.T) {
			code, body := e.act(t, s.user, c.Code, map[string]any{"action": s.action, "note": "Ghi chú " + s.user})
			if code != s.status {
				t.Fatalf("got %d %s, want %d", code, body, s.status)
			}
			if s.wantStatus == "" {
				ae := decode[apiError](t, body)
				want := map[int]string{http.StatusForbidden: "forbidden", http.StatusConflict: "conflict"}[s.status]
				if ae.Error.Code != want || ae.Error.Message == "" {
					t.Errorf("got error %+v, want code %s with a message", ae.Error, want)
				}
				return
			}
			v := decode[dossierView](t, body)
			if v.Status != s.wantStatus {
				t.Errorf("got status %s, want %s", v.Status, s.wantStatus)
			}
		})
	}
	code, body := e.call(t, "tanhoa.lanhdao", "GET", "/api/v1/dossiers/"+c.Code, nil)
	if code != http.StatusOK {
		t.Fatalf("get: got %d %s", code, body)
	}
	v := decode[dossierView](t, body)
	if v.Status != "returned" || len(v.Events) != 6 || v.Timeliness != "early" || v.Applicant["full_name"] != "Phạm Thị Hồng Nhung" {
		t.Errorf("got %s, %d events, %s, applicant %v; want returned, 6 events, early, the applicant", v.Status, len(v.Events), v.Timeliness, v.Applicant)
	}
	access := []struct {
		user string
		want int
	}{
		{"tanhoa.chuyenvien", http.StatusOK},
		{"tinh.giamsat", http.StatusOK},
		{"admin", http.StatusOK},
		{"phuocan.motcua", http.StatusForbidden},
		{"", http.StatusUnauthorized},
	}
	for _, a := range access {
		t.Run("read as "+a.user, func(t *testing.T) {
			if code, body := e.call(t, a.user, "GET", "/api/v1/dossiers/"+c.Code, nil); code != a.want {
				t.Errorf("got %d %s, want %d", code, body, a.want)
			}
		})
	}
	if code, _ := e.call(t, "phuocan.lanhdao", "POST", "/api/v1/dossiers/"+c.Code+"/actions", map[string]any{"action": "refuse", "reason": "x"}); code != http.StatusForbidden {
		t.Errorf("officer of another unit acting: got %d, want 403", code)
	}
	t.Run("public timeline labels", func(t *testing.T) {
		_, body := e.call(t, "", "GET", "/api/v1/lookup/"+c.Code+"?key="+c.LookupKey, nil)
		var p struct {
			Timeline []struct{ Action, Label string }
		}
		if err := json.Unmarshal(body, &p); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, it := range p.Timeline {
			got = append(got, it.Label)
		}
		if len(got) != 6 || !strings.HasPrefix(got[1], "Chuyển đến bước: ") || got[4] != "Đã có kết quả giải quyết" || got[5] != "Đã trả kết quả" {
			t.Errorf("got labels %q, want receipt, steps by name, result, return", got)
		}
		page := e.page(t, nil, "/tra-cuu/"+c.Code+"?key="+c.LookupKey)
		for _, bad := range []string{"Chuyển bước tiếp theo", "Ghi chú", "tanhoa."} {
			if strings.Contains(string(body), bad) || strings.Contains(page, bad) {
				t.Errorf("public lookup contains %q, want citizen labels only", bad)
			}
		}
		if !strings.Contains(page, "Đã có kết quả giải quyết") {
			t.Error("lookup page lacks the result label")
		}
	})
}

func testOnline(t *testing.T, e *dossierEnv) {
	code, body := e.call(t, "admin", "POST", "/api/v1/dossiers", map[string]any{
		"procedure_code": testProcedure, "unit_code": demo.TanHoa, "channel": "online", "applicant": applicant()})
	if code != http.StatusCreated {
		t.Fatalf("got %d %s, want 201", code, body)
	}
	c := decode[created](t, body)
	if c.Status != "submitted" || c.ReceivedAt != nil || c.DueAt != nil {
		t.Errorf("got %+v, want submitted without receipt or due date", c)
	}
	code, body = e.act(t, "tanhoa.motcua", c.Code, map[string]any{"action": "accept"})
	if code != http.StatusOK {
		t.Fatalf("accept: got %d %s", code, body)
	}
	if v := decode[dossierView](t, body); v.Status != "received" || v.DueAt == nil {
		t.Errorf("got %s due %v, want received with a due date", v.Status, v.DueAt)
	}
}

func testCreateErrors(t *testing.T, e *dossierEnv) {
	valid := func(edit func(m map[string]any)) map[string]any {
		m := map[string]any{"procedure_code": testProcedure, "channel": "counter", "applicant": applicant()}
		edit(m)
		return m
	}
	cases := []struct {
		name   string
		user   string
		body   any
		status int
		code   string
		field  string
	}{
		{"unknown procedure", "tanhoa.motcua", valid(func(m map[string]any) { m["procedure_code"] = "9.999999" }), 404, "not_found", ""},
		{"procedure not offered by the unit", "admin", valid(func(m map[string]any) { m["unit_code"] = demo.Province }), 400, "invalid", "procedure_code"},
		{"empty applicant name", "tanhoa.motcua", valid(func(m map[string]any) { m["applicant"] = map[string]string{"full_name": " "} }), 400, "invalid", "applicant.full_name"},
		{"unknown channel", "tanhoa.motcua", valid(func(m map[string]any) { m["channel"] = "fax" }), 400, "invalid", "channel"},
		{"malformed JSON", "tanhoa.motcua", `{"procedure_code": `, 400, "invalid", ""},
		{"wrong type", "tanhoa.motcua", `{"procedure_code": 5}`, 400, "invalid", "procedure_code"},
		{"body too large", "tanhoa.motcua", `{"form":{"x":"` + strings.Repeat("a", 2<<20) + `"}}`, 413, "too_large", ""},
		{"other unit by a desk officer", "tanhoa.motcua", valid(func(m map[string]any) { m["unit_code"] = "H40.12.07" }), 403, "forbidden", ""},
		{"specialist", "tanhoa.chuyenvien", valid(func(map[string]any) {}), 403, "forbidden", ""},
		{"no token", "", valid(func(map[string]any) {}), 401, "unauthorized", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, body := e.call(t, c.user, "POST", "/api/v1/dossiers", c.body)
			if status != c.status {
				t.Fatalf("got %d %s, want %d", status, body, c.status)
			}
			ae := decode[apiError](t, body)
			if ae.Error.Code != c.code {
				t.Errorf("got code %s, want %s", ae.Error.Code, c.code)
			}
			if c.field != "" && ae.Error.Fields[c.field] == "" {
				t.Errorf("got fields %v, want a message for %s", ae.Error.Fields, c.field)
			}
		})
	}
	others := []struct {
		name, path string
		body       any
		status     int
	}{
		{"unknown dossier", "/api/v1/dossiers/" + demo.TanHoa + "-260304-9999", nil, 404},
		{"unknown action", "/api/v1/dossiers/" + demo.TanHoa + "-260304-0001/actions", map[string]string{"action": "fly"}, 400},
		{"unknown form", "/api/v1/dossiers/" + demo.TanHoa + "-260304-0001/forms/passport.pdf", nil, 404},
	}
	for _, o := range others {
		t.Run(o.name, func(t *testing.T) {
			method := "GET"
			if o.body != nil {
				method = "POST"
			}
			if status, body := e.call(t, "tanhoa.motcua", method, o.path, o.body); status != o.status {
				t.Errorf("got %d %s, want %d", status, body, o.status)
			}
		})
	}
}

// personal is what the public must never see of the test applicant.
func personal() []string {
	a := applicant()
	return []string{a["full_name"], a["id_number"], a["phone"], a["email"], "Tổ 5", "tanhoa.motcua", "Ghi chú"}
}

func testLookup(t *testing.T, e *dossierEnv) {
	c := e.receive(t)
	e.act(t, "tanhoa.motcua", c.Code, map[string]any{"action": "forward", "note": "Ghi chú nội bộ"})
	code, body := e.call(t, "", "GET", "/api/v1/lookup/"+c.Code+"?key="+c.LookupKey, nil)
	if code != http.StatusOK {
		t.Fatalf("got %d %s", code, body)
	}
	type lookup struct {
		Code, Procedure, Status, Timeliness string
		DueAt                               *string `json:"due_at"`
		Timeline                            []struct{ At, Action, Label string }
	}
	p := decode[lookup](t, body)
	if p.Code != c.Code || p.Status != "processing" || p.DueAt == nil || len(p.Timeline) != 2 || p.Timeline[1].Label == "" {
		t.Errorf("got %+v, want the processing dossier with 2 labelled events", p)
	}
	page := e.page(t, nil, "/tra-cuu/"+c.Code+"?key="+strings.ToLower(c.LookupKey))
	if !strings.Contains(page, c.Code) || !strings.Contains(page, "Đang xử lý") {
		t.Errorf("lookup page lacks the code or the status")
	}
	for _, secret := range personal() {
		if strings.Contains(string(body), secret) {
			t.Errorf("lookup JSON contains %q", secret)
		}
		if strings.Contains(page, secret) {
			t.Errorf("lookup page contains %q", secret)
		}
	}
	_, wrong := e.call(t, "", "GET", "/api/v1/lookup/"+c.Code+"?key=ZZZZZZZZ", nil)
	status, unknown := e.call(t, "", "GET", "/api/v1/lookup/"+demo.TanHoa+"-260304-9999?key="+c.LookupKey, nil)
	if status != http.StatusNotFound || decode[apiError](t, wrong).Error.Message != decode[apiError](t, unknown).Error.Message {
		t.Errorf("got %d: wrong key %s, unknown code %s; want the same not_found", status, wrong, unknown)
	}
}

func testLookupLimit(t *testing.T, e *dossierEnv) {
	limited := 0
	for range 65 {
		status, body := e.call(t, "", "GET", "/api/v1/lookup/X-260304-0001?key=ABCDEFGH", nil)
		if status == http.StatusTooManyRequests {
			if decode[apiError](t, body).Error.Code != "rate_limited" {
				t.Errorf("got %s, want rate_limited", body)
			}
			limited++
		}
	}
	if limited == 0 {
		t.Error("got no 429 after 65 lookups, want rate_limited past 60 a minute")
	}
}

// pdfText reads a PDF back (see internal/pdf/pdftext).
func pdfText(tb testing.TB, data []byte) string {
	tb.Helper()
	text, err := pdftext.Text(data)
	if err != nil {
		tb.Fatalf("read pdf: %v", err)
	}
	return text
}

func testForms(t *testing.T, e *dossierEnv) {
	c := e.receive(t)
	var due string
	flow := []struct {
		user string
		body map[string]any
	}{
		{"tanhoa.motcua", map[string]any{"action": "forward"}},
		{"tanhoa.chuyenvien", map[string]any{"action": "request_supplement", "note": "Bản sao giấy chứng nhận kết hôn", "reason": "Thiếu giấy tờ"}},
		{"tanhoa.motcua", map[string]any{"action": "supplement_received"}},
		{"tanhoa.lanhdao", map[string]any{"action": "extend", "reason": "Cần xác minh thêm", "new_due": "2026-03-20"}},
		{"tanhoa.lanhdao", map[string]any{"action": "refuse", "reason": "Giấy tờ không hợp lệ"}},
	}
	for _, f := range flow {
		code, body := e.act(t, f.user, c.Code, f.body)
		if code != http.StatusOK {
			t.Fatalf("%s %v: got %d %s", f.user, f.body["action"], code, body)
		}
		due = string(body)
	}
	if !strings.Contains(due, `"status":"refused"`) {
		t.Fatalf("got %s, want refused", due)
	}
	cases := []struct {
		form  string
		title string
		more  []string
	}{
		{"receipt", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", []string{tanHoaHotline, "Phạm Thị Hồng Nhung"}},
		{"supplement", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", []string{"Bản sao giấy chứng nhận kết hôn"}},
		{"refusal", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", []string{"Giấy tờ không hợp lệ"}},
		{"apology", "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", []string{"Cần xác minh thêm"}},
		{"stop", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", nil},
		{"control", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", nil},
	}
	for _, fc := range cases {
		t.Run(fc.form, func(t *testing.T) {
			req, _ := http.NewRequest("GET", e.srv.URL+"/api/v1/dossiers/"+c.Code+"/forms/"+fc.form+".pdf", nil)
			req.Header.Set("Authorization", "Bearer "+e.token(t, "tanhoa.motcua"))
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			data, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/pdf" {
				t.Fatalf("got %d %s %s, want 200 application/pdf", res.StatusCode, res.Header.Get("Content-Type"), data)
			}
			text := pdfText(t, data)
			for _, want := range append([]string{fc.title, c.Code}, fc.more...) {
				if !strings.Contains(text, want) {
					t.Errorf("got text %q, want it to contain %q", text, want)
				}
			}
		})
	}
	t.Run("book", func(t *testing.T) {
		req, _ := http.NewRequest("GET", e.srv.URL+"/api/v1/units/"+demo.TanHoa+"/book.pdf?from=2026-03-01&to=2026-03-31", nil)
		req.Header.Set("Authorization", "Bearer "+e.token(t, "tanhoa.motcua"))
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Fatalf("got %d %s", res.StatusCode, data)
		}
		if text := pdfText(t, data); !strings.Contains(text, "SỔ THEO DÕI HỒ SƠ") || !strings.Contains(text, c.Code) {
			t.Errorf("got book text %q, want the title and %s", text, c.Code)
		}
		if status, _ := e.call(t, "phuocan.motcua", "GET", "/api/v1/units/"+demo.TanHoa+"/book.pdf", nil); status != http.StatusForbidden {
			t.Errorf("book of another unit: got %d, want 403", status)
		}
	})
	t.Run("no supplement yet", func(t *testing.T) {
		other := e.receive(t)
		if status, _ := e.call(t, "tanhoa.motcua", "GET", "/api/v1/dossiers/"+other.Code+"/forms/supplement.pdf", nil); status != http.StatusConflict {
			t.Errorf("got %d, want 409", status)
		}
	})
}

// browser is an HTTP client with cookies that does not follow redirects.
func (e *dossierEnv) browser(t *testing.T, user string) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	page := e.page(t, c, "/dang-nhap")
	res, err := c.PostForm(e.srv.URL+"/dang-nhap", url.Values{"csrf": {csrfOf(t, page)}, "username": {user}, "password": {demoPassword}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login %s: got %d, want 303", user, res.StatusCode)
	}
	return c
}

// page GETs a page and returns its HTML, failing on any status but 200.
func (e *dossierEnv) page(t *testing.T, c *http.Client, path string) string {
	t.Helper()
	if c == nil {
		c = http.DefaultClient
	}
	res, err := c.Get(e.srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: got %d", path, res.StatusCode)
	}
	return string(b)
}

func csrfOf(t *testing.T, html string) string {
	t.Helper()
	m := csrfRe.FindStringSubmatch(html)
	if m == nil {
		t.Fatal("no csrf field in the page")
	}
	return m[1]
}

func post(t *testing.T, c *http.Client, u string, form url.Values) (*http.Response, string) {
	t.Helper()
	res, err := c.PostForm(u, form)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func testPages(t *testing.T, e *dossierEnv) {
	desk := e.browser(t, "tanhoa.motcua")
	form := e.page(t, desk, "/tiep-nhan?procedure="+url.QueryEscape(testProcedure+" – Đăng ký khai sinh"))
	if !strings.Contains(form, `name="doc0_ok"`) || !strings.Contains(form, "Tiếp nhận") {
		t.Fatal("reception form lacks the document checkboxes or the buttons")
	}
	csrf := csrfOf(t, form)
	fields := func(edit func(v url.Values)) url.Values {
		v := url.Values{"csrf": {csrf}, "procedure_code": {testProcedure}, "full_name": {"Trần Thị Mai"},
			"id_number": {"079187654321"}, "phone": {"0911222333"}, "address": {"Khu 2, thị trấn Tân Hòa"},
			"doc0_ok": {"1"}, "doc0_originals": {"1"}, "sets": {"1"}, "outcome": {"receive"}}
		edit(v)
		return v
	}
	t.Run("errors kept next to fields", func(t *testing.T) {
		res, body := post(t, desk, e.srv.URL+"/tiep-nhan", fields(func(v url.Values) { v.Set("full_name", ""); v.Set("phone", "12") }))
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "field-error") || !strings.Contains(body, `value="079187654321"`) {
			t.Errorf("got %d, want 400 with field errors and the input kept", res.StatusCode)
		}
	})
	t.Run("without csrf", func(t *testing.T) {
		res, _ := post(t, desk, e.srv.URL+"/tiep-nhan", fields(func(v url.Values) { v.Del("csrf") }))
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("got %d, want 403", res.StatusCode)
		}
	})
	var code string
	t.Run("receive", func(t *testing.T) {
		res, _ := post(t, desk, e.srv.URL+"/tiep-nhan", fields(func(url.Values) {}))
		loc := res.Header.Get("Location")
		if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/ho-so/") {
			t.Fatalf("got %d to %q, want 303 to the dossier", res.StatusCode, loc)
		}
		code = strings.TrimSuffix(strings.TrimPrefix(loc, "/ho-so/"), "?moi=1")
		page := e.page(t, desk, loc)
		if !strings.Contains(page, "In giấy tiếp nhận") || !strings.Contains(page, "/forms/receipt.pdf") || !strings.Contains(page, "Trần Thị Mai") {
			t.Error("dossier page lacks the receipt link or the applicant")
		}
	})
	printed := []struct {
		name, outcome string
		edit          func(v url.Values)
		want          []string
	}{
		{"incomplete", "incomplete", func(v url.Values) { v.Del("doc0_ok") }, []string{"PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Trần Thị Mai"}},
		{"not competent", "refuse", func(v url.Values) { v.Set("competent_body", "UBND tỉnh Hòa Bình Xanh") }, []string{"PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "UBND tỉnh Hòa Bình Xanh"}},
	}
	for _, p := range printed {
		t.Run(p.name, func(t *testing.T) {
			res, body := post(t, desk, e.srv.URL+"/tiep-nhan", fields(func(v url.Values) { v.Set("outcome", p.outcome); p.edit(v) }))
			if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/pdf" {
				t.Fatalf("got %d %s, want a PDF", res.StatusCode, res.Header.Get("Content-Type"))
			}
			text := pdfText(t, []byte(body))
			for _, w := range p.want {
				if !strings.Contains(text, w) {
					t.Errorf("got %q, want it to contain %q", text, w)
				}
			}
		})
	}
	t.Run("refusal needs the competent body", func(t *testing.T) {
		res, body := post(t, desk, e.srv.URL+"/tiep-nhan", fields(func(v url.Values) { v.Set("outcome", "refuse") }))
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "competent_body-err") {
			t.Errorf("got %d, want 400 with an error next to the competent body", res.StatusCode)
		}
	})
	t.Run("inbox and actions", func(t *testing.T) {
		if code == "" {
			t.Fatal("no dossier was received")
		}
		inbox := e.page(t, desk, "/ho-so")
		if !strings.Contains(inbox, code) || !strings.Contains(inbox, "Trần Thị Mai") {
			t.Error("inbox must list the dossier with the applicant's full name")
		}
		page := e.page(t, desk, "/ho-so/"+code)
		res, _ := post(t, desk, e.srv.URL+"/ho-so/"+code+"/thao-tac", url.Values{"csrf": {csrfOf(t, page)}, "action": {"forward"}})
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("forward: got %d, want 303", res.StatusCode)
		}
		specialist := e.browser(t, "tanhoa.chuyenvien")
		if inbox := e.page(t, specialist, "/ho-so"); !strings.Contains(inbox, code) {
			t.Error("the specialist's inbox lacks the forwarded dossier")
		}
		res, body := post(t, desk, e.srv.URL+"/ho-so/"+code+"/thao-tac", url.Values{"csrf": {csrfOf(t, page)}, "action": {"forward"}})
		if res.StatusCode != http.StatusForbidden || !strings.Contains(body, "alert") {
			t.Errorf("forward by the desk at the specialist's step: got %d, want 403 with a message", res.StatusCode)
		}
	})
}
