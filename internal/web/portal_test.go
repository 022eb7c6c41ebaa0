package web_test

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// multipartPost submits a multipart form with files (field → name, content).
func (b *browser) multipartPost(path string, values map[string]string, files map[string][]byte) (int, string, string) {
	b.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range values {
		mw.WriteField(k, v)
	}
	for k, data := range files {
		fw, _ := mw.CreateFormFile(k, k+".jpg")
		fw.Write(data)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", b.base+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := b.client.Do(req)
	if err != nil {
		b.t.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Location"), string(body)
}

func portalPNG(t testing.TB) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 640, 360))
	for y := range 360 {
		for x := range 640 {
			img.Set(x, y, color.RGBA{uint8(x / 3), uint8(y / 2), 160, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The Atom 1.0 elements that RFC 4287 requires, read back.
type atomBack struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  []struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Links []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Category struct {
			Term string `xml:"term,attr"`
		} `xml:"category"`
	} `xml:"entry"`
}

func parseAtom(t *testing.T, body string) atomBack {
	t.Helper()
	var f atomBack
	if err := xml.Unmarshal([]byte(body), &f); err != nil {
		t.Fatalf("atom: %v\n%.500s", err, body)
	}
	if f.ID == "" || f.Title == "" || len(f.Author) == 0 || f.Author[0].Name == "" {
		t.Errorf("feed lacks id, title or author: %+v", f)
	}
	if _, err := time.Parse(time.RFC3339, f.Updated); err != nil {
		t.Errorf("feed updated %q: %v", f.Updated, err)
	}
	self := false
	for _, l := range f.Links {
		self = self || (l.Rel == "self" && strings.HasPrefix(l.Href, "http://motcua.test/"))
	}
	if !self {
		t.Errorf("feed has no absolute self link: %+v", f.Links)
	}
	ids := map[string]bool{}
	for _, e := range f.Entries {
		if e.ID == "" || e.Title == "" || !strings.HasPrefix(e.Link.Href, "http://motcua.test/") || ids[e.ID] {
			t.Errorf("entry lacks id, title or absolute link, or repeats its id: %+v", e)
		}
		ids[e.ID] = true
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
			t.Errorf("entry updated %q: %v", e.Updated, err)
		}
	}
	return f
}

type sitemapBack struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"url"`
}

func parseSitemap(t *testing.T, body string) map[string]bool {
	t.Helper()
	var s sitemapBack
	if err := xml.Unmarshal([]byte(body), &s); err != nil {
		t.Fatalf("sitemap: %v", err)
	}
	locs := map[string]bool{}
	for _, u := range s.URLs {
		if _, err := url.ParseRequestURI(u.Loc); err != nil || !strings.HasPrefix(u.Loc, "http://motcua.test/") {
			t.Errorf("sitemap loc %q is not an absolute address of the site", u.Loc)
		}
		if u.LastMod != "" {
			if _, err := time.Parse("2006-01-02", u.LastMod); err != nil {
				t.Errorf("lastmod %q: %v", u.LastMod, err)
			}
		}
		locs[u.Loc] = true
	}
	return locs
}

func TestPortalFeedsSitemapAndAPI(t *testing.T) {
	t.Parallel()
	eachServer(t, func(t *testing.T, ts *testServer) {
		b := ts.browser(t)
		st, body := b.get("/feed.atom")
		if st != 200 {
			t.Fatalf("feed: status %d", st)
		}
		f := parseAtom(t, body)
		if len(f.Entries) < 5 {
			t.Errorf("feed: got %d entries, want the demo's news and announcements", len(f.Entries))
		}
		for _, e := range f.Entries {
			if e.Category.Term == "trang" {
				t.Errorf("static page %q in the feed", e.Title)
			}
		}
		_, body = b.get("/chuyen-muc/thong-bao/feed.atom")
		cf := parseAtom(t, body)
		if len(cf.Entries) != 2 {
			t.Errorf("announcements feed: got %d entries, want 2", len(cf.Entries))
		}
		for _, e := range cf.Entries {
			if e.Category.Term != "thong-bao" {
				t.Errorf("announcements feed holds %q", e.Category.Term)
			}
		}
		if st, _ := b.get("/chuyen-muc/khong-co/feed.atom"); st != 404 {
			t.Errorf("unknown category feed: got %d, want 404", st)
		}

		_, body = b.get("/sitemap.xml")
		locs := parseSitemap(t, body)
		for _, want := range []string{"/", "/thu-tuc", "/chuyen-muc/tin-tuc", "/trang/gioi-thieu", "/tin/tan-hoa-hai-nam-lien-dan-dau-cai-cach-hanh-chinh"} {
			if !locs["http://motcua.test"+want] {
				t.Errorf("sitemap lacks %s", want)
			}
		}
		if _, body := b.get("/robots.txt"); !strings.Contains(body, "Sitemap: http://motcua.test/sitemap.xml") || !strings.Contains(body, "Disallow: /bien-tap") {
			t.Errorf("robots.txt: %q", body)
		}

		var news struct {
			Items []struct {
				ID          int64  `json:"id"`
				Title       string `json:"title"`
				Summary     string `json:"summary"`
				PublishedAt string `json:"published_at"`
				URL         string `json:"url"`
				Category    string `json:"category"`
			} `json:"items"`
		}
		if st := ts.api(t, "GET", "/api/v1/news?limit=3", "", "", &news); st != 200 || len(news.Items) != 3 {
			t.Fatalf("news: got %d with %d items, want 200 with 3", st, len(news.Items))
		}
		for _, it := range news.Items {
			if _, err := time.Parse(time.RFC3339, it.PublishedAt); err != nil || it.ID == 0 || it.Title == "" || it.Category == "" ||
				!strings.HasPrefix(it.URL, "http://motcua.test/tin/") {
				t.Errorf("news item %+v", it)
			}
		}
		var e apiError
		if st := ts.api(t, "GET", "/api/v1/news?limit=0", "", "", &e); st != 400 || e.Error.Code != "invalid" || e.Error.Fields["limit"] == "" {
			t.Errorf("limit=0: got %d %+v, want 400 invalid on limit", st, e)
		}
	})
}

var imgRe = regexp.MustCompile(`/anh/([a-f0-9]{16}-1200\.jpg)`)

func TestPortalPublicPages(t *testing.T) {
	t.Parallel()
	eachServer(t, func(t *testing.T, ts *testServer) {
		b := ts.browser(t)
		_, home := b.get("/")
		for _, want := range []string{"Thông báo", "Liên kết", "Cổng Dịch vụ công quốc gia", "Tin mới",
			"Tân Hòa hai năm liền dẫn đầu khu vực về cải cách hành chính", "Tìm thủ tục", `class="skip"`} {
			if !strings.Contains(home, want) {
				t.Errorf("home page lacks %q", want)
			}
		}
		st, art := b.get("/tin/tan-hoa-hai-nam-lien-dan-dau-cai-cach-hanh-chinh")
		for _, want := range []string{`property="og:title" content="Tân Hòa hai năm liền`, `property="og:image" content="http://motcua.test/anh/`,
			"187 thủ tục hành chính", "1.719 hồ sơ trực tuyến", "ISO 9001:2015", "1 lượt xem", "Cải cách hành chính", "<time"} {
			if !strings.Contains(art, want) {
				t.Errorf("article page (%d) lacks %q", st, want)
			}
		}
		if _, again := b.get("/tin/tan-hoa-hai-nam-lien-dan-dau-cai-cach-hanh-chinh"); !strings.Contains(again, "2 lượt xem") {
			t.Errorf("visit counter did not count the second visit")
		}
		m := imgRe.FindStringSubmatch(art)
		if m == nil {
			t.Fatal("article page has no picture")
		}
		resp, err := http.Get(ts.URL + "/anh/" + m[1])
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/jpeg" || !strings.Contains(resp.Header.Get("Cache-Control"), "immutable") {
			t.Errorf("image: got %d %q %q, want a JPEG cached as immutable", resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Cache-Control"))
		}
		for _, p := range []string{"/anh/bad.svg", "/anh/0123456789abcdef-1200.jpg", "/tin/khong-co-bai-nay", "/trang/tan-hoa-hai-nam-lien-dan-dau-cai-cach-hanh-chinh"} {
			if st, _ := b.get(p); st != 404 {
				t.Errorf("%s: got %d, want 404", p, st)
			}
		}
		if _, page := b.get("/trang/co-cau-to-chuc"); !strings.Contains(page, "<table>") || !strings.Contains(page, "Chủ tịch UBND") {
			t.Errorf("organisation page lacks its table of leaders")
		}
		if _, cat := b.get("/chuyen-muc/tin-tuc"); !strings.Contains(cat, "Ra mắt Trung tâm Phục vụ hành chính công") {
			t.Errorf("news category lacks its article")
		}
		_, found := b.get("/tim-kiem?q=" + url.QueryEscape("cai cach hanh chinh"))
		if !strings.Contains(found, "Tân Hòa hai năm liền") || !strings.Contains(found, "Thủ tục hành chính (") {
			t.Errorf("site search without accents misses the reform article")
		}
		if _, found := b.get("/tim-kiem?q=" + url.QueryEscape("khai sinh")); !strings.Contains(found, "/thu-tuc/") {
			t.Errorf("site search misses the procedures")
		}
	})
}

