package portal

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"motcua/internal/app"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/portal"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// editorForm is the article form as typed, kept when it is shown again with errors.
type editorForm struct {
	ID                             int64
	UpdatedAt                      string
	Category, Slug, Title, Summary string
	Body, ImageAlt, Author         string
	DocNumber, DocDate, DocSigner  string
	Image, DocFile                 string
	RemoveImage                    bool
}

func formOf(a portal.Article) editorForm {
	return editorForm{ID: a.ID, UpdatedAt: a.UpdatedAt.UTC().Format(time.RFC3339Nano), Category: a.Category, Slug: a.Slug,
		Title: a.Title, Summary: a.Summary, Body: a.Body, ImageAlt: a.ImageAlt, Author: a.Author, DocNumber: a.DocNumber,
		DocDate: a.DocDate, DocSigner: a.DocSigner, Image: a.Image, DocFile: a.DocFile}
}

func (s *Server) handleEditorList(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	list, err := s.App.EditorArticles(r.Context(), u)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	now := s.Now()
	write, approve := app.PortalRights(u)
	type row struct {
		articleView
		StateText string
		Live      bool
	}
	rows := make([]row, len(list))
	pending := 0
	for i, a := range list {
		rows[i] = row{articleView: view(a), StateText: a.StateLabel(now), Live: a.Live(now)}
		if a.State == portal.Submitted {
			pending++
		}
	}
	s.Render(w, r, http.StatusOK, "portal_editor_list.html", map[string]any{
		"Title": "Biên tập cổng thông tin", "Rows": rows, "Pending": pending, "CanWrite": write,
		"CanApprove": approve,
	})
}

func (s *Server) handleEditorNew(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	if err := app.CanWriteArticles(u); err != nil {
		s.PageError(w, r, err)
		return
	}
	cat := r.URL.Query().Get("chuyen-muc")
	if _, ok := portal.CategoryBySlug(cat); !ok {
		cat = portal.News
	}
	s.renderForm(w, r, http.StatusOK, editorForm{Category: cat, Author: u.FullName}, nil, "")
}

func (s *Server) renderForm(w http.ResponseWriter, r *http.Request, st int, f editorForm, fields map[string]string, msg string) {
	title := "Viết bài mới"
	if f.ID != 0 {
		title = "Sửa bài viết"
	}
	s.Render(w, r, st, "portal_editor_form.html", map[string]any{
		"Title": title, "Form": f, "Fields": fields, "Error": msg, "Categories": portal.Categories(),
		"StaticPages": portal.StaticPages,
	})
}

// readUpload returns the bytes of the file posted under name, nil when none.
func readUpload(r *http.Request, name string, limit int64) ([]byte, error) {
	if r.MultipartForm == nil || len(r.MultipartForm.File[name]) == 0 {
		return nil, nil
	}
	f, err := r.MultipartForm.File[name][0].Open()
	if err != nil {
		return nil, fault.New(fault.Invalid, "Không đọc được tệp tải lên.")
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fault.New(fault.Invalid, "Không đọc được tệp tải lên.")
	}
	if int64(len(data)) > limit {
		return nil, fault.New(fault.TooLarge, "Tệp tải lên quá lớn (tối đa 15 MB).")
	}
	return data, nil
}

func (s *Server) handleEditorSave(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	f := editorForm{UpdatedAt: r.PostFormValue("updated_at"), Category: r.PostFormValue("category"),
		Slug: r.PostFormValue("slug"), Title: r.PostFormValue("title"), Summary: r.PostFormValue("summary"),
		Body: strings.ReplaceAll(r.PostFormValue("body"), "\r\n", "\n"), ImageAlt: r.PostFormValue("image_alt"),
		Author: r.PostFormValue("author"), DocNumber: r.PostFormValue("doc_number"), DocDate: r.PostFormValue("doc_date"),
		DocSigner: r.PostFormValue("doc_signer"), Image: r.PostFormValue("image"), DocFile: r.PostFormValue("doc_file_name"),
		RemoveImage: r.PostFormValue("remove_image") == "1"}
	if id := r.PathValue("id"); id != "" {
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil {
			s.PageError(w, r, fault.New(fault.NotFound, "Không tìm thấy bài viết."))
			return
		}
		f.ID = n
	}
	in := app.ArticleInput{ID: f.ID, Category: f.Category, Slug: f.Slug, Title: f.Title, Summary: f.Summary, Body: f.Body,
		ImageAlt: f.ImageAlt, Author: f.Author, DocNumber: f.DocNumber, DocDate: f.DocDate, DocSigner: f.DocSigner,
		RemoveImage: f.RemoveImage}
	in.UpdatedAt, _ = time.Parse(time.RFC3339Nano, f.UpdatedAt)
	var err error
	if in.Image, err = readUpload(r, "image_file", 15<<20); err == nil {
		in.DocFile, err = readUpload(r, "doc_upload", app.MaxDocument)
	}
	var id int64
	if err == nil {
		id, err = s.App.SaveArticle(r.Context(), u, in, s.Origin(r))
	}
	if err != nil {
		fe := s.Public(r, err)
		if fe.Code == fault.Forbidden || fe.Code == fault.NotFound || fe.Code == fault.Internal {
			s.PageError(w, r, err)
			return
		}
		s.renderForm(w, r, kit.Status(fe.Code), f, fe.Fields, fe.Message)
		return
	}
	http.Redirect(w, r, "/bien-tap/"+strconv.FormatInt(id, 10)+"?da-luu=1", http.StatusSeeOther)
}

