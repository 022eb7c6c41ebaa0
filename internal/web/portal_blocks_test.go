package web_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"motcua/internal/demo"
)

// editIDs lists the ids and labels of a block's entries on its editing page, in order.
func editIDs(t *testing.T, b *browser, path string) (ids, labels []string) {
	t.Helper()
	_, page := b.get(path)
	re := regexp.MustCompile(`href="` + regexp.QuoteMeta(path) + `/(\d+)/sua" aria-label="Sửa: ([^"]+)"`)
	for _, m := range re.FindAllStringSubmatch(page, -1) {
		ids, labels = append(ids, m[1]), append(labels, m[2])
	}
	return ids, labels
}

// before reports whether a appears before b on the page, both present.
func before(page, a, b string) bool {
	i, j := strings.Index(page, a), strings.Index(page, b)
	return i >= 0 && j >= 0 && i < j
}

func TestPortalSlideshowEditing(t *testing.T) {
	t.Parallel()
	eachServer(t, func(t *testing.T, ts *testServer) {
		editor := ts.browser(t)
		editor.login("tanhoa.bientap")
		csrf := editor.csrf("/bien-tap/trinh-chieu")
		ids, alts := editIDs(t, editor, "/bien-tap/trinh-chieu")
		if len(ids) < 2 {
			t.Fatalf("demo slideshow: got %d slides, want at least 2", len(ids))
		}
		const alt = "Cán bộ hướng dẫn người dân tại quầy một cửa"
		form := map[string]string{"csrf": csrf, "alt": alt, "caption": "Quầy một cửa", "link": "/thu-tuc"}
		// HTML disguised as a JPEG is refused by its content, with the form kept.
		st, _, body := editor.multipartPost("/bien-tap/trinh-chieu", form, map[string][]byte{"image_file": []byte("<html><script>alert(1)</script></html>")})
		if st != 400 || !strings.Contains(body, "Chỉ nhận ảnh JPEG, PNG hoặc WebP") || !strings.Contains(body, `value="`+alt+`"`) {
			t.Errorf("disguised image: got %d, want 400 with the message and the form kept: %.300s", st, body)
		}
		bad := map[string]string{"csrf": csrf, "alt": " ", "link": "javascript:alert(1)"}
		st, _, body = editor.multipartPost("/bien-tap/trinh-chieu", bad, map[string][]byte{"image_file": portalPNG(t)})
		if st != 400 || !strings.Contains(body, "Vui lòng mô tả ảnh") || !strings.Contains(body, "không nhận javascript:") {
			t.Errorf("slide without alt and with a javascript: link: got %d, want 400 with both messages", st)
		}
		if st, _, _ := editor.multipartPost("/bien-tap/trinh-chieu", map[string]string{"alt": alt}, map[string][]byte{"image_file": portalPNG(t)}); st != 403 {
			t.Errorf("slide without csrf: got %d, want 403", st)
		}
		if got, _ := editIDs(t, editor, "/bien-tap/trinh-chieu"); len(got) != len(ids) {
			t.Fatalf("refused slides were stored: got %d slides, want %d", len(got), len(ids))
		}
		st, loc, body := editor.multipartPost("/bien-tap/trinh-chieu", form, map[string][]byte{"image_file": portalPNG(t)})
		if st != 303 || !strings.HasPrefix(loc, "/bien-tap/trinh-chieu?") {
			t.Fatalf("add slide: got %d %q, want 303: %.300s", st, loc, body)
		}
		got, labels := editIDs(t, editor, "/bien-tap/trinh-chieu")
		if len(got) != len(ids)+1 || labels[len(labels)-1] != alt {
			t.Fatalf("after adding: got %v, want the new slide last", labels)
		}
		id, last := got[len(got)-1], alts[len(alts)-1]
		visitor := ts.browser(t)
		_, home := visitor.get("/")
		if !before(home, last, alt) || !strings.Contains(home, `<a href="/thu-tuc">Quầy một cửa</a>`) {
			t.Errorf("home page lacks the new slide after %q", last)
		}

		// The picture is kept in the files store and served with the cache headers of before.
		m := regexp.MustCompile(`<img src="/anh/([a-f0-9]{16}-1200\.jpg)" alt="` + alt + `"`).FindStringSubmatch(home)
		if m == nil {
			t.Fatal("home page shows no picture for the new slide")
		}
		if f, err := ts.Store.PortalFile(context.Background(), m[1]); err != nil || f.SHA256 == "" || len(f.Data) != 0 {
			t.Errorf("slide picture: got sha %q and %d bytes in the database, %v; want it in the files store", f.SHA256, len(f.Data), err)
		}
		for _, name := range []string{m[1], strings.Replace(m[1], "-1200", "-400", 1)} {
			resp, err := http.Get(ts.URL + "/anh/" + name)
			if err != nil {
				t.Fatal(err)
			}
			data, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/jpeg" || !strings.Contains(resp.Header.Get("Cache-Control"), "immutable") ||
				resp.Header.Get("ETag") != `"`+name+`"` || !bytes.HasPrefix(data, []byte{0xff, 0xd8, 0xff}) {
				t.Errorf("%s: got %d %q %q %q, want a JPEG cached as immutable", name, resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Cache-Control"), resp.Header.Get("ETag"))
			}
		}
		req, _ := http.NewRequest("GET", ts.URL+"/anh/"+m[1], nil)
		req.Header.Set("If-None-Match", `"`+m[1]+`"`)
		if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 304 {
			t.Errorf("revalidation: got %v %v, want 304", resp, err)
		} else {
			resp.Body.Close()
		}

		if st, _, _ := editor.post("/bien-tap/trinh-chieu/"+id+"/len", url.Values{"csrf": {csrf}}); st != 303 {
			t.Fatalf("move up: got %d", st)
		}
		if _, home := visitor.get("/"); !before(home, alt, last) {
			t.Errorf("home page does not show the moved slide before %q", last)
		}

		// Another unit's editor may neither open, change, move nor delete it.
		other := ts.browser(t)
		other.login("phuocan.bientap")
		ocsrf := other.csrf("/bien-tap/trinh-chieu")
		if st, body := other.get("/bien-tap/trinh-chieu/" + id + "/sua"); st != 403 || !strings.Contains(body, "đơn vị mình") {
			t.Errorf("other unit opens the slide: got %d, want 403 with a message", st)
		}
		if st, _ := other.get("/bien-tap/trinh-chieu?don-vi=" + demo.TanHoa); st != 403 {
			t.Errorf("other unit lists the slides: got %d, want 403", st)
		}
		for _, action := range []string{"xoa", "xuong"} {
			if st, _, _ := other.post("/bien-tap/trinh-chieu/"+id+"/"+action, url.Values{"csrf": {ocsrf}}); st != 403 {
				t.Errorf("other unit %s: got %d, want 403", action, st)
			}
		}
		if st, _, _ := other.multipartPost("/bien-tap/trinh-chieu/"+id+"/sua", map[string]string{"csrf": ocsrf, "alt": "Bị sửa"}, nil); st != 403 {
			t.Errorf("other unit edits: got %d, want 403", st)
		}

		// The leader changes the caption and keeps the picture.
		leader := ts.browser(t)
		leader.login("tanhoa.lanhdao")
		lcsrf := leader.csrf("/bien-tap/trinh-chieu/" + id + "/sua")
		edit := map[string]string{"csrf": lcsrf, "alt": alt, "caption": "Quầy một cửa đón người dân từ 7 giờ", "link": "https://dichvucong.gov.vn"}
		if st, _, body := leader.multipartPost("/bien-tap/trinh-chieu/"+id+"/sua", edit, nil); st != 303 {
			t.Fatalf("edit slide: got %d: %.300s", st, body)
		}
		if _, home := visitor.get("/"); !strings.Contains(home, `<a href="https://dichvucong.gov.vn">Quầy một cửa đón người dân từ 7 giờ</a>`) || strings.Contains(home, "Bị sửa") {
			t.Errorf("home page lacks the edited caption")
		}

		if st, _, _ := editor.post("/bien-tap/trinh-chieu/"+id+"/xoa", url.Values{"csrf": {csrf}}); st != 303 {
			t.Fatalf("delete: got %d", st)
		}
		if _, home := visitor.get("/"); strings.Contains(home, alt) || !strings.Contains(home, last) {
			t.Errorf("home page still shows the deleted slide, or lost another")
		}
		if st, _, _ := editor.post("/bien-tap/trinh-chieu/"+id+"/xoa", url.Values{"csrf": {csrf}}); st != 404 {
			t.Errorf("delete again: got %d, want 404", st)
		}
	})
}

func TestPortalLinksEditing(t *testing.T) {
	t.Parallel()
	eachServer(t, func(t *testing.T, ts *testServer) {
		editor := ts.browser(t)
		editor.login("tanhoa.bientap")
		csrf := editor.csrf("/bien-tap/lien-ket")
		ids, titles := editIDs(t, editor, "/bien-tap/lien-ket")
		if len(ids) < 2 {
			t.Fatalf("demo links: got %d, want at least 2", len(ids))
		}
		for name, v := range map[string]url.Values{
			"javascript": {"title": {"Bấm vào đây"}, "url": {"javascript:alert(document.cookie)"}},
			"data":       {"title": {"Bấm vào đây"}, "url": {"data:text/html,<script>alert(1)</script>"}},
			"other host": {"title": {"Bấm vào đây"}, "url": {"//evil.test/"}},
			"no title":   {"title": {"  "}, "url": {"https://dichvucong.gov.vn"}},
			"too long":   {"title": {strings.Repeat("dài ", 60)}, "url": {"https://dichvucong.gov.vn"}},
		} {
			v.Set("csrf", csrf)
			st, _, body := editor.post("/bien-tap/lien-ket", v)
			if st != 400 || !strings.Contains(body, "Liên kết chưa hợp lệ") || !strings.Contains(body, `class="field-error"`) {
				t.Errorf("%s: got %d, want 400 with a message by the field", name, st)
			}
		}
		if got, _ := editIDs(t, editor, "/bien-tap/lien-ket"); len(got) != len(ids) {
			t.Fatalf("refused links were stored: got %d, want %d", len(got), len(ids))
		}
		const title = "Hỏi đáp thủ tục hành chính"
		st, _, _ := editor.post("/bien-tap/lien-ket", url.Values{"csrf": {csrf}, "title": {title}, "url": {"/tim-kiem?q=hoi+dap"}})
		if st != 303 {
			t.Fatalf("add link: got %d, want 303", st)
		}
		got, _ := editIDs(t, editor, "/bien-tap/lien-ket")
		id, last := got[len(got)-1], titles[len(titles)-1]
		visitor := ts.browser(t)
		if _, home := visitor.get("/"); !before(home, last, title) {
			t.Errorf("home page lacks the new link after %q", last)
		}
		if st, _, _ := editor.post("/bien-tap/lien-ket/"+id+"/len", url.Values{"csrf": {csrf}}); st != 303 {
			t.Fatalf("move up: got %d", st)
		}
		if _, home := visitor.get("/"); !before(home, title, last) {
			t.Errorf("home page does not show the moved link before %q", last)
		}

		other := ts.browser(t)
		other.login("phuocan.bientap")
		ocsrf := other.csrf("/bien-tap/lien-ket")
		if st, _, _ := other.post("/bien-tap/lien-ket/"+id+"/sua", url.Values{"csrf": {ocsrf}, "title": {"Bị sửa"}, "url": {"https://evil.test"}}); st != 403 {
			t.Errorf("other unit edits the link: got %d, want 403", st)
		}
		if st, _, _ := other.post("/bien-tap/lien-ket", url.Values{"csrf": {ocsrf}, "don-vi": {demo.TanHoa}, "title": {"Bị thêm"}, "url": {"https://evil.test"}}); st != 403 {
			t.Errorf("other unit adds to Tân Hòa: got %d, want 403", st)
		}

		// An administrator edits any unit's links.
		admin := ts.browser(t)
		admin.login("admin")
		acsrf := admin.csrf("/bien-tap/lien-ket?don-vi=" + demo.TanHoa)
		const renamed = "Hỏi đáp về thủ tục"
		if st, _, body := admin.post("/bien-tap/lien-ket/"+id+"/sua", url.Values{"csrf": {acsrf}, "title": {renamed}, "url": {"https://dichvucong.gov.vn/p/home/dvc-cau-hoi-pho-bien.html"}}); st != 303 {
			t.Fatalf("admin edits: got %d: %.300s", st, body)
		}
		_, home := visitor.get("/")
		if !strings.Contains(home, `<a href="https://dichvucong.gov.vn/p/home/dvc-cau-hoi-pho-bien.html" rel="noopener">`+renamed+`</a>`) || strings.Contains(home, "Bị sửa") || strings.Contains(home, "Bị thêm") {
			t.Errorf("home page lacks the renamed link or shows another unit's changes")
		}
		if st, _, _ := editor.post("/bien-tap/lien-ket/"+id+"/xoa", url.Values{"csrf": {csrf}}); st != 303 {
			t.Fatalf("delete: got %d", st)
		}
		if _, home := visitor.get("/"); strings.Contains(home, renamed) || !strings.Contains(home, last) {
			t.Errorf("home page still shows the deleted link, or lost another")
		}
	})
}
