package web_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"motcua/internal/demo"
	"motcua/internal/store/storetest"
)

type tierCounts struct{ Total, Province, District, Commune int }

type ii07bAnswer struct {
	Districts bool `json:"districts"`
	Rows      []struct {
		UnitCode   string     `json:"unit_code"`
		Competence tierCounts `json:"competence"`
		OneStop    tierCounts `json:"one_stop"`
		Processes  tierCounts `json:"processes"`
	} `json:"rows"`
	Total struct {
		Competence tierCounts `json:"competence"`
		OneStop    tierCounts `json:"one_stop"`
		Processes  tierCounts `json:"processes"`
	} `json:"total"`
}

func TestII07b(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			e := newReportEnv(t, d)
			st, body := e.call(t, "tinh.giamsat", "GET", "/api/v1/reports/ii07b?unit="+demo.Province+"&date=2026-03-04", nil)
			if st != http.StatusOK {
				t.Fatalf("got %d %s", st, body)
			}
			var r ii07bAnswer
			if err := json.Unmarshal(body, &r); err != nil {
				t.Fatal(err)
			}
			if r.Districts || len(r.Rows) != 5 {
				t.Fatalf("got districts %v and %d rows, want the province and its 4 communes", r.Districts, len(r.Rows))
			}
			var sum tierCounts
			for _, row := range r.Rows {
				if row.UnitCode == demo.TanHoa && (row.OneStop.Commune == 0 || row.Competence.Commune < row.OneStop.Commune ||
					row.Processes.Commune != row.OneStop.Commune || row.OneStop.Province != 0) {
					t.Errorf("Tân Hòa: %+v", row)
				}
				sum.Total += row.OneStop.Total
				sum.Commune += row.OneStop.Commune
				sum.Province += row.OneStop.Province
			}
			if r.Total.OneStop != sum || r.Total.OneStop.Total != r.Total.OneStop.Province+r.Total.OneStop.Commune {
				t.Errorf("total %+v, want the sum of the rows %+v", r.Total.OneStop, sum)
			}
			// Before the processes were published (and before 1/7/2025): none, with the district column.
			_, body = e.call(t, "tinh.giamsat", "GET", "/api/v1/reports/ii07b?unit="+demo.Province+"&date=2025-06-30", nil)
			var old ii07bAnswer
			json.Unmarshal(body, &old)
			if !old.Districts || old.Total.Processes.Total != 0 || old.Total.OneStop != r.Total.OneStop {
				t.Errorf("on 30/6/2025: %+v", old)
			}
			for _, c := range []struct {
				user, query string
				want        int
			}{
				{"phuocan.lanhdao", "unit=" + demo.TanHoa, http.StatusForbidden},
				{"tanhoa.chuyenvien", "unit=" + demo.TanHoa, http.StatusForbidden},
				{"tanhoa.lanhdao", "unit=" + demo.TanHoa + "&date=2026-02-30", http.StatusBadRequest},
				{"tinh.giamsat", "unit=X.99", http.StatusNotFound},
				{"tanhoa.lanhdao", "unit=" + demo.TanHoa, http.StatusOK},
			} {
				if st, body := e.call(t, c.user, "GET", "/api/v1/reports/ii07b?"+c.query, nil); st != c.want {
					t.Errorf("%s %s: got %d %s, want %d", c.user, c.query, st, body, c.want)
				}
			}
			st, body = e.call(t, "tinh.giamsat", "GET", "/api/v1/reports/ii07b.xlsx?unit="+demo.Province+"&date=2026-03-04", nil)
			if st != http.StatusOK {
				t.Fatalf("xlsx: %d", st)
			}
			f, err := excelize.OpenReader(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			a1, _ := f.GetCellValue("Biểu II.07b", "A1")
			total, _ := f.GetCellValue("Biểu II.07b", "F15") // one-stop total of the total line
			if a1 != "Biểu số II.07b/VPCP/KSTT" || total != itoa(r.Total.OneStop.Total) {
				t.Errorf("workbook: A1 %q, one-stop total %q, want %d", a1, total, r.Total.OneStop.Total)
			}
		})
	}
}

