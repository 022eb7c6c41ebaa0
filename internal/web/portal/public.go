package portal

import (
	"html/template"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"motcua/internal/app"
	"motcua/internal/fault"
	"motcua/internal/picture"
	"motcua/internal/portal"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// pageSize is the number of articles on a page of a category.
const pageSize = 10

// articleView is an article with what its pages show besides its fields.
type articleView struct {
	portal.Article
	URL   string
	Thumb string
	HTML  template.HTML
}

func view(a portal.Article) articleView {
	v := articleView{Article: a, URL: a.Path()}
	if a.Image != "" {
		v.Thumb = picture.Thumb(a.Image)
	}
	return v
}

func views(list []portal.Article) []articleView {
	out := make([]articleView, len(list))
	for i, a := range list {
		out[i] = view(a)
	}
	return out
}

// baseURL is the site's public address: the configured one, else the request's.
func (s *Server) baseURL(r *http.Request) string {
	if s.Cfg.BaseURL != "" {
		return strings.TrimRight(s.Cfg.BaseURL, "/")
	}
	scheme := "http"
	if kit.IsHTTPS(r) {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func (s *Server) handleArticle(w http.ResponseWriter, r *http.Request) {
	s.showArticle(w, r, false)
}

func (s *Server) handleStaticPage(w http.ResponseWriter, r *http.Request) {
	s.showArticle(w, r, true)
}

func (s *Server) showArticle(w http.ResponseWriter, r *http.Request, static bool) {
	site := s.SiteUnit(r)
	art, err := s.App.ReadArticle(r.Context(), site.Code, r.PathValue("slug"))
	if err == nil && (art.Category == portal.Page) != static {
		err = fault.New(fault.NotFound, "Không tìm thấy bài viết.")
	}
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	v := view(art)
	v.HTML = app.Markup().HTML(art.Body)
	var related []articleView
	if !static {
		list, _, err := s.App.LiveArticles(r.Context(), art.UnitCode, art.Category, "", 6, 0)
		if err == nil {
			for _, x := range list {
				if x.ID != art.ID && len(related) < 5 {
					related = append(related, view(x))
				}
			}
		}
	}
	base := s.baseURL(r)
	og := map[string]string{"title": art.Title, "description": art.Summary, "url": base + art.Path(), "type": "article"}
	if art.Image != "" {
		og["image"] = base + "/anh/" + art.Image
	}
	s.Render(w, r, http.StatusOK, "portal_article.html", map[string]any{
		"Title": art.Title, "Article": v, "Related": related, "OG": og, "Static": static,
	})
}

func (s *Server) handleCategory(w http.ResponseWriter, r *http.Request) {
	cat, ok := portal.CategoryBySlug(r.PathValue("cat"))
	if !ok || !cat.Listed {
		s.PageError(w, r, fault.New(fault.NotFound, "Không có chuyên mục này."))
		return
	}
	page, _ := strconv.Atoi(r.URL.Query().Get("trang"))
	page = max(1, min(page, 10_000))
	site := s.SiteUnit(r)
	list, total, err := s.App.LiveArticles(r.Context(), site.Code, cat.Slug, "", pageSize, (page-1)*pageSize)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	next := 0
	if page*pageSize < total {
		next = page + 1
	}
	s.Render(w, r, http.StatusOK, "portal_category.html", map[string]any{
		"Title": cat.Name, "Category": cat, "Items": views(list), "Total": total,
		"Page": page, "Prev": page - 1, "Next": next,
	})
}

// handleSearch searches the articles and the procedures with the same folding
// (accent-insensitive).
func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if len(q) > 200 {
		s.PageError(w, r, fault.New(fault.Invalid, "Từ khóa tìm kiếm tối đa 200 ký tự."))
		return
	}
	data := map[string]any{"Title": "Tìm kiếm", "Q": q}
	if q != "" {
		site := s.SiteUnit(r)
		arts, total, err := s.App.LiveArticles(r.Context(), site.Code, "", q, 20, 0)
		if err != nil {
			s.PageError(w, r, err)
			return
		}
		procs, ptotal, err := s.Store.SearchProcedures(r.Context(), store.ProcedureQuery{Q: q, Limit: 20})
		if err != nil {
			s.PageError(w, r, err)
			return
		}
		data["Articles"], data["ArticleTotal"] = views(arts), total
		data["Procedures"], data["ProcedureTotal"] = kit.SummaryViews(procs), ptotal
	}
	s.Render(w, r, http.StatusOK, "portal_search.html", data)
}

// fileName is the name of a stored portal file: a picture, its thumbnail or a PDF.
var fileName = regexp.MustCompile(`^[a-f0-9]{16}(-(1200|400)\.jpg|\.pdf)$`)

// handleImage serves a portal image: content-hashed names never change, so they are
// cached for a year and marked immutable.
func (s *Server) handleImage(w http.ResponseWriter, r *http.Request) {
	s.serveFile(w, r, "image/jpeg")
}

// handleDocument serves the attached PDF of a document of direction.
func (s *Server) handleDocument(w http.ResponseWriter, r *http.Request) {
	s.serveFile(w, r, "application/pdf")
}

func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, want string) {
	name := r.PathValue("name")
	if !fileName.MatchString(name) {
		s.PageError(w, r, fault.New(fault.NotFound, "Không tìm thấy tệp."))
		return
	}
	f, err := s.App.OpenPortalFile(r.Context(), name, want)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	defer f.Body.Close()
	w.Header().Set("Content-Type", f.ContentType)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("ETag", `"`+name+`"`)
	if f.ContentType == "application/pdf" {
		w.Header().Set("Content-Disposition", `inline; filename="`+name+`"`)
	}
	// ServeContent answers If-None-Match with 304 by the ETag, and byte ranges.
	http.ServeContent(w, r, name, time.Time{}, f.Body)
}
