package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"

	"motcua/internal/demo"
	"motcua/internal/store"
	"motcua/internal/web"
)

// TestCalendar runs the legal-clock checks on one server per dialect (loading the demo
// dominates the cost); the administration checks run last since they change the data.
func TestCalendar(t *testing.T) {
	t.Parallel()
	eachServer(t, func(t *testing.T, ts *testServer) {
		t.Run("api", func(t *testing.T) { calendarAPITests(t, ts) })
		t.Run("pages", func(t *testing.T) { calendarPageTests(t, ts) })
		t.Run("admin", func(t *testing.T) { calendarAdminTests(t, ts) })
	})
}

// dueAnswer is the JSON of GET /api/v1/calendar/due.
type dueAnswer struct {
	Due     string `json:"due"`
	Explain []struct {
		Date    string `json:"date"`
		Kind    string `json:"kind"`
		Minutes int    `json:"minutes"`
		Reason  string `json:"reason"`
	} `json:"explain"`
}

// dueAPI asks the API for a due date and fails the test on any error.
func dueAPI(t *testing.T, ts *testServer, from, days, unit string) string {
	t.Helper()
	q := url.Values{"from": {from}, "days": {days}}
	if unit != "" {
		q.Set("unit", unit)
	}
	var out dueAnswer
	if st := ts.api(t, "GET", "/api/v1/calendar/due?"+q.Encode(), "", "", &out); st != http.StatusOK {
		t.Fatalf("due %s %s %s: got status %d, want 200", from, days, unit, st)
	}
	return out.Due
}