func itoa(n int) string { return jsonNumber(n) }

func jsonNumber(n int) string { b, _ := json.Marshal(n); return string(b) }

var scoreRe = regexp.MustCompile(`id="tong-diem">([0-9.]+)<`)

func TestScorecardAndRankings(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			e := newReportEnv(t, d)
			leader := e.browser(t, "tanhoa.lanhdao")
			page := e.page(t, leader, "/thi-dua?nam=2025")
			if !strings.Contains(page, "minh họa") || !strings.Contains(page, "tự động từ Chỉ số QĐ 766") {
				t.Fatal("the scorecard does not say its criteria are illustrative or which are automatic")
			}
			before := scoreRe.FindStringSubmatch(page)
			post := func(c *http.Client, form url.Values) (int, string) {
				form.Set("csrf", csrfOf(t, e.page(t, c, "/thi-dua?nam=2025&don-vi="+form.Get("don-vi"))))
				res, err := c.PostForm(e.srv.URL+"/thi-dua/diem", form)
				if err != nil {
					t.Fatal(err)
				}
				defer res.Body.Close()
				var b bytes.Buffer
				b.ReadFrom(res.Body)
				return res.StatusCode, b.String()
			}
			self := url.Values{"don-vi": {demo.TanHoa}, "nam": {"2025"}, "tieu-chi": {"1.1"}, "diem": {"4"}}
			if st, body := post(leader, self); st != http.StatusSeeOther {
				t.Fatalf("self-score: %d %s", st, body)
			}
			for _, bad := range []url.Values{
				{"don-vi": {demo.TanHoa}, "nam": {"2025"}, "tieu-chi": {"1.1"}, "diem": {"4.5"}},
				{"don-vi": {demo.TanHoa}, "nam": {"2025"}, "tieu-chi": {"3.3"}, "diem": {"1"}},
				{"don-vi": {demo.TanHoa}, "nam": {"2025"}, "tieu-chi": {"9.9"}, "diem": {"1"}},
			} {
				if st, _ := post(leader, bad); st != http.StatusBadRequest {
					t.Errorf("%v: got %d, want 400", bad, st)
				}
			}
			appraise := url.Values{"don-vi": {demo.TanHoa}, "nam": {"2025"}, "tieu-chi": {"1.1"}, "diem": {"3"}, "loai": {"tham-dinh"}}
			if st, _ := post(leader, appraise); st != http.StatusForbidden {
				t.Errorf("the unit's own leader appraised: %d, want 403", st)
			}
			inspector := e.browser(t, "tinh.giamsat")
			if st, body := post(inspector, appraise); st != http.StatusSeeOther {
				t.Fatalf("appraisal: %d %s", st, body)
			}
			page = e.page(t, leader, "/thi-dua?nam=2025")
			after := scoreRe.FindStringSubmatch(page)
			// The demo's appraisal of 1.1 was 0.85 × 4 = 3.4; now 3: the final drops by 0.4.
			if before == nil || after == nil || parse(t, before[1])-parse(t, after[1]) < 0.39 || parse(t, before[1])-parse(t, after[1]) > 0.41 {
				t.Errorf("final before %v after %v, want 0.4 less", before, after)
			}
			// 3.3 (on-time rate, 10 points) is automatic: Tân Hòa has no late dossier.
			if !regexp.MustCompile(`(?s)id="tc-3.3".*?<td class="num">10.00</td>`).MatchString(page) {
				t.Error("criterion 3.3 does not take its 10 points from the index")
			}
			other := e.browser(t, "phuocan.lanhdao")
			if st, _ := e.get(t, other, "/thi-dua?nam=2025&don-vi="+demo.TanHoa); st != http.StatusForbidden {
				t.Errorf("another commune's leader read Tân Hòa's scorecard: %d", st)
			}
			rank := e.page(t, other, "/thi-dua/xep-hang?nam=2025")
			first := regexp.MustCompile(`(?s)<tbody><tr><td class="num">1</td><th scope="row"><a [^>]*>([^<]+)<`).FindStringSubmatch(rank)
			if first == nil || first[1] != "UBND thị trấn Tân Hòa" {
				t.Errorf("competition ranking 2025: first %v, want Tân Hòa", first)
			}
			// Public: the QĐ 766 ranking and the results page, without personal data.
			pub := e.page(t, nil, "/xep-hang?nam=2025&cap-tren="+demo.Province)
			first = regexp.MustCompile(`(?s)<tbody><tr><td class="num">1</td><th scope="row"><a [^>]*>([^<]+)<`).FindStringSubmatch(pub)
			if first == nil || first[1] != "UBND thị trấn Tân Hòa" {
				t.Errorf("public ranking 2025: first %v, want Tân Hòa", first)
			}
			res := e.page(t, nil, "/ket-qua/"+demo.TanHoa+"?nam=2025")
			if !strings.Contains(res, "Kết quả giải quyết TTHC") || !strings.Contains(res, "1/4") {
				t.Error("the results page does not show Tân Hòa first of 4")
			}
			for _, u := range demo.Users() {
				if strings.Contains(res, u.FullName) || strings.Contains(pub, u.FullName) {
					t.Errorf("a public page shows %s", u.FullName)
				}
			}
			if regexp.MustCompile(`H40\.12\.05-\d`).MatchString(res) {
				t.Error("the results page shows a dossier code")
			}
			home := e.page(t, nil, "/")
			if !strings.Contains(home, "/ket-qua/"+demo.TanHoa) {
				t.Error("the home page has no headline linking to the results")
			}
			for _, bad := range []string{"/ket-qua/X.99", "/ket-qua/" + demo.TanHoa + "?nam=abc"} {
				if st, _ := e.get(t, http.DefaultClient, bad); st != http.StatusNotFound && st != http.StatusBadRequest {
					t.Errorf("%s: %d", bad, st)
				}
			}
		})
	}
}