// article loads the article of the path for the signed-in officer.
func (s *Server) article(w http.ResponseWriter, r *http.Request) (org.User, portal.Article, []store.PortalRevision, bool) {
	u, _ := kit.CurrentUser(r)
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.PageError(w, r, fault.New(fault.NotFound, "Không tìm thấy bài viết."))
		return u, portal.Article{}, nil, false
	}
	a, revs, err := s.App.EditorArticle(r.Context(), u, id)
	if err != nil {
		s.PageError(w, r, err)
		return u, a, nil, false
	}
	return u, a, revs, true
}

func (s *Server) handleEditorEdit(w http.ResponseWriter, r *http.Request) {
	u, a, revs, ok := s.article(w, r)
	if !ok {
		return
	}
	now := s.Now()
	rights := app.ArticleRightsOf(u, a)
	s.Render(w, r, http.StatusOK, "portal_editor_article.html", map[string]any{
		"Title": a.Title, "Article": view(a), "StateText": a.StateLabel(now), "Live": a.Live(now),
		"Form": formOf(a), "Categories": portal.Categories(), "StaticPages": portal.StaticPages,
		"Revisions": revs, "Saved": r.URL.Query().Get("da-luu") == "1",
		"CanEdit":        rights.Edit,
		"CanSubmit":      rights.Submit,
		"CanApprove":     rights.Approve,
		"CanUnpublish":   rights.Unpublish,
		"DefaultPublish": now.In(kit.Zone).Format("2006-01-02T15:04"),
	})
}

func (s *Server) handleEditorPreview(w http.ResponseWriter, r *http.Request) {
	_, a, _, ok := s.article(w, r)
	if !ok {
		return
	}
	v := view(a)
	v.HTML = app.Markup().HTML(a.Body)
	w.Header().Set("X-Robots-Tag", "noindex")
	s.Render(w, r, http.StatusOK, "portal_article.html", map[string]any{
		"Title": "Xem trước: " + a.Title, "Article": v, "Preview": true, "Static": a.Category == portal.Page,
	})
}

func (s *Server) handleEditorDiff(w http.ResponseWriter, r *http.Request) {
	_, a, revs, ok := s.article(w, r)
	if !ok {
		return
	}
	pick := func(key string, def int) *store.PortalRevision {
		n, err := strconv.Atoi(r.URL.Query().Get(key))
		if err != nil {
			n = def
		}
		for i := range revs {
			if revs[i].N == n {
				return &revs[i]
			}
		}
		return nil
	}
	latest := 0
	if len(revs) > 0 {
		latest = revs[0].N
	}
	newer, older := pick("b", latest), pick("a", latest-1)
	if newer == nil || older == nil {
		s.PageError(w, r, fault.New(fault.NotFound, "Bài viết chưa có hai phiên bản để so sánh."))
		return
	}
	s.Render(w, r, http.StatusOK, "portal_editor_diff.html", map[string]any{
		"Title": "So sánh phiên bản: " + a.Title, "Article": view(a), "Old": older, "New": newer,
		"TitleDiff": portal.Diff(older.Title, newer.Title), "SummaryDiff": portal.Diff(older.Summary, newer.Summary),
		"BodyDiff": portal.Diff(older.Body, newer.Body), "Revisions": revs,
	})
}

func (s *Server) handleEditorAction(w http.ResponseWriter, r *http.Request) {
	u, a, _, ok := s.article(w, r)
	if !ok {
		return
	}
	ctx, o := r.Context(), s.Origin(r)
	var err error
	switch r.PathValue("action") {
	case "gui-duyet":
		err = s.App.SubmitArticle(ctx, u, a.ID, o)
	case "duyet":
		var at time.Time
		if v := r.PostFormValue("publish_at"); v != "" {
			at, err = time.ParseInLocation("2006-01-02T15:04", v, kit.Zone)
			if err != nil {
				err = fault.WithFields("Thời điểm đăng không hợp lệ.", map[string]string{"publish_at": "Nhập ngày giờ theo mẫu."})
			}
		}
		if err == nil {
			err = s.App.ApproveArticle(ctx, u, a.ID, at, o)
		}
	case "tra-lai":
		err = s.App.ReturnArticle(ctx, u, a.ID, r.PostFormValue("note"), o)
	case "go-bai":
		err = s.App.UnpublishArticle(ctx, u, a.ID, o)
	default:
		err = fault.New(fault.NotFound, "Thao tác không tồn tại.")
	}
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/bien-tap/"+strconv.FormatInt(a.ID, 10), http.StatusSeeOther)
}
