package web_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"motcua/internal/store"
)

var auditNextRe = regexp.MustCompile(`href="([^"]*sau=[^"]+)">Trang sau`)

// TestAuditPageLinks: the audit log page links to the next (older) page by cursor and
// lists other entries there; a broken cursor is a clear Vietnamese message; the
// retention policy is checked, saved and applied.
func TestAuditPageLinks(t *testing.T) {
	t.Parallel()
	eachServer(t, func(t *testing.T, ts *testServer) {
		ctx := context.Background()
		for range 130 {
			if err := ts.Store.Audit(ctx, store.AuditEntry{Actor: "kiem.thu", Action: "unit.update", Target: "H40"}); err != nil {
				t.Fatal(err)
			}
		}
		b := ts.browser(t)
		b.login("admin")
		st, first := b.get("/quan-tri/nhat-ky?actor=kiem.thu")
		m := auditNextRe.FindStringSubmatch(first)
		if st != http.StatusOK || m == nil {
			t.Fatalf("first page: got %d, want a link to the next page", st)
		}
		st, second := b.get("/quan-tri/nhat-ky" + html.UnescapeString(m[1]))
		if st != http.StatusOK || strings.Count(second, "<td>kiem.thu</td>") != 30 || auditNextRe.MatchString(second) {
			t.Fatalf("second page: got %d with %d rows, want the 30 older entries and no further link",
				st, strings.Count(second, "<td>kiem.thu</td>"))
		}
		if st, body := b.get("/quan-tri/nhat-ky?sau=zz!"); st != http.StatusBadRequest || !strings.Contains(body, "Liên kết trang không hợp lệ") {
			t.Fatalf("broken cursor: got %d", st)
		}
		token := b.csrf("/quan-tri/nhat-ky")
		if st, _, body := b.post("/quan-tri/nhat-ky/luu-tru", url.Values{"csrf": {token}, "months": {"3"}}); st != http.StatusBadRequest ||
			!strings.Contains(body, "Thời hạn lưu nhật ký không hợp lệ") {
			t.Fatalf("3 months: got %d, want the Vietnamese refusal", st)
		}
		st, loc, _ := b.post("/quan-tri/nhat-ky/luu-tru", url.Values{"csrf": {token}, "months": {"24"}})
		if st != http.StatusSeeOther || !strings.HasPrefix(loc, "/quan-tri/nhat-ky?da-luu-tru=") {
			t.Fatalf("24 months: got %d %s", st, loc)
		}
		if _, page := b.get(loc); !strings.Contains(page, "Đã lưu chính sách") || !strings.Contains(page, `value="24"`) {
			t.Fatal("the page does not show the saved policy")
		}
	})
}
