// Package portal serves the unit's web portal (cổng thông tin điện tử) around the
// one-stop services: articles, categories, static pages, the site search, images and
// attached documents, the Atom feeds, the sitemap, robots.txt and /api/v1/news for
// everyone; and, under /bien-tap, the pages where editors write and leaders approve, and
// where the unit's editors, leaders and administrators arrange the home page's slideshow
// and links.
// Handlers decode, call one use case of internal/app and render; the rules live in
// internal/portal and internal/app.
package portal

import (
	"net/http"

	"motcua/internal/web/kit"
)

// Server is the kit as the portal's pages use it.
type Server struct{ *kit.Kit }

// maxImageUploads is how many files an article form carries: its picture and its PDF.
const maxImageUploads = 2

// Routes lists the portal's pages.
func Routes(mux *http.ServeMux, k *kit.Kit) {
	s := Server{k}
	// Public pages (trang công khai).
	mux.HandleFunc("GET /tin/{slug}", s.handleArticle)
	mux.HandleFunc("GET /trang/{slug}", s.handleStaticPage)
	mux.HandleFunc("GET /chuyen-muc/{cat}", s.handleCategory)
	mux.HandleFunc("GET /chuyen-muc/{cat}/feed.atom", s.handleFeed)
	mux.HandleFunc("GET /tim-kiem", s.handleSearch)
	mux.HandleFunc("GET /anh/{name}", s.handleImage)
	mux.HandleFunc("GET /tai-lieu/{name}", s.handleDocument)
	mux.HandleFunc("GET /feed.atom", s.handleFeed)
	mux.HandleFunc("GET /sitemap.xml", s.handleSitemap)
	mux.HandleFunc("GET /robots.txt", s.handleRobots)
	mux.HandleFunc("GET /api/v1/news", s.handleAPINews)

	// Editing (biên tập): editors write, leaders approve.
	mux.Handle("GET /bien-tap", s.OfficerPage(s.handleEditorList))
	mux.Handle("GET /bien-tap/moi", s.OfficerPage(s.handleEditorNew))
	mux.Handle("POST /bien-tap/moi", s.UploadLimit(maxImageUploads, s.OfficerPage(s.CheckCSRF(s.handleEditorSave).ServeHTTP)))
	mux.Handle("POST /bien-tap/anh", s.UploadLimit(1, s.OfficerPage(s.CheckCSRF(s.handleEditorImage).ServeHTTP)))
	mux.Handle("GET /bien-tap/{id}", s.OfficerPage(s.handleEditorEdit))
	mux.Handle("POST /bien-tap/{id}", s.UploadLimit(maxImageUploads, s.OfficerPage(s.CheckCSRF(s.handleEditorSave).ServeHTTP)))
	mux.Handle("GET /bien-tap/{id}/xem-truoc", s.OfficerPage(s.handleEditorPreview))
	mux.Handle("GET /bien-tap/{id}/phien-ban", s.OfficerPage(s.handleEditorDiff))
	mux.Handle("POST /bien-tap/{id}/{action}", s.OfficerPage(s.CheckCSRF(s.handleEditorAction).ServeHTTP))

	// The home page's slideshow and links: the unit's editors and leaders, administrators.
	// Forms without a file get the small body limit of a request without files (maxFiles 0):
	// every POST under /bien-tap sets its own.
	mux.Handle("GET /bien-tap/trinh-chieu", s.OfficerPage(s.handleSlides))
	mux.Handle("POST /bien-tap/trinh-chieu", s.UploadLimit(1, s.OfficerPage(s.CheckCSRF(s.handleSlideSave).ServeHTTP)))
	mux.Handle("GET /bien-tap/trinh-chieu/{id}/sua", s.OfficerPage(s.handleSlideEdit))
	mux.Handle("POST /bien-tap/trinh-chieu/{id}/sua", s.UploadLimit(1, s.OfficerPage(s.CheckCSRF(s.handleSlideSave).ServeHTTP)))
	mux.Handle("POST /bien-tap/trinh-chieu/{id}/{action}", s.UploadLimit(0, s.OfficerPage(s.CheckCSRF(s.handleSlideAction).ServeHTTP)))
	mux.Handle("GET /bien-tap/lien-ket", s.OfficerPage(s.handleLinks))
	mux.Handle("POST /bien-tap/lien-ket", s.UploadLimit(0, s.OfficerPage(s.CheckCSRF(s.handleLinkSave).ServeHTTP)))
	mux.Handle("GET /bien-tap/lien-ket/{id}/sua", s.OfficerPage(s.handleLinkEdit))
	mux.Handle("POST /bien-tap/lien-ket/{id}/sua", s.UploadLimit(0, s.OfficerPage(s.CheckCSRF(s.handleLinkSave).ServeHTTP)))
	mux.Handle("POST /bien-tap/lien-ket/{id}/{action}", s.UploadLimit(0, s.OfficerPage(s.CheckCSRF(s.handleLinkAction).ServeHTTP)))
}
