package web_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"motcua/internal/demo"
)

// postEvidence sends one evidence file of a criterion as the page does.
func (b *browser) postEvidence(csrf, unit, criterion, name string, content []byte) (int, string) {
	b.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range map[string]string{"csrf": csrf, "don-vi": unit, "nam": "2025", "tieu-chi": criterion} {
		mw.WriteField(k, v)
	}
	fw, _ := mw.CreateFormFile("tep", name)
	fw.Write(content)
	mw.Close()
	req, _ := http.NewRequest("POST", b.base+"/thi-dua/minh-chung", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := b.client.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(out)
}

// TestScorecardEvidenceAndCriteria: the unit's leader uploads evidence (checked like
// every upload), the parent's inspector downloads it, another commune cannot; only an
// administrator edits the year's criteria, and an inconsistent tree is refused.
func TestScorecardEvidenceAndCriteria(t *testing.T) {
	t.Parallel()
	eachServer(t, func(t *testing.T, ts *testServer) {
		leader := ts.browser(t)
		leader.login("tanhoa.lanhdao")
		csrf := leader.csrf("/thi-dua?nam=2025")
		if st, _ := leader.postEvidence(csrf, demo.TanHoa, "1.1", "ke-hoach.pdf", []byte(testPDF)); st != http.StatusSeeOther {
			t.Fatalf("evidence: got %d, want 303", st)
		}
		if st, _ := leader.postEvidence(csrf, demo.TanHoa, "1.1", "ghi-chu.pdf", []byte("chỉ là văn bản")); st != http.StatusBadRequest && st != http.StatusUnsupportedMediaType {
			t.Errorf("a text file as evidence: got %d", st)
		}
		if st, _ := leader.postEvidence(csrf, "H40.12.07", "1.1", "ke-hoach.pdf", []byte(testPDF)); st != http.StatusForbidden {
			t.Errorf("evidence for another commune: got %d, want 403", st)
		}
		_, page := leader.get("/thi-dua?nam=2025")
		m := regexp.MustCompile(`href="(/thi-dua/minh-chung/\d+)">ke-hoach.pdf<`).FindStringSubmatch(page)
		if m == nil {
			t.Fatal("the scorecard does not list the evidence")
		}
		inspector := ts.browser(t)
		inspector.login("tinh.giamsat")
		if st, body := inspector.get(m[1]); st != http.StatusOK || !strings.HasPrefix(body, "%PDF") {
			t.Errorf("inspector downloads the evidence: %d", st)
		}
		other := ts.browser(t)
		other.login("phuocan.lanhdao")
		if st, _ := other.get(m[1]); st != http.StatusForbidden {
			t.Errorf("another commune downloads the evidence: %d, want 403", st)
		}

		// Criteria: administrators only; the sums must hold.
		doc := `{"name":"Bộ tiêu chí thử","criteria":[{"code":"A","name":"Nhóm","max_points":10,"children":[` +
			`{"code":"A1","name":"Tự chấm","max_points":4},{"code":"A2","name":"Đúng hạn","max_points":6,"source":"766:2.1"}]}]}`
		if st, _, _ := leader.post("/thi-dua/tieu-chi", url.Values{"csrf": {csrf}, "nam": {"2030"}, "doc": {doc}}); st != http.StatusForbidden {
			t.Errorf("a leader edited the criteria: %d", st)
		}
		admin := ts.browser(t)
		admin.login("admin")
		token := admin.csrf("/thi-dua/tieu-chi?nam=2030")
		bad := strings.Replace(doc, `"max_points":4`, `"max_points":5`, 1)
		if st, _, body := admin.post("/thi-dua/tieu-chi", url.Values{"csrf": {token}, "nam": {"2030"}, "doc": {bad}}); st != http.StatusBadRequest || !strings.Contains(body, "tổng của các tiêu chí con") {
			t.Errorf("inconsistent tree: got %d", st)
		}
		if st, loc, _ := admin.post("/thi-dua/tieu-chi", url.Values{"csrf": {token}, "nam": {"2030"}, "doc": {doc}}); st != http.StatusSeeOther {
			t.Fatalf("save criteria: got %d %s", st, loc)
		}
		if _, body := admin.get("/thi-dua/tieu-chi?nam=2030"); !strings.Contains(body, "Bộ tiêu chí thử") || strings.Contains(body, "Bộ tiêu chí minh họa") {
			t.Error("the saved criteria are not the year's")
		}
		if _, body := leader.get("/thi-dua?nam=2030"); !strings.Contains(body, "A2. Đúng hạn") || !strings.Contains(body, "chưa có dữ liệu") {
			t.Error("the scorecard of 2030 does not use the saved criteria")
		}
	})
}
