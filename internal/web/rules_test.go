package web_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"motcua/internal/demo"
	"motcua/internal/store/storetest"
)

// TestRulesBelowHTTP checks the access and concurrency rules that the pages and the API
// share, through the API: they live in one place, so no surface can drift from another.
func TestRulesBelowHTTP(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			e := newDossierEnv(t, d)
			t.Run("inspector cannot attach", func(t *testing.T) { testInspectorAttach(t, e) })
			t.Run("stale version", func(t *testing.T) { testStaleVersion(t, e) })
			t.Run("transfer and assign targets", func(t *testing.T) { testActionTargets(t, e) })
		})
	}
}

// attach posts one PDF to a dossier through the API as user.
func (e *dossierEnv) attach(t *testing.T, user, code string) (int, []byte) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	w, _ := mw.CreateFormFile("file", "ban-chup.pdf")
	w.Write([]byte(testPDF))
	mw.Close()
	return e.send(t, user, "POST", "/api/v1/dossiers/"+code+"/attachments", mw.FormDataContentType(), &body)
}

// version reads the dossier's current version as an officer sees it.
func (e *dossierEnv) version(t *testing.T, code string) int {
	t.Helper()
	st, body := e.call(t, "admin", "GET", "/api/v1/dossiers/"+code, nil)
	if st != http.StatusOK {
		t.Fatalf("get %s: got %d %s", code, st, body)
	}
	return decode[struct {
		Version int `json:"version"`
	}](t, body).Version
}

func testInspectorAttach(t *testing.T, e *dossierEnv) {
	c := e.receive(t)
	if st, body := e.attach(t, "tinh.giamsat", c.Code); st != http.StatusForbidden {
		t.Errorf("inspector attaches to an open dossier: got %d %s, want 403", st, body)
	}
	if st, body := e.act(t, "tanhoa.motcua", c.Code, map[string]any{"action": "withdraw", "reason": "Người nộp xin rút."}); st != http.StatusOK {
		t.Fatalf("withdraw: got %d %s", st, body)
	}
	if st, body := e.attach(t, "tinh.giamsat", c.Code); st != http.StatusForbidden {
		t.Errorf("inspector attaches to a withdrawn dossier: got %d %s, want 403", st, body)
	}
	if st, body := e.attach(t, "tanhoa.motcua", c.Code); st != http.StatusForbidden {
		t.Errorf("desk attaches to a withdrawn dossier: got %d %s, want 403", st, body)
	}
	st, body := e.call(t, "admin", "GET", "/api/v1/dossiers/"+c.Code+"/attachments", nil)
	if st != http.StatusOK || !bytes.Contains(body, []byte(`"items":[]`)) {
		t.Errorf("files after the refusals: got %d %s, want none", st, body)
	}
	open := e.receive(t)
	if st, body := e.attach(t, "tanhoa.motcua", open.Code); st != http.StatusCreated {
		t.Errorf("desk attaches to an open dossier: got %d %s, want 201", st, body)
	}
}

func testStaleVersion(t *testing.T, e *dossierEnv) {
	c := e.receive(t)
	v := e.version(t, c.Code)
	if v != 1 {
		t.Fatalf("new dossier: got version %d, want 1", v)
	}
	var wg sync.WaitGroup
	codes := make([]int, 2)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i], _ = e.act(t, "admin", c.Code, map[string]any{"action": "forward", "version": v})
		}()
	}
	wg.Wait()
	ok, conflict := 0, 0
	for _, st := range codes {
		switch st {
		case http.StatusOK:
			ok++
		case http.StatusConflict:
			conflict++
		}
	}
	if ok != 1 || conflict != 1 {
		t.Errorf("two forwards on version %d: got statuses %v, want one 200 and one 409", v, codes)
	}
	if got := e.version(t, c.Code); got != 2 {
		t.Errorf("after the race: got version %d, want 2 (one step taken)", got)
	}

	// Two desk officers accepting the same online dossier: the second is told that the
	// dossier changed, not that their role is not allowed.
	st, body := e.call(t, "admin", "POST", "/api/v1/dossiers", map[string]any{
		"procedure_code": testProcedure, "unit_code": demo.TanHoa, "channel": "online", "applicant": applicant()})
	if st != http.StatusCreated {
		t.Fatalf("online dossier: got %d %s", st, body)
	}
	online := decode[created](t, body)
	if st, body := e.act(t, "tanhoa.motcua", online.Code, map[string]any{"action": "accept", "version": 1}); st != http.StatusOK {
		t.Fatalf("first accept: got %d %s", st, body)
	}
	st, body = e.act(t, "tanhoa.motcua", online.Code, map[string]any{"action": "accept", "version": 1})
	if st != http.StatusConflict || decode[apiErrorBody](t, body).Error.Code != "conflict" {
		t.Errorf("second accept on the old version: got %d %s, want 409 conflict", st, body)
	}
	if st, body := e.act(t, "tanhoa.motcua", online.Code, map[string]any{"action": "forward", "version": -3}); st != http.StatusBadRequest {
		t.Errorf("negative version: got %d %s, want 400", st, body)
	}
}

// apiErrorBody is the contract's JSON error.
type apiErrorBody struct {
	Error struct {
		Code   string            `json:"code"`
		Fields map[string]string `json:"fields"`
	} `json:"error"`
}