func calendarAPITests(t *testing.T, ts *testServer) {
	t.Run("due: the acceptance example", func(t *testing.T) {
		q := url.Values{"from": {"2026-04-24T10:00:00+07:00"}, "days": {"3"}}
		var out dueAnswer
		if st := ts.api(t, "GET", "/api/v1/calendar/due?"+q.Encode(), "", "", &out); st != http.StatusOK {
			t.Fatalf("got status %d, want 200", st)
		}
		if out.Due != "2026-05-04T10:00:00+07:00" {
			t.Errorf("got due %q, want 2026-05-04T10:00:00+07:00", out.Due)
		}
		if n := len(out.Explain); n != 11 {
			t.Fatalf("got %d explanation days, want 11 (24/04 to 04/05)", n)
		}
		first, last := out.Explain[0], out.Explain[len(out.Explain)-1]
		if first.Date != "2026-04-24" || first.Kind != "partial" || first.Minutes != 300 {
			t.Errorf("first day: got %+v, want 2026-04-24 partial 300", first)
		}
		if last.Date != "2026-05-04" || last.Kind != "partial" || last.Minutes != 180 {
			t.Errorf("last day: got %+v, want 2026-05-04 partial 180", last)
		}
		for _, d := range out.Explain {
			if d.Date == "2026-04-30" && (d.Kind != "skipped" || !strings.Contains(d.Reason, "Ngày Chiến thắng")) {
				t.Errorf("30/04: got %+v, want skipped for Ngày Chiến thắng", d)
			}
		}
		if got := dueAPI(t, ts, "2026-04-24T10:00:00+07:00", "3", demo.TanHoa); got != out.Due {
			t.Errorf("Tân Hòa: got %q, want %q", got, out.Due)
		}
	})
	t.Run("due in calendar days", func(t *testing.T) {
		var out dueAnswer
		q := url.Values{"from": {"2026-04-24T10:00:00+07:00"}, "days": {"6"}, "calendar_days": {"true"}}
		if st := ts.api(t, "GET", "/api/v1/calendar/due?"+q.Encode(), "", "", &out); st != 200 || out.Due != "2026-05-04T17:00:00+07:00" {
			t.Errorf("got %d %q, want 200 2026-05-04T17:00:00+07:00", st, out.Due)
		}
	})
	t.Run("due without from counts from now", func(t *testing.T) {
		var out dueAnswer
		if st := ts.api(t, "GET", "/api/v1/calendar/due?days=1", "", "", &out); st != 200 || out.Due == "" || len(out.Explain) == 0 {
			t.Errorf("got %d %+v, want 200 with a due date", st, out)
		}
	})
	t.Run("holidays 2026", func(t *testing.T) {
		var out struct {
			Items []struct{ Date, Name, Kind string }
		}
		if st := ts.api(t, "GET", "/api/v1/calendar/holidays?year=2026", "", "", &out); st != 200 {
			t.Fatalf("got status %d, want 200", st)
		}
		got := map[string]string{}
		for _, h := range out.Items {
			got[h.Date] = h.Kind + " " + h.Name
		}
		want := map[string]string{
			"2026-01-01": "holiday Tết Dương lịch",
			"2026-02-17": "holiday Tết Nguyên đán",
			"2026-04-27": "compensatory Nghỉ bù Giỗ Tổ Hùng Vương (26/04 trùng Chủ nhật)",
			"2026-04-30": "holiday Ngày Chiến thắng",
			"2026-09-02": "holiday Quốc khánh",
		}
		for d, w := range want {
			if got[d] != w {
				t.Errorf("%s: got %q, want %q", d, got[d], w)
			}
		}
		if len(out.Items) != 11 {
			t.Errorf("got %d holidays, want 11: %+v", len(out.Items), out.Items)
		}
	})
	t.Run("lunar and solar", func(t *testing.T) {
		var l struct {
			Day, Month, Year int
			Leap             bool
		}
		if st := ts.api(t, "GET", "/api/v1/calendar/lunar?date=2026-02-17", "", "", &l); st != 200 || l.Day != 1 || l.Month != 1 || l.Year != 2026 || l.Leap {
			t.Errorf("lunar: got %d %+v, want 1/1/2026", st, l)
		}
		var s struct{ Date string }
		if st := ts.api(t, "GET", "/api/v1/calendar/solar?date=1/1/2026", "", "", &s); st != 200 || s.Date != "2026-02-17" {
			t.Errorf("solar: got %d %+v, want 2026-02-17", st, s)
		}
	})
	t.Run("bad input", func(t *testing.T) {
		tests := []struct {
			name, path string
			status     int
			code       string
			field      string
		}{
			{"impossible from", "/api/v1/calendar/due?from=2026-13-40&days=3", 400, "invalid", "from"},
			{"negative days", "/api/v1/calendar/due?from=2026-04-24T10:00:00%2B07:00&days=-1", 400, "invalid", "days"},
			{"non-numeric days", "/api/v1/calendar/due?days=abc", 400, "invalid", "days"},
			{"missing days", "/api/v1/calendar/due", 400, "invalid", "days"},
			{"bad calendar_days", "/api/v1/calendar/due?days=3&calendar_days=maybe", 400, "invalid", "calendar_days"},
			{"unknown unit", "/api/v1/calendar/due?days=3&unit=KHONG-CO", 404, "not_found", ""},
			{"year out of range", "/api/v1/calendar/holidays?year=3000", 400, "invalid", "year"},
			{"non-numeric year", "/api/v1/calendar/holidays?year=hai", 400, "invalid", "year"},
			{"holidays of unknown unit", "/api/v1/calendar/holidays?year=2026&unit=KHONG-CO", 404, "not_found", ""},
			{"impossible lunar date", "/api/v1/calendar/solar?date=30/2/2026", 400, "invalid", "date"},
			{"impossible solar date", "/api/v1/calendar/lunar?date=2026-02-30", 400, "invalid", "date"},
			{"bad leap flag", "/api/v1/calendar/solar?date=1/6/2025&leap=x", 400, "invalid", "leap"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				var e apiError
				st := ts.api(t, "GET", tt.path, "", "", &e)
				if st != tt.status || e.Error.Code != tt.code {
					t.Fatalf("got %d %q, want %d %q", st, e.Error.Code, tt.status, tt.code)
				}
				if e.Error.Message == "" {
					t.Errorf("got an empty message, want a Vietnamese one")
				}
				if tt.field != "" && e.Error.Fields[tt.field] == "" {
					t.Errorf("got fields %v, want an entry for %q", e.Error.Fields, tt.field)
				}
			})
		}
	})
}

// dayCell returns the content of a day cell of the month grid.
func dayCell(t *testing.T, body, date string) string {
	t.Helper()
	re := regexp.MustCompile(`(?s)<time datetime="` + date + `".*?</td>`)
	cell := re.FindString(body)
	if cell == "" {
		t.Fatalf("no cell for %s on the month page", date)
	}
	return cell
}

