package web_test

import (
	"bytes"
	"html"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/demo"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// TestApologyKeepsLateness: a dossier extended with an apology and finished after its
// legal appointment but before the new one is late in the API, the public lookup and the
// dossier book, while the applicant and the inbox see the new appointment.
func TestApologyKeepsLateness(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			now := time.Date(2026, 3, 4, 9, 0, 0, 0, calendar.Zone())
			e := newDossierEnvAt(t, d, func() time.Time { return now })
			c := e.receive(t) // 3 working days: due Monday 9/3 at 09:00
			step := func(user string, body map[string]any) {
				t.Helper()
				if code, out := e.act(t, user, c.Code, body); code != http.StatusOK {
					t.Fatalf("%s %v: got %d %s", user, body["action"], code, out)
				}
			}
			step("tanhoa.motcua", map[string]any{"action": "forward"})
			now = now.Add(24 * time.Hour) // Thursday 5/3
			step("tanhoa.lanhdao", map[string]any{"action": "extend", "reason": "Cần xác minh thêm", "new_due": "2026-03-13"})
			now = time.Date(2026, 3, 10, 9, 0, 0, 0, calendar.Zone()) // after the legal appointment
			e.tokens = map[string]string{}                            // tokens last 24 hours
			step("tanhoa.chuyenvien", map[string]any{"action": "forward"})
			step("tanhoa.lanhdao", map[string]any{"action": "forward"})
			step("tanhoa.motcua", map[string]any{"action": "forward"})
			step("tanhoa.motcua", map[string]any{"action": "return_result"})

			code, body := e.call(t, "tanhoa.motcua", "GET", "/api/v1/dossiers/"+c.Code, nil)
			if code != http.StatusOK {
				t.Fatalf("get: got %d %s", code, body)
			}
			v := decode[struct {
				Timeliness    string `json:"timeliness"`
				DueAt         string `json:"due_at"`
				OriginalDueAt string `json:"original_due_at"`
				Version       int    `json:"version"`
			}](t, body)
			if v.Timeliness != "late" || v.OriginalDueAt != "2026-03-09T09:00:00+07:00" ||
				!strings.HasPrefix(v.DueAt, "2026-03-13") || v.Version != 7 {
				t.Errorf("got %+v, want late, original 2026-03-09T09:00:00+07:00, due 13/3, version 7", v)
			}

			if page := e.page(t, e.browser(t, "tanhoa.motcua"), "/ho-so/"+c.Code); !strings.Contains(page, "trễ hạn – đã xin lỗi, hẹn lại 17:00 13/03/2026") {
				t.Error("the dossier page does not say trễ hạn – đã xin lỗi, hẹn lại 13/03/2026")
			}
			code, body = e.call(t, "", "GET", "/api/v1/lookup/"+c.Code+"?key="+c.LookupKey, nil)
			if code != http.StatusOK {
				t.Fatalf("lookup: got %d %s", code, body)
			}
			p := decode[struct {
				Timeliness string `json:"timeliness"`
				DueAt      string `json:"due_at"`
				Extended   bool   `json:"extended"`
			}](t, body)
			if p.Timeliness != "late" || !strings.HasPrefix(p.DueAt, "2026-03-13") || !p.Extended {
				t.Errorf("lookup: got %+v, want late with the new appointment 13/3", p)
			}

			req, _ := http.NewRequest("GET", e.srv.URL+"/api/v1/units/"+demo.TanHoa+"/book.pdf?from=2026-03-01&to=2026-03-31", nil)
			req.Header.Set("Authorization", "Bearer "+e.token(t, "tanhoa.motcua"))
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			data, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				t.Fatalf("book: got %d %s", res.StatusCode, data)
			}
			text := pdfText(t, data)
			for _, want := range []string{c.Code, "Quá hạn", "đã xin lỗi", "09/03/2026"} {
				if !strings.Contains(text, want) {
					t.Errorf("book: got %q, want it to contain %q", text, want)
				}
			}
		})
	}
}

