package web_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"motcua/internal/app"
	"motcua/internal/calendar"
	"motcua/internal/demo"
	"motcua/internal/report"
	"motcua/internal/store/storetest"
)

// open311 calls the Open311 endpoint and returns the status and body.
func (ts *testServer) open311(t *testing.T, method, path string, form url.Values) (int, string) {
	t.Helper()
	var resp *http.Response
	var err error
	if method == "POST" {
		resp, err = http.PostForm(ts.URL+path, form)
	} else {
		resp, err = http.Get(ts.URL + path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

type o311Error struct {
	Code        int    `json:"code"`
	Description string `json:"description"`
}

func TestOpen311RoundTrip(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			ts := newServer(t, d)
			a := app.New(app.Config{}, ts.Store, slog.New(slog.NewTextHandler(io.Discard, nil)))
			key, _, err := a.AddOpen311Key(context.Background(), app.Open311CLI, "Ứng dụng thử", app.Origin{})
			if err != nil {
				t.Fatal(err)
			}

			st, body := ts.open311(t, "GET", "/open311/v2/discovery.json", nil)
			if st != 200 || !strings.Contains(body, `"specification":"http://wiki.open311.org/GeoReport_v2"`) {
				t.Fatalf("discovery: %d %s", st, body)
			}
			var services []struct {
				ServiceCode string `json:"service_code"`
				Metadata    bool   `json:"metadata"`
				Type        string `json:"type"`
			}
			st, body = ts.open311(t, "GET", "/open311/v2/services.json?jurisdiction_id="+demo.TanHoa, nil)
			if st != 200 || json.Unmarshal([]byte(body), &services) != nil || len(services) != 3 || services[1].ServiceCode != "dossier" || !services[1].Metadata || services[0].Type != "realtime" {
				t.Fatalf("services: %d %s", st, body)
			}
			var xs struct {
				Services []struct {
					Code string `xml:"service_code"`
				} `xml:"service"`
			}
			st, body = ts.open311(t, "GET", "/open311/v2/services.xml?jurisdiction_id="+demo.TanHoa, nil)
			if st != 200 || !strings.HasPrefix(body, "<?xml") || xml.Unmarshal([]byte(body), &xs) != nil || len(xs.Services) != 3 {
				t.Fatalf("services.xml: %d %s", st, body)
			}
			st, body = ts.open311(t, "GET", "/open311/v2/services/dossier.json", nil)
			if st != 200 || !strings.Contains(body, `"code":"lookup_key"`) {
				t.Fatalf("definition: %d %s", st, body)
			}

			post := url.Values{"api_key": {key}, "jurisdiction_id": {demo.TanHoa}, "service_code": {"regulation"},
				"first_name": {"Thị Mai"}, "last_name": {"Đỗ"}, "email": {"mai.do@example.vn"}, "phone": {"0987654321"},
				"description": {"Đề nghị niêm yết thêm thủ tục đăng ký kết hôn trên bảng tin."}}
			bad := []struct {
				name   string
				mod    func(url.Values)
				status int
			}{
				{"no api_key", func(v url.Values) { v.Del("api_key") }, 400},
				{"wrong api_key", func(v url.Values) { v.Set("api_key", "o311_wrong") }, 403},
				{"unknown service_code", func(v url.Values) { v.Set("service_code", "pothole") }, 404},
				{"unknown jurisdiction", func(v url.Values) { v.Set("jurisdiction_id", "NOPE") }, 404},
				{"no contact", func(v url.Values) { v.Del("email"); v.Del("phone") }, 400},
				{"dossier without attributes", func(v url.Values) { v.Set("service_code", "dossier") }, 400},
			}
			for _, c := range bad {
				v := url.Values{}
				for k, x := range post {
					v[k] = x
				}
				c.mod(v)
				var errs []o311Error
				st, body := ts.open311(t, "POST", "/open311/v2/requests.json", v)
				if st != c.status || json.Unmarshal([]byte(body), &errs) != nil || len(errs) == 0 || errs[0].Code != c.status {
					t.Errorf("%s: got %d %s, want %d and the error array", c.name, st, body, c.status)
				}
			}
			st, body = ts.open311(t, "POST", "/open311/v2/requests.xml", url.Values{"service_code": {"regulation"}})
			if st != 400 || !strings.Contains(body, "<errors>") || !strings.Contains(body, "<code>400</code>") {
				t.Fatalf("xml error: %d %s", st, body)
			}

			var created []struct {
				ID     string `json:"service_request_id"`
				Notice string `json:"service_notice"`
			}
			st, body = ts.open311(t, "POST", "/open311/v2/requests.json", post)
			if st != 201 || json.Unmarshal([]byte(body), &created) != nil || len(created) != 1 || !strings.HasPrefix(created[0].ID, "PA-"+demo.TanHoa) {
				t.Fatalf("post: %d %s", st, body)
			}
			id := created[0].ID

			var got []map[string]any
			st, body = ts.open311(t, "GET", "/open311/v2/requests.json?service_request_id="+url.QueryEscape(id+",PA-NOPE-260101-0001"), nil)
			if st != 200 || json.Unmarshal([]byte(body), &got) != nil || len(got) != 1 || got[0]["service_request_id"] != id || got[0]["status"] != "open" {
				t.Fatalf("get by id: %d %s", st, body)
			}
			w3c := regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$`)
			if s, _ := got[0]["requested_datetime"].(string); !w3c.MatchString(s) {
				t.Fatalf("requested_datetime %q is not W3C", s)
			}
			for _, personal := range []string{"mai.do@example.vn", "0987654321", "Đỗ", "niêm yết"} {
				if strings.Contains(body, personal) {
					t.Fatalf("GET requests leaks %q: %s", personal, body)
				}
			}
			var xr struct {
				Requests []struct {
					ID     string `xml:"service_request_id"`
					Status string `xml:"status"`
				} `xml:"request"`
			}
			st, body = ts.open311(t, "GET", "/open311/v2/requests.xml?service_request_id="+url.QueryEscape(id), nil)
			if st != 200 || xml.Unmarshal([]byte(body), &xr) != nil || len(xr.Requests) != 1 || xr.Requests[0].ID != id {
				t.Fatalf("get xml: %d %s", st, body)
			}
			st, body = ts.open311(t, "GET", "/open311/v2/requests/"+url.PathEscape(id)+".json", nil)
			if st != 200 || !strings.Contains(body, id) {
				t.Fatalf("get one: %d %s", st, body)
			}
			st, body = ts.open311(t, "GET", "/open311/v2/requests.json?jurisdiction_id="+demo.TanHoa+"&status=open&service_code=regulation", nil)
			if st != 200 || !strings.Contains(body, id) {
				t.Fatalf("list: %d %s", st, body)
			}
			for _, q := range []string{"start_date=yesterday", "status=pending", "start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z"} {
				if st, body := ts.open311(t, "GET", "/open311/v2/requests.json?"+q, nil); st != 400 || !strings.Contains(body, `"code":400`) {
					t.Errorf("%s: got %d %s, want 400", q, st, body)
				}
			}
			if st, _ := ts.open311(t, "GET", "/open311/v2/requests/PA-NOPE-260101-0001.json", nil); st != 404 {
				t.Errorf("unknown request: %d", st)
			}

			// The officers of Tân Hòa see it in their inbox.
			b := ts.browser(t)
			b.login("tanhoa.motcua")
			if st, page := b.get("/phan-anh-kien-nghi"); st != 200 || !strings.Contains(page, id) || !strings.Contains(page, "Ứng dụng kết nối (Open311)") {
				t.Fatalf("inbox: %d, has id %v", st, strings.Contains(page, id))
			}
		})
	}
}

var feedbackCodeRe = regexp.MustCompile(`id="feedback-code">([^<]+)<`)
var feedbackKeyRe = regexp.MustCompile(`id="feedback-key">([^<]+)<`)

// TestFeedbackPages walks a PAKN through the pages: a citizen sends it from the site,
// the desk classifies and assigns, the specialist drafts, the leader approves, the desk
// answers and publishes, the citizen likes the answer, and the public page shows it
// without the sender.
func TestFeedbackPages(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			ts := newServer(t, d)
			citizen := ts.browser(t)
			token := citizen.csrf("/phan-anh")
			form := url.Values{"csrf": {token}, "unit_code": {demo.TanHoa}, "kind": {"regulation"},
				"content": {"Đề nghị bố trí thêm ghế chờ tại Bộ phận Một cửa."}, "name": {"Vũ Văn Khánh"}, "phone": {"0911222333"}}
			if st, _, body := citizen.post("/phan-anh", url.Values{"csrf": {token}, "unit_code": {demo.TanHoa}, "kind": {"regulation"}, "name": {"X"}}); st != 400 || !strings.Contains(body, "Nhập nội dung") {
				t.Fatalf("empty feedback: %d", st)
			}
			st, _, body := citizen.post("/phan-anh", form)
			code, key := feedbackCodeRe.FindStringSubmatch(body), feedbackKeyRe.FindStringSubmatch(body)
			if st != 201 || code == nil || key == nil {
				t.Fatalf("send: %d %.300s", st, body)
			}
			c, k := code[1], key[1]
			officer := func(user string, fields ...string) {
				t.Helper()
				b := ts.browser(t)
				b.login(user)
				_, page := b.get("/phan-anh-kien-nghi/" + c)
				m := regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(page)
				if m == nil {
					t.Fatalf("%s sees no action on %s: %.2000s", user, c, page)
				}
				v := url.Values{"csrf": {csrfRe.FindStringSubmatch(page)[1]}, "version": {m[1]}}
				for i := 0; i < len(fields); i += 2 {
					v.Set(fields[i], fields[i+1])
				}
				if st, _, body := b.post("/phan-anh-kien-nghi/"+c, v); st != http.StatusSeeOther {
					t.Fatalf("%s %v: %d %.400s", user, fields, st, body)
				}
			}
			officer("tanhoa.motcua", "action", "classify", "class", "regulation")
			officer("tanhoa.motcua", "action", "assign", "assignee", "tanhoa.chuyenvien")
			officer("tanhoa.chuyenvien", "action", "draft", "answer", "Đơn vị đã bố trí thêm 10 ghế chờ từ ngày 1/12.")
			officer("tanhoa.lanhdao", "action", "approve")
			officer("tanhoa.motcua", "action", "answer")
			officer("tanhoa.motcua", "action", "publish")

			follow := "/phan-anh/" + c + "?key=" + k
			st, page := citizen.get(follow)
			if st != 200 || !strings.Contains(page, "10 ghế chờ") {
				t.Fatalf("follow page: %d", st)
			}
			if st, _, _ := citizen.post("/phan-anh/"+c, url.Values{"csrf": {csrfRe.FindStringSubmatch(page)[1]}, "key": {k}, "action": {"react"}, "reaction": {"liked"}}); st != http.StatusSeeOther {
				t.Fatalf("like: %d", st)
			}
			if _, page := citizen.get(follow); !strings.Contains(page, "Hài lòng với câu trả lời") {
				t.Fatal("the reaction is not shown")
			}
			if st, _ := citizen.get("/phan-anh/" + c + "?key=ABCDEFGH"); st != 404 {
				t.Fatalf("wrong key: %d", st)
			}
			st, pub := citizen.get("/phan-anh/cong-khai")
			if st != 200 || !strings.Contains(pub, "10 ghế chờ") || strings.Contains(pub, "Vũ Văn Khánh") || strings.Contains(pub, "0911222333") {
				t.Fatalf("published page: %d", st)
			}
		})
	}
}

// TestOpen311KeyPage issues a key on the administrator's page, uses it, and revokes it.
func TestOpen311KeyPage(t *testing.T) {
	t.Parallel()
	ts := newServer(t, storetest.Dialects()[0])
	b := ts.browser(t)
	b.login("admin")
	st, _, page := b.post("/quan-tri/open311", url.Values{"csrf": {b.csrf("/quan-tri/open311")}, "name": {"Cổng tỉnh"}})
	m := regexp.MustCompile(`id="new-key">([^<]+)<`).FindStringSubmatch(page)
	if st != 201 || m == nil {
		t.Fatalf("issue: %d", st)
	}
	post := url.Values{"api_key": {m[1]}, "jurisdiction_id": {demo.TanHoa}, "service_code": {"conduct"},
		"first_name": {"An"}, "phone": {"0900000001"}, "description": {"Cán bộ đến muộn."}}
	if st, body := ts.open311(t, "POST", "/open311/v2/requests.json", post); st != 201 {
		t.Fatalf("post with the new key: %d %s", st, body)
	}
	_, list := b.get("/quan-tri/open311")
	id := regexp.MustCompile(`/quan-tri/open311/(\d+)/thu-hoi`).FindStringSubmatch(list)
	if id == nil || strings.Contains(list, m[1]) {
		t.Fatal("the list shows no revoke button, or shows the key")
	}
	if st, _, _ := b.post("/quan-tri/open311/"+id[1]+"/thu-hoi", url.Values{"csrf": {csrfRe.FindStringSubmatch(list)[1]}}); st != http.StatusSeeOther {
		t.Fatalf("revoke: %d", st)
	}
	if st, _ := ts.open311(t, "POST", "/open311/v2/requests.json", post); st != 403 {
		t.Fatalf("post with a revoked key: %d", st)
	}
	if st, _ := ts.browser(t).get("/quan-tri/open311"); st == 200 {
		t.Fatal("the key page is open to anyone")
	}
}

// TestFeedbackAPI sends a PAKN through the JSON API, refuses bad ones with the
// contract's errors, and lets an officer act on it.
func TestFeedbackAPI(t *testing.T) {
	t.Parallel()
	ts := newServer(t, storetest.Dialects()[0])
	var e apiError
	if st := ts.api(t, "POST", "/api/v1/feedback", "", `{"unit_code":"`+demo.TanHoa+`","kind":"regulation","content":"","sender":{"name":"A"}}`, &e); st != 400 || e.Error.Code != "invalid" || e.Error.Fields["content"] == "" || e.Error.Fields["contact"] == "" {
		t.Fatalf("empty: %d %+v", st, e)
	}
	long := strings.Repeat("x", 5001)
	if st := ts.api(t, "POST", "/api/v1/feedback", "", `{"unit_code":"`+demo.TanHoa+`","kind":"regulation","content":"`+long+`","sender":{"name":"A","phone":"0912345678"}}`, &e); st != 413 || e.Error.Code != "too_large" {
		t.Fatalf("oversized: %d %+v", st, e)
	}
	if st := ts.api(t, "POST", "/api/v1/feedback", "", `{"unit_code":"`+demo.TanHoa+`","kind":"dossier","dossier_code":"`+demo.TanHoa+`-250101-0001","dossier_key":"AAAAAAAA","content":"Trễ hẹn","sender":{"name":"A","phone":"0912345678"}}`, &e); st != 400 || e.Error.Fields["dossier_key"] == "" {
		t.Fatalf("wrong dossier key: %d %+v", st, e)
	}
	var c struct {
		Code      string `json:"code"`
		LookupKey string `json:"lookup_key"`
		DueAt     string `json:"due_at"`
	}
	if st := ts.api(t, "POST", "/api/v1/feedback", "", `{"unit_code":"`+demo.TanHoa+`","kind":"conduct","content":"Cán bộ trả lời cộc lốc.","sender":{"name":"Hà Văn C","email":"c@example.vn"}}`, &c); st != 201 || c.Code == "" || c.DueAt == "" {
		t.Fatalf("create: %d %+v", st, c)
	}
	var pub map[string]any
	if st := ts.api(t, "GET", "/api/v1/feedback/"+c.Code+"?key="+c.LookupKey, "", "", &pub); st != 200 || pub["sender"] != nil || pub["status"] != "received" {
		t.Fatalf("sender view: %d %+v", st, pub)
	}
	tok := ts.token(t, "tanhoa.motcua")
	var got map[string]any
	if st := ts.api(t, "POST", "/api/v1/feedback/"+c.Code+"/actions", tok, `{"action":"classify","class":"conduct","version":1}`, &got); st != 200 || got["class"] != "conduct" {
		t.Fatalf("classify: %d %+v", st, got)
	}
	if st := ts.api(t, "POST", "/api/v1/feedback/"+c.Code+"/actions", tok, `{"action":"classify","class":"regulation","version":1}`, &e); st != 409 {
		t.Fatalf("stale version: %d %+v", st, e)
	}
	if st := ts.api(t, "POST", "/api/v1/feedback/"+c.Code+"/actions", tok, `{"action":"approve"}`, &e); st != 409 {
		t.Fatalf("approve before a draft: %d %+v", st, e)
	}
	var list struct{ Items []map[string]any }
	if st := ts.api(t, "GET", "/api/v1/feedback", tok, "", &list); st != 200 || len(list.Items) == 0 {
		t.Fatalf("list: %d", st)
	}
	if st := ts.api(t, "GET", "/api/v1/feedback", "", "", &e); st != 401 {
		t.Fatalf("list without a token: %d", st)
	}

	// About a dossier, with its lookup key: the PAKN goes to the dossier's unit, and the
	// dossier counts among those with feedback (QĐ 766 indicator 5.4).
	var d struct {
		Code      string `json:"code"`
		LookupKey string `json:"lookup_key"`
	}
	if st := ts.api(t, "POST", "/api/v1/dossiers", tok, `{"procedure_code":"1.001193","channel":"counter","applicant":{"full_name":"Lê Thị Hồng"}}`, &d); st != 201 {
		t.Fatalf("dossier: %d", st)
	}
	body := `{"unit_code":"H40.12.07","kind":"dossier","dossier_code":"` + d.Code + `","dossier_key":"%s","content":"Chưa nhận được kết quả.","sender":{"name":"Lê Thị Hồng","phone":"0912345678"}}`
	if st := ts.api(t, "POST", "/api/v1/feedback", "", fmt.Sprintf(body, "ZZZZZZZZ"), &e); st != 400 || e.Error.Fields["dossier_key"] == "" {
		t.Fatalf("wrong key: %d %+v", st, e)
	}
	var fd struct{ Code string }
	if st := ts.api(t, "POST", "/api/v1/feedback", "", fmt.Sprintf(body, strings.ToLower(d.LookupKey)), &fd); st != 201 || !strings.HasPrefix(fd.Code, "PA-"+demo.TanHoa) {
		t.Fatalf("about the dossier: %d %+v", st, fd)
	}
	today := calendar.DateOf(ts.Store.Now())
	p, _ := report.NewPeriod(today.AddDays(-1), today)
	if n, err := ts.Store.DossiersWithFeedback(context.Background(), demo.TanHoa, p); err != nil || n != 1 {
		t.Fatalf("dossiers with feedback: %d, %v", n, err)
	}
}
