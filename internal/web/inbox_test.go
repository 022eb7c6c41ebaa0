package web_test

import (
	"bytes"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"motcua/internal/calendar"
	"motcua/internal/sheet"
	"motcua/internal/store/storetest"
)

// inboxRows counts the dossier rows of an inbox page.
var inboxRowRe = regexp.MustCompile(`<tr class="urgency-`)

// lockedBuffer is a log sink the server's goroutines may write concurrently.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// get fetches a page as the client and returns its status and body.
func (e *dossierEnv) get(t *testing.T, c *http.Client, path string) (int, string) {
	t.Helper()
	res, err := c.Get(e.srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// receiveFor creates a counter dossier at Tân Hòa for another applicant.
func (e *dossierEnv) receiveFor(t *testing.T, name, id string) created {
	t.Helper()
	code, body := e.call(t, "tanhoa.motcua", "POST", "/api/v1/dossiers", map[string]any{
		"procedure_code": testProcedure, "channel": "counter",
		"applicant": map[string]string{"full_name": name, "id_number": id, "phone": "0912345678", "address": "Khu 3, thị trấn Tân Hòa"},
		"documents": []map[string]any{{"name": "Tờ khai đăng ký khai sinh", "originals": 1}},
	})
	if code != http.StatusCreated {
		t.Fatalf("create: got %d %s, want 201", code, body)
	}
	return decode[created](t, body)
}

func TestInbox(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			var now atomic.Int64
			now.Store(time.Date(2026, 3, 4, 9, 0, 0, 0, calendar.Zone()).UnixNano())
			logs := &lockedBuffer{}
			e := newDossierEnvLog(t, d, func() time.Time { return time.Unix(0, now.Load()) }, logs)

			t.Run("login lands on the inbox", func(t *testing.T) {
				jar, _ := cookiejar.New(nil)
				c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
				page := e.page(t, c, "/dang-nhap")
				res, _ := post(t, c, e.srv.URL+"/dang-nhap", url.Values{"csrf": {csrfOf(t, page)}, "username": {"tanhoa.motcua"}, "password": {demoPassword}})
				if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || loc != "/ho-so" {
					t.Errorf("got %d to %q, want 303 to /ho-so", res.StatusCode, loc)
				}
				// Signed in already, the login page sends the officer on too.
				r, err := c.Get(e.srv.URL + "/dang-nhap")
				if err != nil {
					t.Fatal(err)
				}
				r.Body.Close()
				if loc := r.Header.Get("Location"); r.StatusCode != http.StatusSeeOther || loc != "/ho-so" {
					t.Errorf("login page when signed in: got %d to %q, want 303 to /ho-so", r.StatusCode, loc)
				}
			})

			c := e.receive(t) // Phạm Thị Hồng Nhung, 079198765432
			other := e.receiveFor(t, "Lê Văn Tám", "079100000001")
			found := func(body, code string) bool { return strings.Contains(body, `href="/ho-so/`+code+`"`) }
			clients := map[string]*http.Client{}
			as := func(user string) *http.Client {
				if clients[user] == nil {
					clients[user] = e.browser(t, user)
				}
				return clients[user]
			}

			t.Run("search within scope", func(t *testing.T) {
				cases := []struct {
					name, user, q string
					want          bool
				}{
					{"code", "tanhoa.motcua", c.Code, true},
					{"part of the code", "tanhoa.motcua", c.Code[len(c.Code)-6:], true},
					{"name without accents", "tanhoa.motcua", "pham thi hong", true},
					{"name with accents", "tanhoa.chuyenvien", "Hồng Nhung", true},
					{"ID number", "tanhoa.lanhdao", "079198765432", true},
					{"part of the ID number", "tanhoa.motcua", "0791987", false},
					{"officer of the province below which it was received", "tinh.giamsat", "Hồng Nhung", true},
					{"administrator", "admin", "079198765432", true},
					{"another commune by code", "phuocan.motcua", c.Code, false},
					{"another commune by name", "phuocan.lanhdao", "Hồng Nhung", false},
					{"another commune by ID number", "phuocan.motcua", "079198765432", false},
				}
				for _, tc := range cases {
					t.Run(tc.name, func(t *testing.T) {
						body := e.page(t, as(tc.user), "/ho-so?q="+url.QueryEscape(tc.q))
						if got := found(body, c.Code); got != tc.want {
							t.Errorf("%s searching %q: found %v, want %v", tc.user, tc.q, got, tc.want)
						}
						if tc.want && strings.Contains(tc.q, "Nhung") && found(body, other.Code) {
							t.Errorf("search %q also found %s", tc.q, other.Code)
						}
					})
				}
			})

			t.Run("full name shown to officers", func(t *testing.T) {
				body := e.page(t, as("tanhoa.motcua"), "/ho-so")
				if !strings.Contains(body, "Phạm Thị Hồng Nhung") || !strings.Contains(body, "Lê Văn Tám") {
					t.Error("inbox lacks the applicants' full names")
				}
			})

			t.Run("filters", func(t *testing.T) {
				cases := []struct {
					query       string
					wantC, want bool // c, other
				}{
					{"xem=tat-ca&status=received", true, true},
					{"xem=tat-ca&status=returned", false, false},
					{"xem=tat-ca&procedure=" + testProcedure, true, true},
					{"xem=tat-ca&procedure=1.000893", false, false},
					{"xem=tat-ca&field=ho-tich", true, true},
					{"xem=tat-ca&field=khong-co", false, false},
					{"xem=tat-ca&from=2026-03-04&to=2026-03-04", true, true},
					{"xem=tat-ca&from=2026-03-05", false, false},
					{"xem=tat-ca&to=2026-03-03", false, false},
					{"overdue=1", false, false},
					{"status=received&q=" + url.QueryEscape("le van tam"), false, true},
				}
				for _, tc := range cases {
					t.Run(tc.query, func(t *testing.T) {
						body := e.page(t, as("tanhoa.motcua"), "/ho-so?"+tc.query)
						if found(body, c.Code) != tc.wantC || found(body, other.Code) != tc.want {
							t.Errorf("got %v %v, want %v %v", found(body, c.Code), found(body, other.Code), tc.wantC, tc.want)
						}
					})
				}
			})

			t.Run("bad input is answered in Vietnamese", func(t *testing.T) {
				cases := []struct{ query, want string }{
					{"from=2026-02-30", "ngày có thật"},
					{"from=2026-03-05&to=2026-03-04", "Ngày kết thúc phải từ ngày bắt đầu trở đi"},
					{"status=bogus", "Trạng thái không hợp lệ"},
					{"trang=0", "Số trang"},
					{"trang=abc", "Số trang"},
					{"xem=bogus", "Chế độ xem không hợp lệ"},
					{"overdue=maybe", "không hợp lệ"},
					{"q=" + strings.Repeat("a", 101), "không được dài quá 100 ký tự"},
				}
				for _, tc := range cases {
					t.Run(tc.query, func(t *testing.T) {
						paths := []string{"/ho-so?", "/ho-so/xuat.xlsx?"}
						if strings.HasPrefix(tc.query, "trang=") {
							paths = paths[:1] // the export ignores the page
						}
						for _, path := range paths {
							st, body := e.get(t, as("tanhoa.motcua"), path+tc.query)
							if st != http.StatusBadRequest || !strings.Contains(body, tc.want) || !strings.Contains(body, "field-error") {
								t.Errorf("%s: got %d, want 400 with %q next to the field", path, st, tc.want)
							}
						}
					})
				}
			})

			t.Run("assign offers the unit's officers", func(t *testing.T) {
				for _, s := range []struct{ user, action string }{{"tanhoa.motcua", "forward"}, {"tanhoa.chuyenvien", "forward"}} {
					if code, body := e.act(t, s.user, c.Code, map[string]any{"action": s.action}); code != http.StatusOK {
						t.Fatalf("%s %s: got %d %s", s.user, s.action, code, body)
					}
				}
				leader := as("tanhoa.lanhdao")
				page := e.page(t, leader, "/ho-so/"+c.Code)
				m := regexp.MustCompile(`(?s)<select id="assignee-assign" name="assignee" required>(.*?)</select>`).FindStringSubmatch(page)
				if m == nil {
					t.Fatal("the leader's dossier page has no select of assignees")
				}
				for _, want := range []string{`value="tanhoa.motcua"`, `value="tanhoa.chuyenvien"`, `value="tanhoa.lanhdao"`, "Trần Văn Hùng"} {
					if !strings.Contains(m[1], want) {
						t.Errorf("assignees lack %s", want)
					}
				}
				for _, bad := range []string{"phuocan.", `value="admin"`, "tinh.giamsat"} {
					if strings.Contains(m[1], bad) {
						t.Errorf("assignees include %s", bad)
					}
				}
				res, _ := post(t, leader, e.srv.URL+"/ho-so/"+c.Code+"/thao-tac", url.Values{"csrf": {csrfOf(t, page)},
					"action": {"assign"}, "assignee": {"tanhoa.lanhdao"}, "version": {versionOf(t, page)}})
				if res.StatusCode != http.StatusSeeOther {
					t.Errorf("assigning a listed officer: got %d, want 303", res.StatusCode)
				}
			})

			t.Run("history names the steps", func(t *testing.T) {
				for _, s := range []struct{ user, action string }{{"tanhoa.lanhdao", "forward"}, {"tanhoa.motcua", "forward"}, {"tanhoa.motcua", "return_result"}} {
					if code, body := e.act(t, s.user, c.Code, map[string]any{"action": s.action}); code != http.StatusOK {
						t.Fatalf("%s %s: got %d %s", s.user, s.action, code, body)
					}
				}
				page := e.page(t, as("tanhoa.motcua"), "/ho-so/"+c.Code)
				i := strings.Index(page, `<ol class="timeline">`)
				if i < 0 {
					t.Fatal("no history on the dossier page")
				}
				history := page[i:]
				history = history[:strings.Index(history, "</ol>")]
				for _, want := range []string{"Tiếp nhận, kiểm tra hồ sơ", "Công chức tư pháp - hộ tịch thẩm định, ghi sổ hộ tịch",
					"Chủ tịch Ủy ban nhân dân cấp xã ký", "Phân công", "Trả kết quả"} {
					if !strings.Contains(history, "<strong>"+want+"</strong>") {
						t.Errorf("history lacks the step %q", want)
					}
				}
				if strings.Contains(history, "Chuyển bước tiếp theo") {
					t.Error("history still reads “Chuyển bước tiếp theo”")
				}
			})

			t.Run("finished view", func(t *testing.T) {
				done := e.page(t, as("tanhoa.motcua"), "/ho-so?xem=da-xong")
				if !found(done, c.Code) || found(done, other.Code) {
					t.Errorf("finished view: got %v %v, want only the returned dossier", found(done, c.Code), found(done, other.Code))
				}
				if work := e.page(t, as("tanhoa.motcua"), "/ho-so"); found(work, c.Code) || !found(work, other.Code) {
					t.Error("work view must list the open dossier, not the returned one")
				}
				if done := e.page(t, as("phuocan.motcua"), "/ho-so?xem=da-xong"); found(done, c.Code) {
					t.Error("another commune's finished view lists the dossier")
				}
			})

			t.Run("overdue", func(t *testing.T) {
				now.Store(time.Date(2026, 4, 1, 9, 0, 0, 0, calendar.Zone()).UnixNano())
				clear(clients) // the sessions have expired: sign in again
				body := e.page(t, as("tanhoa.motcua"), "/ho-so?overdue=1")
				if !found(body, other.Code) || found(body, c.Code) {
					t.Errorf("overdue: got %v %v, want the open dossier past its appointment only", found(body, c.Code), found(body, other.Code))
				}
			})

			t.Run("Excel export", func(t *testing.T) {
				rows := exportRows(t, e, as("tanhoa.motcua"), "xem=tat-ca")
				if len(rows) != 3 || strings.Join(rows[0], "|") != strings.Join(sheet.DossierHeaders, "|") {
					t.Fatalf("got %d rows, header %q; want the header and 2 dossiers", len(rows), rows[0])
				}
				if want := "Mã hồ sơ|Thủ tục|Người nộp|Ngày nhận|Hẹn trả|Trạng thái|Tình trạng hạn"; strings.Join(rows[0], "|") != want {
					t.Errorf("got header %q, want %q", rows[0], want)
				}
				byCode := map[string][]string{}
				for _, r := range rows[1:] {
					byCode[r[0]] = r
				}
				r := byCode[c.Code]
				if len(r) != 7 || r[1] != "Đăng ký khai sinh kết hợp nhận cha, mẹ, con" || r[2] != "Phạm Thị Hồng Nhung" ||
					r[3] != "09:00 04/03/2026" || r[4] == "" || r[5] != "Đã trả kết quả" || r[6] == "" {
					t.Errorf("got row %q, want the returned dossier in full", r)
				}
				if r := byCode[other.Code]; len(r) != 7 || r[5] != "Đã tiếp nhận" || r[6] != "Đang quá hạn" {
					t.Errorf("got row %q, want the open dossier, overdue", r)
				}
				if rows := exportRows(t, e, as("tanhoa.motcua"), "q="+url.QueryEscape("Lê Văn Tám")); len(rows) != 2 || rows[1][0] != other.Code {
					t.Errorf("search export: got %q, want the header and %s", rows, other.Code)
				}
				if rows := exportRows(t, e, as("phuocan.motcua"), "xem=tat-ca"); len(rows) != 1 {
					t.Errorf("another commune's export: got %d rows, want the header only", len(rows))
				}
			})

			t.Run("searches stay out of the log", func(t *testing.T) {
				log := logs.String()
				if !strings.Contains(log, "/ho-so") {
					t.Fatal("the log has no request line: is the access log captured?")
				}
				for _, secret := range []string{"Nhung", "nhung", "079198765432", "hong", "Tám", "tam", "079100000001"} {
					if strings.Contains(log, secret) {
						t.Errorf("log contains %q", secret)
					}
				}
			})
		})
	}
}

