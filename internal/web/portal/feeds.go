package portal

import (
	"encoding/xml"
	"net/http"
	"strconv"
	"time"

	"motcua/internal/fault"
	"motcua/internal/portal"
	"motcua/internal/web/kit"
)

// Atom 1.0 (RFC 4287) as this site writes it.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
	Type string `xml:"type,attr,omitempty"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr"`
}

type atomEntry struct {
	ID        string       `xml:"id"`
	Title     string       `xml:"title"`
	Updated   string       `xml:"updated"`
	Published string       `xml:"published"`
	Link      atomLink     `xml:"link"`
	Summary   string       `xml:"summary"`
	Category  atomCategory `xml:"category"`
	Author    atomPerson   `xml:"author"`
}

// feedSize is the number of entries of a feed.
const feedSize = 30

// handleFeed writes the Atom feed of the site's news, or of one category.
func (s *Server) handleFeed(w http.ResponseWriter, r *http.Request) {
	cat := portal.Category{Name: "Tin tức, thông báo"}
	if slug := r.PathValue("cat"); slug != "" {
		c, ok := portal.CategoryBySlug(slug)
		if !ok || !c.Listed {
			s.PageError(w, r, fault.New(fault.NotFound, "Không có chuyên mục này."))
			return
		}
		cat = c
	}
	site := s.SiteUnit(r)
	list, _, err := s.App.LiveArticles(r.Context(), site.Code, cat.Slug, "", feedSize, 0)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	base := s.baseURL(r)
	self := base + r.URL.Path
	f := atomFeed{ID: self, Title: site.Name + " – " + cat.Name, Author: atomPerson{site.Name},
		Links: []atomLink{{Rel: "self", Href: self, Type: "application/atom+xml"}, {Rel: "alternate", Href: base + "/", Type: "text/html"}}}
	updated := time.Unix(0, 0).UTC()
	for _, a := range list {
		if a.PublishAt.After(updated) {
			updated = a.PublishAt
		}
		f.Entries = append(f.Entries, atomEntry{
			ID: "tag:" + r.Host + ",2026:bai-viet-" + strconv.FormatInt(a.ID, 10), Title: a.Title,
			Updated: a.PublishAt.UTC().Format(time.RFC3339), Published: a.PublishAt.UTC().Format(time.RFC3339),
			Link:    atomLink{Rel: "alternate", Href: base + a.Path(), Type: "text/html"},
			Summary: a.Summary, Category: atomCategory{Term: a.Category, Label: a.CategoryName()},
			Author: atomPerson{a.UnitName},
		})
	}
	f.Updated = updated.Format(time.RFC3339)
	writeXML(w, "application/atom+xml; charset=utf-8", f)
}

func writeXML(w http.ResponseWriter, ct string, v any) {
	out, err := xml.MarshalIndent(v, "", " ")
	if err != nil {
		http.Error(w, "Hệ thống gặp sự cố.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "public, max-age=300")
	w.Write([]byte(xml.Header))
	w.Write(out)
}

type sitemapURLSet struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemapSize bounds the articles in the sitemap (the protocol allows 50,000 URLs).
const sitemapSize = 1000

// handleSitemap lists the site's public pages for search engines (sitemaps.org 0.9).
func (s *Server) handleSitemap(w http.ResponseWriter, r *http.Request) {
	site := s.SiteUnit(r)
	base := s.baseURL(r)
	set := sitemapURLSet{URLs: []sitemapURL{{Loc: base + "/"}, {Loc: base + "/thu-tuc"}, {Loc: base + "/tra-cuu"}, {Loc: base + "/lich"}}}
	for _, c := range portal.Categories() {
		if c.Listed {
			set.URLs = append(set.URLs, sitemapURL{Loc: base + "/chuyen-muc/" + c.Slug})
		}
	}
	for _, p := range portal.StaticPages {
		set.URLs = append(set.URLs, sitemapURL{Loc: base + "/trang/" + p.Slug})
	}
	list, _, err := s.App.LiveArticles(r.Context(), site.Code, "", "", 100, 0)
	for off := 100; err == nil && len(list) == off && off < sitemapSize; off += 100 {
		var more []portal.Article
		more, _, err = s.App.LiveArticles(r.Context(), site.Code, "", "", 100, off)
		list = append(list, more...)
	}
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	for _, a := range list {
		set.URLs = append(set.URLs, sitemapURL{Loc: base + a.Path(), LastMod: a.PublishAt.In(kit.Zone).Format("2006-01-02")})
	}
	writeXML(w, "application/xml; charset=utf-8", set)
}

// handleRobots lets search engines read the public pages, not the officers' or the
// citizens' ones.
func (s *Server) handleRobots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write([]byte("User-agent: *\nDisallow: /bien-tap\nDisallow: /ho-so\nDisallow: /tiep-nhan\nDisallow: /quan-tri\n" +
		"Disallow: /cong-dan\nDisallow: /tra-cuu/\nDisallow: /tep/\nDisallow: /api/\n\nSitemap: " + s.baseURL(r) + "/sitemap.xml\n"))
}

// newsItem is an entry of GET /api/v1/news (the contract).
type newsItem struct {
	ID          int64  `json:"id"`
	Title       string `json:"title"`
	Summary     string `json:"summary"`
	PublishedAt string `json:"published_at"`
	URL         string `json:"url"`
	Category    string `json:"category"`
}

// handleAPINews is GET /api/v1/news?limit= (public): the site's latest published
// articles; limit is 1–100 (default 10), anything else a 400.
func (s *Server) handleAPINews(w http.ResponseWriter, r *http.Request) {
	limit := 10
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100 {
			s.APIError(w, r, fault.WithFields("Tham số không hợp lệ.", map[string]string{"limit": "limit là số nguyên từ 1 đến 100."}))
			return
		}
		limit = n
	}
	site := s.SiteUnit(r)
	list, _, err := s.App.LiveArticles(r.Context(), site.Code, "", "", limit, 0)
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	base := s.baseURL(r)
	items := make([]newsItem, len(list))
	for i, a := range list {
		items[i] = newsItem{ID: a.ID, Title: a.Title, Summary: a.Summary, PublishedAt: a.PublishAt.UTC().Format(time.RFC3339),
			URL: base + a.Path(), Category: a.Category}
	}
	w.Header().Set("Cache-Control", "public, max-age=60")
	kit.WriteJSON(w, http.StatusOK, map[string]any{"items": items})
}