func parse(t *testing.T, s string) float64 {
	var f float64
	if err := json.Unmarshal([]byte(s), &f); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestLeaderPages(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			e := newReportEnv(t, d)
			leader := e.browser(t, "tanhoa.lanhdao")
			if home := e.page(t, leader, "/ho-so"); !strings.Contains(home, `href="/dieu-hanh"`) {
				t.Error("the leader's menu does not reach the dashboard")
			}
			db := e.page(t, leader, "/dieu-hanh?ky=2025-12-15_2026-01-14")
			for _, want := range []string{"<svg", "<title id=\"xu-huong-t\">", "<desc", `id="bang-xu-huong"`, "Kỳ này và kỳ trước"} {
				if !strings.Contains(db, want) {
					t.Errorf("dashboard lacks %q", want)
				}
			}
			rep := e.page(t, leader, "/bao-cao?ky=2025-12-15_2026-01-14")
			link := regexp.MustCompile(`href="(/bao-cao/ho-so\?[^"]*cell=resolved.total[^"]*)"`).FindStringSubmatch(rep)
			if link == nil {
				t.Fatal("no link behind resolved.total")
			}
			list := e.page(t, leader, strings.ReplaceAll(link[1], "&amp;", "&"))
			if !regexp.MustCompile(`/ho-so/H40\.12\.05-`).MatchString(list) {
				t.Error("the cell's list shows no dossier")
			}
			other := e.browser(t, "phuocan.lanhdao")
			for _, p := range []string{"/bao-cao?unit=" + demo.TanHoa, "/dieu-hanh?unit=" + demo.TanHoa, "/bao-cao/ii07b?unit=" + demo.TanHoa} {
				if st, _ := e.get(t, other, p); st != http.StatusForbidden {
					t.Errorf("%s by another commune: %d, want 403", p, st)
				}
			}
			for _, p := range []string{"/bao-cao?from=2026-02-01&to=2026-01-01", "/dieu-hanh?from=2020-01-01&to=2026-01-01", "/bao-cao?unit=X.99"} {
				if st, _ := e.get(t, leader, p); st != http.StatusBadRequest && st != http.StatusNotFound {
					t.Errorf("%s: %d, want 400 or 404", p, st)
				}
			}
			if st, _ := e.get(t, leader, "/bao-cao/ii07b"); st != http.StatusOK {
				t.Errorf("II.07b page: %d", st)
			}
		})
	}
}