// TestCalendarDecision: an administrator enters a whole published schedule at once, from
// the form or from a file; a bad line saves nothing; other officers may not.
func TestCalendarDecision(t *testing.T) {
	t.Parallel()
	eachServer(t, func(t *testing.T, ts *testServer) {
		ctx := t.Context()
		b := ts.browser(t)
		b.login("admin")
		token := b.csrf("/quan-tri/lich")
		st, _, body := b.post("/quan-tri/lich/van-ban", url.Values{"csrf": {token}, "reference": {"Thông báo 99/TB-BNV"},
			"days": {"04/09/2026; nghỉ; Nghỉ Quốc khánh\n2026-09-05; nghỉ lễ dài; sai"}})
		if st != http.StatusBadRequest || !strings.Contains(body, "Dòng 2") {
			t.Fatalf("bad line: got %d, want 400 naming line 2", st)
		}
		if days, _ := ts.Store.AllCalendarDays(ctx, calendar.NewDate(2026, 9, 4), calendar.NewDate(2026, 9, 4)); len(days) != 0 {
			t.Fatalf("got %v saved after a bad line, want nothing", days)
		}
		st, loc, _ := b.post("/quan-tri/lich/van-ban", url.Values{"csrf": {token}, "reference": {"Thông báo 99/TB-BNV"},
			"days": {"04/09/2026; nghỉ; Nghỉ Quốc khánh (hoán đổi)\n2026-09-12\tlàm việc\tLàm việc bù cho thứ Sáu 04/09/2026"}})
		if st != http.StatusSeeOther || loc != "/quan-tri/lich?nam=2026" {
			t.Fatalf("save: got %d %s, want 303 to the year", st, loc)
		}
		cal, err := ts.Store.Calendar(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		if off, _ := cal.DayOff(calendar.NewDate(2026, 9, 4)); !off {
			t.Error("got 4/9/2026 a working day, want a day off")
		}
		if off, reason := cal.DayOff(calendar.NewDate(2026, 9, 12)); off || !strings.Contains(reason, "Thông báo 99/TB-BNV") {
			t.Errorf("got 12/9/2026 off=%v %q, want a working day citing the notice", off, reason)
		}
		entries, err := ts.Store.AuditLog(ctx, store.AuditFilter{Actor: "admin"})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range entries {
			found = found || (e.Action == "calendar.decision.save" && strings.Contains(e.Target, "Thông báo 99/TB-BNV"))
		}
		if !found {
			t.Error("no calendar.decision.save audit entry")
		}

		// The same from a JSON file.
		file := `{"reference":"Quyết định 5/QĐ-UBND","unit":"` + demo.TanHoa + `","days":[{"date":"2026-10-02","kind":"nghỉ","name":"Nghỉ lễ hội"}]}`
		if st := uploadDecision(t, b, token, "lich.json", []byte(file)); st != http.StatusSeeOther {
			t.Fatalf("import: got %d, want 303", st)
		}
		unitCal, err := ts.Store.Calendar(ctx, demo.TanHoa)
		if err != nil {
			t.Fatal(err)
		}
		if off, _ := unitCal.DayOff(calendar.NewDate(2026, 10, 2)); !off {
			t.Error("got 2/10/2026 a working day at Tân Hòa, want the imported day off")
		}
		if st := uploadDecision(t, b, token, "lich.xlsx", []byte("PK not really")); st != http.StatusBadRequest {
			t.Errorf("broken workbook: got %d, want 400", st)
		}

		// A desk officer may not.
		desk := ts.browser(t)
		desk.login("tanhoa.motcua")
		if st, _, _ := desk.post("/quan-tri/lich/van-ban", url.Values{"csrf": {desk.csrf("/")}, "reference": {"x"}, "days": {"2026-10-03; nghỉ"}}); st != http.StatusForbidden {
			t.Errorf("desk officer: got %d, want 403", st)
		}
	})
}

// uploadDecision posts a schedule file to the import form and returns the status.
func uploadDecision(t *testing.T, b *browser, token, name string, data []byte) int {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("csrf", token)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", b.base+"/quan-tri/lich/nhap", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	res, err := b.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

// TestSecondSupplementRequest: the page warns before a second supplement request and
// offers the procedure's documents; the API refuses a second request without a reason.
func TestSecondSupplementRequest(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			e := newDossierEnv(t, d)
			c := e.receive(t)
			// The first request from the page: one of the procedure's documents ticked with
			// its count, and one typed.
			desk := e.browser(t, "tanhoa.motcua")
			page := e.page(t, desk, "/ho-so/"+c.Code)
			m := regexp.MustCompile(`name="sdoc0_name" value="([^"]+)"`).FindStringSubmatch(page)
			if m == nil || strings.Contains(page, "Quyết định 766") {
				t.Fatal("dossier page: want the procedure's documents as checkboxes and no warning before the first request")
			}
			res, out := post(t, desk, e.srv.URL+"/ho-so/"+c.Code+"/thao-tac", url.Values{"csrf": {csrfOf(t, page)},
				"action": {"request_supplement"}, "version": {"1"}, "reason": {"Thiếu giấy tờ"},
				"sdoc0_name": {html.UnescapeString(m[1])}, "sdoc0_ok": {"1"}, "sdoc0_originals": {"0"}, "sdoc0_certified": {"1"},
				"sdoc1_name": {"Giấy tờ không chọn"}, "sdoc_other": {"Văn bản ủy quyền"}})
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("first request from the page: got %d %.500s", res.StatusCode, out)
			}
			if code, body := e.act(t, "tanhoa.motcua", c.Code, map[string]any{"action": "supplement_received"}); code != http.StatusOK {
				t.Fatalf("supplement received: got %d %s", code, body)
			}
			page = e.page(t, desk, "/ho-so/"+c.Code)
			for _, want := range []string{"tính là quá hạn theo Quyết định 766/QĐ-TTg", `name="sdoc0_ok"`, "Giấy tờ cần bổ sung"} {
				if !strings.Contains(page, want) {
					t.Errorf("dossier page lacks %q", want)
				}
			}
			code, body := e.act(t, "tanhoa.motcua", c.Code, map[string]any{"action": "request_supplement"})
			if code != http.StatusBadRequest {
				t.Fatalf("second request without a reason: got %d %s, want 400", code, body)
			}
			fields := decode[struct {
				Error struct{ Fields map[string]string }
			}](t, body).Error.Fields
			if !strings.Contains(fields["reason"], "Quyết định 766") {
				t.Errorf("got fields %v, want a Vietnamese message for reason", fields)
			}
			code, body = e.act(t, "tanhoa.motcua", c.Code, map[string]any{"action": "request_supplement", "reason": "Giấy tờ bổ sung chưa có chứng thực"})
			if code != http.StatusOK {
				t.Fatalf("second request with a reason: got %d %s", code, body)
			}
			v := decode[struct {
				Events []struct {
					Action    string
					Reason    string
					Documents []struct {
						Name      string
						Certified int
					}
				}
			}](t, body)
			if ev := v.Events[1]; ev.Action != "request_supplement" || len(ev.Documents) != 2 || ev.Documents[0].Certified != 1 ||
				ev.Documents[1].Name != "Văn bản ủy quyền" {
				t.Errorf("got first request %+v, want the ticked document with one certified copy and the typed one", ev)
			}
		})
	}
}