// exportRows downloads the inbox's Excel export with the query and reads its rows back.
func exportRows(t *testing.T, e *dossierEnv, c *http.Client, query string) [][]string {
	t.Helper()
	res, err := c.Get(e.srv.URL + "/ho-so/xuat.xlsx?" + query)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || !strings.Contains(res.Header.Get("Content-Type"), "spreadsheetml") {
		t.Fatalf("export: got %d %s, want a workbook", res.StatusCode, res.Header.Get("Content-Type"))
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet.SheetDossiers)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// pagerLink returns the address of the inbox's link to the next or previous page (rel).
func pagerLink(t *testing.T, page, rel string) string {
	t.Helper()
	m := regexp.MustCompile(`<a href="([^"]*)" rel="` + rel + `"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no link rel=%s in the page", rel)
	}
	return html.UnescapeString(m[1])
}

// cursorOf returns the cursor a page link carries in its parameter.
func cursorOf(t *testing.T, link, param string) string {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query().Get(param)
}

// versionOf reads the dossier version a page's action forms send.
func versionOf(t *testing.T, page string) string {
	t.Helper()
	m := regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no version field in the page")
	}
	return m[1]
}

func TestInboxPaging(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			e := newDossierEnv(t, d)
			var codes []string
			for range 51 {
				codes = append(codes, e.receive(t).Code)
			}
			desk := e.browser(t, "tanhoa.motcua")
			first := e.page(t, desk, "/ho-so?xem=tat-ca&status=received")
			if n := len(inboxRowRe.FindAllString(first, -1)); n != 50 {
				t.Errorf("page 1: got %d rows, want 50", n)
			}
			if !strings.Contains(first, "(51)") {
				t.Error("page 1 lacks the total")
			}
			// Page links of the lists in scope carry a cursor (the key of a dossier) and keep
			// the view and the filter.
			next := pagerLink(t, first, "next")
			if !strings.Contains(next, "sau=") || !strings.Contains(next, "xem=tat-ca") || !strings.Contains(next, "status=received") {
				t.Errorf("page 1: got link %q to the next page, want a cursor keeping the view and the filter", next)
			}
			if strings.Contains(first, `rel="prev"`) {
				t.Error("page 1 links to a page before it")
			}
			second := e.page(t, desk, next)
			if n := len(inboxRowRe.FindAllString(second, -1)); n != 1 {
				t.Errorf("page 2: got %d rows, want 1", n)
			}
			// Newest first: the first dossier received is alone on page 2.
			if !strings.Contains(second, `href="/ho-so/`+codes[0]+`"`) || !strings.Contains(second, "Trang 2") {
				t.Error("page 2 lacks the oldest dossier or its number")
			}
			if strings.Contains(second, `rel="next"`) {
				t.Error("the last page links to a page after it")
			}
			back := e.page(t, desk, pagerLink(t, second, "prev"))
			if n := len(inboxRowRe.FindAllString(back, -1)); n != 50 || strings.Contains(back, `href="/ho-so/`+codes[0]+`"`) || strings.Contains(back, `rel="prev"`) {
				t.Errorf("back to page 1: got %d rows, want the 50 newest and no link before them", n)
			}
			// The links of page numbers kept from before still open their page.
			old := e.page(t, desk, "/ho-so?trang=2&xem=tat-ca")
			if n := len(inboxRowRe.FindAllString(old, -1)); n != 1 || !strings.Contains(old, `href="/ho-so/`+codes[0]+`"`) {
				t.Errorf("?trang=2: got %d rows, want the oldest dossier alone", n)
			}
			if prev := pagerLink(t, old, "prev"); prev != "/ho-so?truoc="+cursorOf(t, prev, "truoc")+"&xem=tat-ca" {
				t.Errorf("?trang=2: got link %q to the page before, want a cursor keeping the view", prev)
			}
			for _, bad := range []string{"xem=tat-ca&sau=abc", "xem=tat-ca&truoc=" + cursorOf(t, next, "sau") + "&sau=" + cursorOf(t, next, "sau"),
				"xem=da-xong&sau=" + cursorOf(t, next, "sau"), "sau=" + cursorOf(t, next, "sau")} {
				if st, page := e.get(t, desk, "/ho-so?"+bad); st != http.StatusBadRequest || !strings.Contains(page, "Con trỏ trang không hợp lệ.") {
					t.Errorf("%s: got %d, want 400 with the message about the cursor", bad, st)
				}
			}
			if n := len(inboxRowRe.FindAllString(e.page(t, desk, "/ho-so?trang=3&xem=tat-ca"), -1)); n != 0 {
				t.Errorf("page 3: got %d rows, want none", n)
			}
			if rows := exportRows(t, e, desk, "xem=tat-ca&trang=2"); len(rows) != 52 {
				t.Errorf("export: got %d rows, want the header and all 51 dossiers whatever the page", len(rows))
			}
		})
	}
}