func calendarPageTests(t *testing.T, ts *testServer) {
	t.Run("February 2026", func(t *testing.T) {
		st, body := ts.browser(t).get("/lich?thang=2026-02")
		if st != http.StatusOK {
			t.Fatalf("got %d, want 200", st)
		}
		for _, want := range []string{"<caption>Tháng 2 năm 2026", `<th scope="col">Thứ Hai</th>`, "Tết Nguyên đán", "Tháng trước", "Tháng sau", "thang=2026-03", "Lịch làm việc"} {
			if !strings.Contains(body, want) {
				t.Errorf("month page lacks %q", want)
			}
		}
		tet := dayCell(t, body, "2026-02-17")
		for _, want := range []string{"1/1", "tháng Giêng năm Bính Ngọ", "Tết Nguyên đán"} {
			if !strings.Contains(tet, want) {
				t.Errorf("cell of 17/02 lacks %q: %s", want, tet)
			}
		}
		if !regexp.MustCompile(`class="cal-off "[^>]*>\s*<time datetime="2026-02-17"`).MatchString(body) {
			t.Errorf("17/02 is not highlighted as a day off")
		}
		if sun := dayCell(t, body, "2026-02-01"); !strings.Contains(sun, "14/12") {
			t.Errorf("cell of 01/02 lacks the lunar date 14/12: %s", sun)
		}
		if strings.Index(body, `datetime="2026-01-26"`) > strings.Index(body, `datetime="2026-02-01"`) {
			t.Errorf("the grid does not start on Monday 26/01")
		}
	})
	t.Run("a unit's month", func(t *testing.T) {
		st, body := ts.browser(t).get("/lich?thang=2026-04&don-vi=" + demo.TanHoa)
		if st != 200 || !strings.Contains(body, "UBND thị trấn Tân Hòa") || !strings.Contains(body, "Nghỉ bù Giỗ Tổ Hùng Vương") {
			t.Errorf("got %d, want April 2026 of Tân Hòa with the compensatory day", st)
		}
	})
	t.Run("bad month and unit", func(t *testing.T) {
		tests := []struct{ path, want string }{
			{"/lich?thang=2026-13", "Tháng &#34;2026-13&#34; không hợp lệ"},
			{"/lich?thang=3000-01", "Năm &#34;3000&#34; không hợp lệ"},
			{"/lich?don-vi=KHONG-CO", "Không tìm thấy đơn vị"},
		}
		for _, tt := range tests {
			st, body := ts.browser(t).get(tt.path)
			if st != http.StatusBadRequest || !strings.Contains(body, tt.want) || !strings.Contains(body, "field-error") {
				t.Errorf("%s: got %d, want 400 with %q next to the field", tt.path, st, tt.want)
			}
		}
	})
	t.Run("due form", func(t *testing.T) {
		b := ts.browser(t)
		st, body := b.get("/lich/han-giai-quyet")
		if st != 200 || !strings.Contains(body, "Khi nào hồ sơ của tôi đến hạn?") {
			t.Fatalf("empty form: got %d", st)
		}
		st, body = b.get("/lich/han-giai-quyet?ngay=2026-04-24&gio=10:00&so-ngay=3&don-vi=" + demo.TanHoa)
		if st != 200 {
			t.Fatalf("got %d, want 200", st)
		}
		for _, want := range []string{"10 giờ 00 phút, thứ Hai, ngày 04/05/2026", `datetime="2026-05-04T10:00:00`,
			"Diễn giải cách tính hạn", "Ngày Chiến thắng", "Không tính", "Tính một phần", "5 giờ", "3 giờ"} {
			if !strings.Contains(body, want) {
				t.Errorf("result lacks %q", want)
			}
		}
	})
	t.Run("due form errors", func(t *testing.T) {
		tests := []struct{ query, field, want string }{
			{"ngay=2026-13-40&gio=10:00&so-ngay=3", "ngay-err", "không hợp lệ"},
			{"ngay=2026-04-24&gio=25:00&so-ngay=3", "gio-err", "Giờ &#34;25:00&#34; không hợp lệ"},
			{"ngay=2026-04-24&gio=10:00&so-ngay=abc", "so-ngay-err", "cần một số"},
			{"ngay=2026-04-24&gio=10:00&so-ngay=-1", "so-ngay-err", "phải từ 0"},
			{"ngay=3000-01-01&gio=10:00&so-ngay=1", "ngay-err", "ngoài phạm vi"},
			{"ngay=2026-04-24&gio=10:00&so-ngay=3&don-vi=KHONG-CO", "don-vi-err", "Không tìm thấy đơn vị"},
		}
		for _, tt := range tests {
			st, body := ts.browser(t).get("/lich/han-giai-quyet?" + tt.query)
			if st != http.StatusBadRequest || !strings.Contains(body, `id="`+tt.field+`"`) || !strings.Contains(body, tt.want) {
				t.Errorf("%s: got %d, want 400 with %q in %s", tt.query, st, tt.want, tt.field)
			}
		}
	})
}