func TestPortalEditorWorkflow(t *testing.T) {
	t.Parallel()
	eachServer(t, func(t *testing.T, ts *testServer) {
		editor := ts.browser(t)
		editor.login("tanhoa.bientap")
		csrf := editor.csrf("/bien-tap/moi")
		form := map[string]string{"csrf": csrf, "category": "tin-tuc", "title": "Khánh thành nhà văn hóa tổ dân phố 5",
			"summary":   "Nhà văn hóa mới có phòng hỗ trợ nộp hồ sơ trực tuyến.",
			"body":      "Nội dung <script>alert(1)</script> có <a href=\"javascript:alert(2)\">liên kết xấu</a> và [liên kết xấu 2](javascript:alert(3)) <img src=x onerror=alert(4)>.",
			"image_alt": "Nhà văn hóa tổ dân phố 5"}
		// SVG disguised as an image is refused with a clear message.
		st, _, body := editor.multipartPost("/bien-tap/moi", form, map[string][]byte{"image_file": []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`)})
		if st != 400 || !strings.Contains(body, "SVG") {
			t.Errorf("svg upload: got %d, want 400 with a message about SVG", st)
		}
		st, loc, body := editor.multipartPost("/bien-tap/moi", form, map[string][]byte{"image_file": portalPNG(t)})
		if st != 303 {
			t.Fatalf("save: got %d, want 303: %.400s", st, body)
		}
		id := strings.TrimSuffix(strings.TrimPrefix(loc, "/bien-tap/"), "?da-luu=1")
		// The same slug again is refused.
		if st, _, body := editor.multipartPost("/bien-tap/moi", form, nil); st != 409 || !strings.Contains(body, "Đường dẫn") {
			t.Errorf("slug clash: got %d, want 409 with a message", st)
		}
		if st, _ := editor.get("/bien-tap/" + id + "/xem-truoc"); st != 200 {
			t.Errorf("preview: got %d", st)
		}
		if st, _, _ := editor.post("/bien-tap/"+id+"/gui-duyet", url.Values{"csrf": {csrf}}); st != 303 {
			t.Fatalf("submit: got %d", st)
		}
		if st, _, body := editor.post("/bien-tap/"+id+"/duyet", url.Values{"csrf": {csrf}}); st != 403 || !strings.Contains(body, "không được tự đăng") {
			t.Errorf("editor publishes: got %d, want 403 with a message", st)
		}
		other := ts.browser(t)
		other.login("phuocan.bientap")
		if st, _ := other.get("/bien-tap/" + id); st != 403 {
			t.Errorf("another unit's editor: got %d, want 403", st)
		}
		if st, _ := editor.get("/tin/khanh-thanh-nha-van-hoa-to-dan-pho-5"); st != 404 {
			t.Errorf("unapproved article is public: %d", st)
		}
		leader := ts.browser(t)
		leader.login("tanhoa.lanhdao")
		lcsrf := leader.csrf("/bien-tap/" + id)
		far := time.Now().AddDate(1, 2, 0).In(time.FixedZone("ICT", 7*3600)).Format("2006-01-02T15:04")
		if st, _, body := leader.post("/bien-tap/"+id+"/duyet", url.Values{"csrf": {lcsrf}, "publish_at": {far}}); st != 400 || !strings.Contains(body, "một năm") {
			t.Errorf("publication beyond a year: got %d, want 400", st)
		}
		if st, _, _ := leader.post("/bien-tap/"+id+"/duyet", url.Values{"csrf": {lcsrf}}); st != 303 {
			t.Fatalf("approve: got %d", st)
		}
		st, page := ts.browser(t).get("/tin/khanh-thanh-nha-van-hoa-to-dan-pho-5")
		if st != 200 || !strings.Contains(page, "Nhà văn hóa tổ dân phố 5") {
			t.Fatalf("published article: got %d", st)
		}
		low := strings.ToLower(page)
		for _, bad := range []string{"alert(1)</script>", "javascript:", "onerror"} {
			if strings.Contains(low, bad) {
				t.Errorf("published page holds %q", bad)
			}
		}
		_, home := ts.browser(t).get("/")
		_, feed := ts.browser(t).get("/feed.atom")
		_, sitemap := ts.browser(t).get("/sitemap.xml")
		for name, body := range map[string]string{"home": home, "feed": feed, "sitemap": sitemap} {
			if !strings.Contains(body, "khanh-thanh-nha-van-hoa-to-dan-pho-5") {
				t.Errorf("%s lacks the new article", name)
			}
		}
		var e struct{ Items []struct{ Title string } }
		ts.api(t, "GET", "/api/v1/news?limit=1", "", "", &e)
		if len(e.Items) != 1 || e.Items[0].Title != "Khánh thành nhà văn hóa tổ dân phố 5" {
			t.Errorf("news API: got %+v, want the new article first", e)
		}
	})
}

func TestPortalDocumentOfDirection(t *testing.T) {
	t.Parallel()
	ts := newServer(t, "sqlite")
	b := ts.browser(t)
	_, page := b.get("/tin/ke-hoach-cai-cach-hanh-chinh-nam")
	for _, want := range []string{"45/KH-UBND", "2026-01-15", "Lê Quang Vinh", "Tải văn bản (PDF)"} {
		if !strings.Contains(page, want) {
			t.Errorf("document page lacks %q", want)
		}
	}
	m := regexp.MustCompile(`/tai-lieu/([a-f0-9]{16}\.pdf)`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no attached file link")
	}
	resp, err := http.Get(ts.URL + m[0])
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Errorf("attached file: got %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	// A PDF is not served as an image, nor an image as a document.
	if st, _ := b.get("/anh/" + m[1]); st != 404 {
		t.Errorf("pdf under /anh/: got %d, want 404", st)
	}
}

func TestPortalBodyImage(t *testing.T) {
	t.Parallel()
	ts := newServer(t, "sqlite")
	editor := ts.browser(t)
	editor.login("tanhoa.bientap")
	csrf := editor.csrf("/bien-tap/moi")
	st, _, body := editor.multipartPost("/bien-tap/anh", map[string]string{"csrf": csrf, "alt": "Quầy [một cửa]", "back": "//evil.test"},
		map[string][]byte{"image_file": portalPNG(t)})
	if st != 200 || !regexp.MustCompile(`!\(Quầy \(một cửa\)\)\(/anh/[a-f0-9]{16}-1200\.jpg\)|!\[Quầy \(một cửa\)\]\(/anh/[a-f0-9]{16}-1200\.jpg\)`).MatchString(body) {
		t.Errorf("body image: got %d, want the Markdown line: %.300s", st, body)
	}
	if strings.Contains(body, "evil.test") {
		t.Errorf("back link leads off the site")
	}
	leader := ts.browser(t)
	leader.login("tanhoa.lanhdao")
	lcsrf := leader.csrf("/bien-tap")
	if st, _, _ := leader.multipartPost("/bien-tap/anh", map[string]string{"csrf": lcsrf, "alt": "x"}, map[string][]byte{"image_file": portalPNG(t)}); st != 403 {
		t.Errorf("leader uploads: got %d, want 403", st)
	}
}
