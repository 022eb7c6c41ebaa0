package web_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/demo"
	"motcua/internal/store/storetest"
)

// TestApologyKeepsLateness: a dossier extended with an apology and finished after its
// legal appointment but before the new one is late in the API, the public lookup and the
// dossier book, while the applicant and the inbox see the new appointment.
func TestApologyKeepsLateness(t *testing.T) {
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