func calendarAdminTests(t *testing.T, ts *testServer) {
	const from = "2026-03-06T10:00:00+07:00" // a Friday
	t.Run("a swapped working Saturday moves a due date earlier", func(t *testing.T) {
		if got := dueAPI(t, ts, from, "3", demo.TanHoa); got != "2026-03-11T10:00:00+07:00" {
			t.Fatalf("before: got %q, want 2026-03-11T10:00:00+07:00", got)
		}
		b := ts.browser(t)
		b.login("admin")
		token := b.csrf("/quan-tri/lich?nam=2026")
		form := url.Values{"csrf": {token}, "date": {"2026-03-07"}, "kind": {"working"},
			"name": {"Làm việc bù"}, "reference": {"Quyết định 12/QĐ-UBND"}, "unit": {demo.TanHoa}}
		st, loc, body := b.post("/quan-tri/lich", form)
		if st != http.StatusSeeOther || loc != "/quan-tri/lich?nam=2026" {
			t.Fatalf("save: got %d %q, want 303 to the year; body %.300s", st, loc, body)
		}
		if got := dueAPI(t, ts, from, "3", demo.TanHoa); got != "2026-03-10T10:00:00+07:00" {
			t.Errorf("after: got %q, want 2026-03-10T10:00:00+07:00", got)
		}
		if got := dueAPI(t, ts, from, "3", ""); got != "2026-03-11T10:00:00+07:00" {
			t.Errorf("country-wide after a unit's swap: got %q, want unchanged 2026-03-11T10:00:00+07:00", got)
		}
		_, page := b.get("/lich?thang=2026-03&don-vi=" + demo.TanHoa)
		if cell := dayCell(t, page, "2026-03-07"); !strings.Contains(cell, "Làm việc bù (theo Quyết định 12/QĐ-UBND)") || !strings.Contains(page, "cal-swap") {
			t.Errorf("month page: cell of 07/03 lacks the swap and its reference: %s", cell)
		}
		_, list := b.get("/quan-tri/lich?nam=2026")
		if !strings.Contains(list, "Quyết định 12/QĐ-UBND") {
			t.Errorf("admin list lacks the new day")
		}
		entries, err := ts.Store.AuditLog(t.Context(), store.AuditFilter{Actor: "admin"})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range entries {
			found = found || (e.Action == "calendar.day.save" && strings.Contains(e.Target, "2026-03-07"))
		}
		if !found {
			t.Errorf("no calendar.day.save audit entry")
		}
		// Deleting it restores the due date.
		m := regexp.MustCompile(`action="/quan-tri/lich/(\d+)/xoa"`).FindStringSubmatch(list)
		if m == nil {
			t.Fatalf("no delete form on the admin list")
		}
		if st, _, _ := b.post("/quan-tri/lich/"+m[1]+"/xoa", url.Values{"csrf": {token}}); st != http.StatusSeeOther {
			t.Fatalf("delete: got %d, want 303", st)
		}
		if got := dueAPI(t, ts, from, "3", demo.TanHoa); got != "2026-03-11T10:00:00+07:00" {
			t.Errorf("after delete: got %q, want 2026-03-11T10:00:00+07:00", got)
		}
		if st, _, _ := b.post("/quan-tri/lich/"+m[1]+"/xoa", url.Values{"csrf": {token}}); st != http.StatusNotFound {
			t.Errorf("delete twice: got %d, want 404", st)
		}
	})
	t.Run("bad calendar day", func(t *testing.T) {
		b := ts.browser(t)
		b.login("admin")
		token := b.csrf("/quan-tri/lich")
		tests := []struct {
			name string
			form url.Values
			want string
		}{
			{"impossible date", url.Values{"date": {"2026-02-30"}, "kind": {"off"}, "name": {"Nghỉ"}}, `id="date-err"`},
			{"no kind", url.Values{"date": {"2026-03-09"}, "name": {"Nghỉ"}}, `id="kind-err"`},
			{"no name", url.Values{"date": {"2026-03-09"}, "kind": {"off"}}, `id="name-err"`},
			{"unknown unit", url.Values{"date": {"2026-03-09"}, "kind": {"off"}, "name": {"Nghỉ"}, "unit": {"KHONG-CO"}}, `id="unit-err"`},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				tt.form.Set("csrf", token)
				st, _, body := b.post("/quan-tri/lich", tt.form)
				if st != http.StatusBadRequest || !strings.Contains(body, tt.want) {
					t.Errorf("got %d, want 400 with %s", st, tt.want)
				}
			})
		}
		if days, _ := ts.Store.AllCalendarDays(t.Context(), dateOf(2026, 1, 1), dateOf(2026, 12, 31)); len(days) != 0 {
			t.Errorf("got %d stored days after bad input, want 0", len(days))
		}
	})
	t.Run("only administrators, only with CSRF", func(t *testing.T) {
		form := url.Values{"date": {"2026-03-07"}, "kind": {"working"}, "name": {"Làm việc bù"}}
		b := ts.browser(t)
		b.login("admin")
		if st, _, _ := b.post("/quan-tri/lich", form); st != http.StatusForbidden {
			t.Errorf("admin without CSRF: got %d, want 403", st)
		}
		o := ts.browser(t)
		o.login("tanhoa.motcua")
		if st, _ := o.get("/quan-tri/lich"); st != http.StatusForbidden {
			t.Errorf("one-stop officer: got %d, want 403", st)
		}
		form.Set("csrf", o.csrf("/lich"))
		if st, _, _ := o.post("/quan-tri/lich", form); st != http.StatusForbidden {
			t.Errorf("one-stop officer posting: got %d, want 403", st)
		}
		if got := dueAPI(t, ts, from, "3", ""); got != "2026-03-11T10:00:00+07:00" {
			t.Errorf("a refused post changed the calendar: got %q", got)
		}
	})
	t.Run("working time", func(t *testing.T) {
		b := ts.browser(t)
		b.login("admin")
		path := "/quan-tri/don-vi/" + demo.TanHoa + "/gio-lam-viec"
		st, body := b.get(path)
		if st != 200 || !strings.Contains(body, `value="07:00"`) || !strings.Contains(body, `value="17:00"`) {
			t.Fatalf("form: got %d, want 200 with the default sessions", st)
		}
		token := csrfRe.FindStringSubmatch(body)[1]
		bad := url.Values{"csrf": {token}, "weekday": {"1", "2"}, "session_start": {"17:00"}, "session_end": {"13:30"}}
		if st, _, body := b.post(path, bad); st != http.StatusBadRequest || !strings.Contains(body, "giờ kết thúc phải sau giờ bắt đầu") {
			t.Errorf("backwards session: got %d, want 400 with a message", st)
		}
		none := url.Values{"csrf": {token}, "session_start": {"07:00"}, "session_end": {"11:00"}}
		if st, _, body := b.post(path, none); st != http.StatusBadRequest || !strings.Contains(body, "ít nhất một ngày làm việc") {
			t.Errorf("no weekday: got %d, want 400 with a message", st)
		}
		good := url.Values{"csrf": {token}, "weekday": {"1", "2", "3", "4", "5", "6"},
			"session_start": {"07:00", "13:30", ""}, "session_end": {"11:30", "17:00", ""}, "saturday_reception": {"1"}}
		st, loc, _ := b.post(path, good)
		if st != http.StatusSeeOther || loc != path+"?da-luu=1" {
			t.Fatalf("save: got %d %q, want 303 back to the form", st, loc)
		}
		if got := dueAPI(t, ts, from, "3", demo.TanHoa); got != "2026-03-10T10:00:00+07:00" {
			t.Errorf("Saturdays worked: got %q, want 2026-03-10T10:00:00+07:00", got)
		}
		sc, err := ts.Store.UnitSchedule(t.Context(), demo.TanHoa)
		if err != nil || len(sc.Weekdays) != 6 || !sc.SaturdayReception || len(sc.Sessions) != 2 {
			t.Errorf("stored schedule: got %+v, %v", sc, err)
		}
		if st, body := b.get(path + "?da-luu=1"); st != 200 || !strings.Contains(body, "Đã lưu") {
			t.Errorf("after save: got %d, want the saved notice", st)
		}
		if st, _ := b.get("/quan-tri/don-vi/KHONG-CO/gio-lam-viec"); st != http.StatusNotFound {
			t.Errorf("unknown unit: got %d, want 404", st)
		}
	})
}

// dateOf is a civil date for the store calls of the tests.
func dateOf(y int, m time.Month, d int) calendar.Date { return calendar.NewDate(y, m, d) }

func TestDaysVietnamese(t *testing.T) {
	t.Parallel()
	tests := []struct {
		days float64
		want string
	}{{0.5, "0,5"}, {3, "3"}, {1.25, "1,25"}, {12, "12"}}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := web.DaysFunc(tt.days); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if got := web.DaysText(tt.days); strings.Contains(got, ".") {
				t.Errorf("daysText: got %q, want a decimal comma", got)
			}
		})
	}
}
