package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"motcua/internal/app"
	"motcua/internal/calendar"
	"motcua/internal/demo"
	"motcua/internal/dossier"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
	"motcua/internal/web"
)

// ratingWeb is a server over the demo's base with its store at hand.
type ratingWeb struct {
	*dossierEnv
	st *store.Store
}

func newRatingWeb(t *testing.T, d store.Dialect) *ratingWeb {
	t.Helper()
	now := time.Date(2026, 3, 4, 9, 0, 0, 0, calendar.Zone())
	st := demoStore(t, d, func() time.Time { return now }, true)
	h, err := web.New(web.Config{Version: "test", BaseURL: "https://motcua.example.vn", DataDir: t.TempDir()}, st,
		slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &ratingWeb{dossierEnv: &dossierEnv{srv: srv, tokens: map[string]string{}}, st: st}
}

// returned receives a counter dossier at Tân Hòa and walks it to the result returned.
func (e *ratingWeb) returned(t *testing.T) created {
	t.Helper()
	c := e.receive(t)
	e.walk(t, c.Code, false)
	return c
}

func (e *ratingWeb) walk(t *testing.T, code string, online bool) {
	t.Helper()
	steps := [][2]string{{"tanhoa.motcua", "forward"}, {"tanhoa.chuyenvien", "forward"}, {"tanhoa.lanhdao", "forward"},
		{"tanhoa.motcua", "forward"}, {"tanhoa.motcua", "return_result"}}
	if online {
		steps = append([][2]string{{"tanhoa.motcua", "accept"}}, steps...)
	}
	for _, s := range steps {
		if st, body := e.act(t, s[0], code, map[string]any{"action": s[1]}); st != http.StatusOK {
			t.Fatalf("%s %s: got %d %s", s[0], s[1], st, body)
		}
	}
}

func TestRatingAPI(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			e := newRatingWeb(t, d)
			done, open := e.returned(t), e.receive(t)
			path := func(c created, key string) string {
				return "/api/v1/lookup/" + c.Code + "/rating?key=" + key
			}
			cases := []struct {
				name   string
				c      created
				key    string
				body   string
				status int
				code   string
			}{
				{"wrong key", done, "ABCDEFGH", `{"level":"satisfied"}`, http.StatusNotFound, "not_found"},
				{"unfinished", open, open.LookupKey, `{"level":"satisfied"}`, http.StatusConflict, "conflict"},
				{"bad level", done, done.LookupKey, `{"level":"great"}`, http.StatusBadRequest, "invalid"},
				{"comment too long", done, done.LookupKey, `{"level":"neutral","comment":"` + strings.Repeat("a", 1001) + `"}`, http.StatusBadRequest, "invalid"},
				{"rated", done, done.LookupKey, `{"level":"satisfied","criteria":{"attitude":"satisfied","time":"neutral"},"comment":"Nhanh gọn."}`, http.StatusCreated, ""},
				{"rated twice", done, done.LookupKey, `{"level":"dissatisfied"}`, http.StatusConflict, "conflict"},
			}
			for _, c := range cases {
				status, body := e.call(t, "", "POST", path(c.c, c.key), c.body)
				if status != c.status {
					t.Fatalf("%s: got %d %s, want %d", c.name, status, body, c.status)
				}
				if c.code != "" {
					ae := decode[apiError](t, body)
					if ae.Error.Code != c.code || ae.Error.Message == "" {
						t.Errorf("%s: got %+v, want %s with a message", c.name, ae.Error, c.code)
					}
					if c.code == "conflict" && !strings.Contains(ae.Error.Message, "đánh giá") {
						t.Errorf("%s: got %q, want a Vietnamese reason", c.name, ae.Error.Message)
					}
					continue
				}
				got := decode[struct {
					Code, Level, Channel, Comment string
					Criteria                      map[string]string
				}](t, body)
				if got.Code != done.Code || got.Level != "satisfied" || got.Channel != "lookup" || got.Criteria["time"] != "neutral" {
					t.Errorf("got %+v", got)
				}
			}
			// The wrong key answers like the lookup itself.
			_, lookupBody := e.call(t, "", "GET", "/api/v1/lookup/"+done.Code+"?key=ABCDEFGH", nil)
			_, rateBody := e.call(t, "", "POST", path(done, "ABCDEFGH"), `{"level":"satisfied"}`)
			if decode[apiError](t, lookupBody).Error.Message != decode[apiError](t, rateBody).Error.Message {
				t.Errorf("wrong key: got %s, want the lookup's %s", rateBody, lookupBody)
			}
			status, body := e.call(t, "", "GET", path(done, done.LookupKey), nil)
			if status != http.StatusOK || !strings.Contains(string(body), `"level":"satisfied"`) || strings.Contains(string(body), "tanhoa.") {
				t.Errorf("GET rating: got %d %s, want the rating without officers", status, body)
			}
			// The officer's dossier page shows the rating with its officers.
			page := e.page(t, e.browser(t, "tanhoa.lanhdao"), "/ho-so/"+done.Code)
			if !strings.Contains(page, "Đánh giá mức độ hài lòng") || !strings.Contains(page, "Nhanh gọn.") || !strings.Contains(page, "tanhoa.chuyenvien") {
				t.Errorf("dossier page lacks the rating")
			}
		})
	}
}