// formText downloads a dossier form as the desk officer and returns its text.
func (e *dossierEnv) formText(t *testing.T, code, form string) string {
	t.Helper()
	req, _ := http.NewRequest("GET", e.srv.URL+"/api/v1/dossiers/"+code+"/forms/"+form+".pdf", nil)
	req.Header.Set("Authorization", "Bearer "+e.token(t, "tanhoa.motcua"))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("%s: got %d %s", form, res.StatusCode, data)
	}
	return pdfText(t, data)
}

// TestFormsByLaw reads every form back: the desk's configured name, the book entry line,
// the documents asked for with their counts, the apology's title and wording, the head
// of the unit signing the stop notice, full names on the control sheet, dates written
// out, and the accepting officer on the receipt of an online dossier.
func TestFormsByLaw(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			now := time.Date(2026, 3, 4, 9, 0, 0, 0, calendar.Zone())
			e := newDossierEnvAt(t, d, func() time.Time { return now })
			step := func(code, user string, body map[string]any) {
				t.Helper()
				if st, out := e.act(t, user, code, body); st != http.StatusOK {
					t.Fatalf("%s %v: got %d %s", user, body["action"], st, out)
				}
			}
			c := e.receive(t)
			step(c.Code, "tanhoa.motcua", map[string]any{"action": "forward"})
			step(c.Code, "tanhoa.chuyenvien", map[string]any{"action": "request_supplement", "reason": "Thiếu giấy tờ",
				"documents": []map[string]any{{"name": "Giấy chứng nhận kết hôn của cha, mẹ", "certified": 1}, {"name": "Văn bản ủy quyền"}}})
			step(c.Code, "tanhoa.motcua", map[string]any{"action": "supplement_received"})
			step(c.Code, "tanhoa.chuyenvien", map[string]any{"action": "forward"})
			step(c.Code, "tanhoa.lanhdao", map[string]any{"action": "extend", "reason": "Cần xác minh thêm", "new_due": "2026-03-13"})
			step(c.Code, "tanhoa.motcua", map[string]any{"action": "withdraw", "reason": "Người nộp hồ sơ xin rút hồ sơ"})

			wants := map[string][]string{
				"receipt": {"TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG THỊ TRẤN TÂN HÒA", "Vào Sổ theo dõi hồ sơ, Quyển số:", "Số thứ tự:",
					"09 giờ 00 phút, ngày 04 tháng 03 năm 2026", "Nguyễn Thị Lan", "Liên 1: Lưu tại Trung tâm Phục vụ hành chính công"},
				"supplement": {"Giấy chứng nhận kết hôn của cha, mẹ", "Văn bản ủy quyền", "Trần Văn Hùng"},
				"apology":    {"VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN", "dự kiến không thể hoàn thành", "Lê Quang Vinh"},
				"stop":       {"THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "THỦ TRƯỞNG CƠ QUAN", "Lê Quang Vinh"},
				"control": {"UBND thị trấn Tân Hòa", "Phạm Thị Hồng Nhung", "Nguyễn Thị Lan", "Trần Văn Hùng",
					"09 giờ 00 phút, ngày 04 tháng 03 năm 2026"},
			}
			bans := map[string][]string{
				"receipt": {"BỘ PHẬN MỘT CỬA", "citizen:"},
				"apology": {"Tuy nhiên đến nay"},
				"stop":    {"Nguyễn Thị Lan"},
				"control": {"tanhoa.", "citizen:"},
			}
			for form, want := range wants {
				text := e.formText(t, c.Code, form)
				for _, w := range want {
					if !strings.Contains(text, w) {
						t.Errorf("%s: got %q, want it to contain %q", form, text, w)
					}
				}
				for _, b := range bans[form] {
					if strings.Contains(text, b) {
						t.Errorf("%s: got %q, want no %q", form, text, b)
					}
				}
			}

			// A desk name set on the unit's page is printed, and listed in GET /api/v1/units.
			_, body := e.call(t, "", "GET", "/api/v1/units", nil)
			var unit map[string]string
			for _, u := range decode[struct{ Items []map[string]string }](t, body).Items {
				if u["code"] == demo.TanHoa {
					unit = u
				}
			}
			if unit["desk_name"] != "Trung tâm Phục vụ hành chính công thị trấn Tân Hòa" {
				t.Errorf("units API: got desk_name %q, want the default centre", unit["desk_name"])
			}
			admin := e.browser(t, "admin")
			form := url.Values{"csrf": {csrfOf(t, e.page(t, admin, "/quan-tri/don-vi/"+demo.TanHoa))},
				"desk_name": {"Trung tâm Phục vụ hành chính công xã Tân Hòa mới"}}
			for _, k := range []string{"code", "name", "parent_code", "level", "address", "hotline", "email", "hours"} {
				form.Set(k, unit[k])
			}
			if res, out := post(t, admin, e.srv.URL+"/quan-tri/don-vi/"+demo.TanHoa, form); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("unit save: got %d %.300s", res.StatusCode, out)
			}
			if text := e.formText(t, c.Code, "receipt"); !strings.Contains(text, "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ TÂN HÒA MỚI") {
				t.Errorf("receipt after setting the desk name: got %q", text)
			}

			// An online dossier accepted at the desk names the accepting officer.
			code, body := e.call(t, "admin", "POST", "/api/v1/dossiers", map[string]any{
				"procedure_code": testProcedure, "unit_code": demo.TanHoa, "channel": "online", "applicant": applicant()})
			if code != http.StatusCreated {
				t.Fatalf("online: got %d %s", code, body)
			}
			online := decode[created](t, body)
			step(online.Code, "tanhoa.motcua", map[string]any{"action": "accept"})
			if text := e.formText(t, online.Code, "receipt"); !strings.Contains(text, "Nguyễn Thị Lan") || strings.Contains(text, "Quản trị hệ thống") {
				t.Errorf("online receipt: got %q, want the accepting officer Nguyễn Thị Lan", text)
			}
		})
	}
}