func testActionTargets(t *testing.T, e *dossierEnv) {
	c := e.receive(t)
	if st, body := e.act(t, "tanhoa.motcua", c.Code, map[string]any{"action": "forward"}); st != http.StatusOK {
		t.Fatalf("forward to the specialist: got %d %s", st, body)
	}
	before := e.version(t, c.Code)
	cases := []struct {
		name, user string
		body       map[string]any
		field      string
	}{
		{"transfer to no unit", "tanhoa.chuyenvien", map[string]any{"action": "transfer", "to_unit": "ZZZ-NOPE", "step_budget": 2}, "to_unit"},
		{"assign to no one", "tanhoa.lanhdao", map[string]any{"action": "assign", "assignee": "ai-do-khong-co"}, "assignee"},
		{"assign to another unit", "tanhoa.lanhdao", map[string]any{"action": "assign", "assignee": "phuocan.chuyenvien"}, "assignee"},
	}
	for _, tc := range cases {
		st, body := e.act(t, tc.user, c.Code, tc.body)
		if st != http.StatusBadRequest || decode[apiErrorBody](t, body).Error.Fields[tc.field] == "" {
			t.Errorf("%s: got %d %s, want 400 naming %s", tc.name, st, body, tc.field)
		}
	}
	if got := e.version(t, c.Code); got != before {
		t.Errorf("refused actions changed the dossier: version %d, want %d", got, before)
	}
	if st, body := e.act(t, "tanhoa.lanhdao", c.Code, map[string]any{"action": "assign", "assignee": "tanhoa.chuyenvien"}); st != http.StatusOK {
		t.Errorf("assign to the unit's specialist: got %d %s, want 200", st, body)
	}
}

// TestDraftSubmittedOnce submits one draft four times at once: one dossier is made.
func TestDraftSubmittedOnce(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			ts := onlineServer(t, d)
			ctx := context.Background()
			b := citizenSignedIn(t, ts, "minh@example.vn")
			const proc = "1.001193"
			path := "/nop-truc-tuyen/" + proc
			_, page := b.get(path)
			csrf := csrfRe.FindStringSubmatch(page)[1]
			for _, doc := range []string{"0", "1"} {
				if st, _, body := b.uploadFiles(path+"/attachments", map[string]string{"csrf": csrf, "doc": doc}, "giay.pdf", []byte(testPDF)); st != http.StatusSeeOther {
					t.Fatalf("upload %s: got %d %.300s", doc, st, body)
				}
			}
			// The page after the uploads carries its draft, as a browser would send it.
			_, page = b.get(path)
			m := regexp.MustCompile(`name="draft" value="(\d+)"`).FindStringSubmatch(page)
			if m == nil || m[1] == "0" {
				t.Fatalf("online form after uploads: no draft in the page")
			}
			form := onlineForm(t, ts, proc, url.Values{"csrf": {csrf}, "draft": {m[1]}, "unit": {"H40.12.05"}, "full_name": {"Lê Văn Minh"},
				"email": {"minh@example.vn"}, "phone": {"0912345679"}, "action": {"submit"}})
			var wg sync.WaitGroup
			locs := make([]string, 4)
			for i := range locs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_, locs[i], _ = b.post(path, form)
				}()
			}
			wg.Wait()
			made, code := 0, ""
			for _, loc := range locs {
				if rest, ok := strings.CutPrefix(loc, "/cong-dan/ho-so/"); ok && strings.Contains(rest, "da-nop") {
					made++
					code = strings.Split(rest, "?")[0]
				}
			}
			if made != 1 {
				t.Fatalf("four submissions of one draft: got %d redirects to a new dossier (%v), want 1", made, locs)
			}
			for _, loc := range locs {
				if loc != "/cong-dan/ho-so" && !strings.Contains(loc, "da-nop") {
					t.Errorf("a repeated submission: got %q, want the new dossier or the list of the citizen's dossiers", loc)
				}
			}
			owner, err := ts.Store.DossierOwner(ctx, code)
			if err != nil {
				t.Fatal(err)
			}
			list, err := ts.Store.CitizenDossiers(ctx, owner)
			if err != nil || len(list) != 1 {
				t.Errorf("dossiers of the citizen: got %d, %v, want 1", len(list), err)
			}
		})
	}
}

// TestBadBytesRefused sends a NUL byte to the public endpoints and an absurd page number
// to the audit log: both databases answer 400 (or the last page), never 500.
func TestBadBytesRefused(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			e := newDossierEnv(t, d)
			for _, path := range []string{"/api/v1/procedures?field=%00", "/api/v1/procedures?q=a%00b", "/api/v1/lookup/%00?key=x"} {
				st, body := e.call(t, "", "GET", path, nil)
				if st != http.StatusBadRequest || decode[apiErrorBody](t, body).Error.Code != "invalid" {
					t.Errorf("GET %s: got %d %s, want 400 invalid", path, st, body)
				}
			}
			st, body := e.call(t, "", "POST", "/api/v1/auth/token", `{"username":"tanhoa.motcua\u0000","password":"x"}`)
			if st != http.StatusBadRequest && st != http.StatusUnauthorized {
				t.Errorf("token with NUL: got %d %s, want 400 or 401", st, body)
			}
			st, body = e.call(t, "tanhoa.motcua", "POST", "/api/v1/dossiers", map[string]any{
				"procedure_code": testProcedure, "channel": "counter",
				"applicant": map[string]string{"full_name": "Nguyễn\x00 Văn A", "id_number": "079198765432", "address": "Tân Hòa"}})
			if st != http.StatusBadRequest {
				t.Errorf("dossier with NUL: got %d %s, want 400", st, body)
			}
			admin := e.browser(t, "admin")
			if page := e.page(t, admin, "/quan-tri/nhat-ky?trang=9223372036854775807"); !strings.Contains(page, "Nhật ký") {
				t.Errorf("audit log at a huge page: want the page, got %.200s", page)
			}
		})
	}
}