func TestRatingPages(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			e := newRatingWeb(t, d)
			t.Run("lookup page", func(t *testing.T) {
				c := e.returned(t)
				anon := &http.Client{Jar: mustJar(), CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
				lookup := "/tra-cuu/" + c.Code + "?key=" + c.LookupKey
				page := e.page(t, anon, lookup)
				if !strings.Contains(page, `action="/tra-cuu/`+c.Code+`/danh-gia"`) {
					t.Fatal("the lookup page of a returned dossier has no rating form")
				}
				form := url.Values{"csrf": {csrfOf(t, page)}, "key": {c.LookupKey}, "level": {"neutral"}, "crit_guidance": {"dissatisfied"}}
				res, _ := post(t, anon, e.srv.URL+"/tra-cuu/"+c.Code+"/danh-gia", form)
				if res.StatusCode != http.StatusSeeOther {
					t.Fatalf("rate: got %d, want 303", res.StatusCode)
				}
				page = e.page(t, anon, lookup)
				if strings.Contains(page, `/danh-gia"`) || !strings.Contains(page, "Bình thường") || !strings.Contains(page, "Hướng dẫn, giải thích: Không hài lòng") {
					t.Error("after rating, the page still offers the form or lacks the rating")
				}
				res, body := post(t, anon, e.srv.URL+"/tra-cuu/"+c.Code+"/danh-gia", form)
				if res.StatusCode != http.StatusConflict || !strings.Contains(body, "chỉ được đánh giá một lần") {
					t.Errorf("twice: got %d, want 409 with the reason", res.StatusCode)
				}
				form.Set("key", "ABCDEFGH")
				if res, _ := post(t, anon, e.srv.URL+"/tra-cuu/"+c.Code+"/danh-gia", form); res.StatusCode != http.StatusNotFound {
					t.Errorf("wrong key: got %d, want 404", res.StatusCode)
				}
			})
			t.Run("citizen account", func(t *testing.T) {
				cz := verifiedCitizen(t, e.st, "tam@example.vn")
				p, err := e.st.Procedure(context.Background(), testProcedure)
				if err != nil {
					t.Fatal(err)
				}
				n := app.NewDossierFor(p, demo.TanHoa, dossier.ChannelOnline)
				n.Applicant = dossier.Applicant{FullName: cz.FullName, Email: "tam@example.vn"}
				n.Actor, n.Role = cz.Actor(), dossier.RoleApplicant
				sd, err := e.st.CreateDossier(context.Background(), n, store.Write{})
				if err != nil {
					t.Fatal(err)
				}
				code := sd.Record.Code
				c := &http.Client{Jar: mustJar(), CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
				login := e.page(t, c, "/cong-dan/dang-nhap")
				if res, _ := post(t, c, e.srv.URL+"/cong-dan/dang-nhap", url.Values{"csrf": {csrfOf(t, login)}, "login": {"tam@example.vn"}, "password": {"mật-khẩu-công-dân"}}); res.StatusCode != http.StatusSeeOther {
					t.Fatalf("citizen login: got %d", res.StatusCode)
				}
				page := e.page(t, c, "/cong-dan/ho-so/"+code)
				if strings.Contains(page, "/danh-gia\"") {
					t.Error("an unfinished dossier offers the rating form")
				}
				res, _ := post(t, c, e.srv.URL+"/cong-dan/ho-so/"+code+"/danh-gia", url.Values{"csrf": {csrfOf(t, page)}, "level": {"satisfied"}})
				if res.StatusCode != http.StatusConflict {
					t.Errorf("unfinished: got %d, want 409", res.StatusCode)
				}
				e.walk(t, code, true)
				page = e.page(t, c, "/cong-dan/ho-so/"+code)
				res, _ = post(t, c, e.srv.URL+"/cong-dan/ho-so/"+code+"/danh-gia", url.Values{"csrf": {csrfOf(t, page)}, "level": {"satisfied"}, "comment": {"Rất hài lòng."}})
				if res.StatusCode != http.StatusSeeOther {
					t.Fatalf("rate: got %d, want 303", res.StatusCode)
				}
				rt, err := e.st.DossierRating(context.Background(), code)
				if err != nil || rt.Channel != "citizen" || rt.Comment != "Rất hài lòng." {
					t.Errorf("stored: got %+v %v", rt, err)
				}
			})
			t.Run("kiosk", func(t *testing.T) {
				c := e.returned(t)
				k := &http.Client{Jar: mustJar(), CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
				home := "/danh-gia/" + demo.TanHoa
				page := e.page(t, k, home)
				if !strings.Contains(page, "autofocus") || strings.Contains(page, "Đăng nhập cán bộ") {
					t.Fatal("the kiosk page has no focused scan field, or shows the site's menu")
				}
				csrf := csrfOf(t, page)
				scan := app.LookupURL("https://motcua.example.vn", c.Code, c.LookupKey)
				res, body := post(t, k, e.srv.URL+home, url.Values{"csrf": {csrf}, "scan": {scan}})
				if res.StatusCode != http.StatusOK || !strings.Contains(body, `value="dissatisfied"`) {
					t.Fatalf("scan: got %d, want the three levels", res.StatusCode)
				}
				res, body = post(t, k, e.srv.URL+home+"/xac-nhan", url.Values{"csrf": {csrf}, "code": {c.Code}, "key": {c.LookupKey}, "level": {"satisfied"}})
				if res.StatusCode != http.StatusOK || !strings.Contains(body, "Gửi đánh giá") {
					t.Fatalf("choose: got %d", res.StatusCode)
				}
				res, body = post(t, k, e.srv.URL+home+"/gui", url.Values{"csrf": {csrf}, "code": {c.Code}, "key": {c.LookupKey}, "level": {"satisfied"}})
				if res.StatusCode != http.StatusOK || !strings.Contains(body, "Cảm ơn") || !strings.Contains(body, `http-equiv="refresh"`) {
					t.Fatalf("send: got %d, want thanks and a reset", res.StatusCode)
				}
				if rt, err := e.st.DossierRating(context.Background(), c.Code); err != nil || rt.Channel != "kiosk" {
					t.Errorf("stored: got %+v %v", rt, err)
				}
				// Typed by hand a second time: already rated.
				res, body = post(t, k, e.srv.URL+home, url.Values{"csrf": {csrf}, "code": {strings.ToLower(c.Code)}, "key": {c.LookupKey}})
				if res.StatusCode != http.StatusConflict || !strings.Contains(body, "một lần") {
					t.Errorf("again: got %d, want 409", res.StatusCode)
				}
				// Another unit's kiosk does not rate it; an unknown unit has no kiosk.
				res, _ = post(t, k, e.srv.URL+"/danh-gia/H40.12.07", url.Values{"csrf": {csrf}, "scan": {scan}})
				if res.StatusCode != http.StatusNotFound {
					t.Errorf("other unit: got %d, want 404", res.StatusCode)
				}
				if res, _ := k.Get(e.srv.URL + "/danh-gia/KHONG-CO"); res.StatusCode != http.StatusNotFound {
					t.Errorf("unknown unit: got %d, want 404", res.StatusCode)
				}
			})
			t.Run("leaders' page", func(t *testing.T) {
				page := e.page(t, e.browser(t, "tanhoa.lanhdao"), "/bao-cao/danh-gia?from=2026-03-01&to=2026-03-31")
				for _, want := range []string{"Theo cán bộ", "Trần Văn Hùng", "Theo thủ tục", testProcedure, "Tổng số: <strong>3</strong>"} {
					if !strings.Contains(page, want) {
						t.Errorf("leaders' page lacks %q", want)
					}
				}
				res, err := e.browser(t, "tanhoa.motcua").Get(e.srv.URL + "/bao-cao/danh-gia")
				if err != nil {
					t.Fatal(err)
				}
				res.Body.Close()
				if res.StatusCode != http.StatusForbidden {
					t.Errorf("one-stop officer: got %d, want 403", res.StatusCode)
				}
			})
		})
	}
}

func mustJar() http.CookieJar {
	j, _ := cookiejar.New(nil)
	return j
}
