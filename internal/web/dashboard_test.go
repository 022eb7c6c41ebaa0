package web_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/store/storetest"
)

// TestDashboardHandBuilt builds a small history by hand — one dossier processed to its
// result the same day, one forwarded to the specialist, one just received — and checks
// the dashboard's figures: this month against the last, the on-time rate, the soon-due
// list and the load per step and per officer.
func TestDashboardHandBuilt(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			e := newDossierEnv(t, d) // 4/3/2026 09:00, no history
			a, b, c := e.receive(t), e.receive(t), e.receive(t)
			for _, user := range []string{"tanhoa.motcua", "tanhoa.chuyenvien", "tanhoa.lanhdao", "tanhoa.motcua"} {
				if st, body := e.act(t, user, a.Code, map[string]any{"action": "forward"}); st != http.StatusOK {
					t.Fatalf("%s forward: %d %s", user, st, body)
				}
			}
			if st, body := e.act(t, "tanhoa.motcua", b.Code, map[string]any{"action": "forward"}); st != http.StatusOK {
				t.Fatalf("forward: %d %s", st, body)
			}
			now := time.Date(2026, 3, 4, 9, 0, 0, 0, calendar.Zone())
			soon := 0
			for _, x := range []created{b, c} {
				_, body := e.call(t, "tanhoa.lanhdao", "GET", "/api/v1/dossiers/"+x.Code, nil)
				v := decode[dossierView](t, body)
				due, err := time.Parse(time.RFC3339, *v.DueAt)
				if err != nil {
					t.Fatal(err)
				}
				if due.After(now) && due.Sub(now) <= 48*time.Hour {
					soon++
				}
			}
			page := e.page(t, e.browser(t, "tanhoa.lanhdao"), "/dieu-hanh") // the current month, 15/02–14/03/2026
			row := func(name string) []string {
				m := regexp.MustCompile(`<tr><th scope="row">` + regexp.QuoteMeta(name) + `</th><td class="num">([^<]*)</td><td class="num">([^<]*)</td>`).FindStringSubmatch(page)
				if m == nil {
					t.Fatalf("dashboard has no row %q", name)
				}
				return m[1:]
			}
			for name, want := range map[string][2]string{
				"Tiếp nhận": {"3", "0"}, "Đã giải quyết": {"1", "0"}, "Giải quyết quá hạn": {"0", "0"},
				"Tỷ lệ đúng hạn": {"100.0%", "chưa có dữ liệu"}, "Đã tiếp nhận, chờ chuyển xử lý": {"1", "0"},
			} {
				if got := row(name); got[0] != want[0] || got[1] != want[1] {
					t.Errorf("%s: got %v, want %v", name, got, want)
				}
			}
			if !strings.Contains(page, "Hồ sơ quá hạn (0)") || !strings.Contains(page, "sắp đến hạn (trong 2 ngày, "+itoa(soon)+")") {
				t.Errorf("overdue and soon-due counts: want 0 and %d", soon)
			}
			// Load per step: the forwarded dossier at the specialist's step, the other at the desk.
			steps := regexp.MustCompile(`<tr><th scope="row">([^<]+)</th><td class="num">(\d+)</td><td class="num">(\d+)</td></tr>`).FindAllStringSubmatch(page, -1)
			open := 0
			for _, s := range steps {
				if s[1] != "Đã tiếp nhận, chờ chuyển xử lý" && s[2] == "1" && s[1] != "Chưa phân công" {
					open++
				}
			}
			if open == 0 {
				t.Errorf("no step holds the forwarded dossier: %v", steps)
			}
			if strings.Contains(page, a.Code) {
				t.Error("the dossier with its result ready is listed as open")
			}
		})
	}
}
