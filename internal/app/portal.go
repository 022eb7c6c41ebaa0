package app

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"motcua/internal/fault"
	"motcua/internal/files"
	"motcua/internal/fold"
	"motcua/internal/markup"
	"motcua/internal/org"
	"motcua/internal/picture"
	"motcua/internal/portal"
	"motcua/internal/store"
)

// Markup is the renderer of article bodies, shared by the use cases (plain text for the
// search) and the pages (safe HTML).
var Markup = sync.OnceValue(markup.New)

// ArticleInput is what an editor sends to save an article (soạn, sửa bài viết).
type ArticleInput struct {
	ID int64
	// UpdatedAt is the article's UpdatedAt when the form was opened (optimistic check).
	UpdatedAt time.Time
	Category  string
	Slug      string
	Title     string
	Summary   string
	Body      string
	ImageAlt  string
	Author    string
	DocNumber string
	DocDate   string
	DocSigner string
	// Image is a newly uploaded image, nil to keep the article's; RemoveImage drops it.
	Image       []byte
	RemoveImage bool
	// DocFile is a newly uploaded PDF of the document, nil to keep the article's.
	DocFile []byte
}

func actorOf(u org.User) portal.Actor {
	return portal.Actor{Username: u.Username, UnitCode: u.UnitCode, Roles: u.Roles}
}

// SaveArticle writes a new article or a change to one, as a draft and a new revision.
// Only an editor (biên tập viên) of the article's unit may; a published article goes back
// to draft and needs approval again. Images are checked and resized (picture.Process),
// attached documents must be PDF. Errors: Forbidden, Conflict (state, slug clash or a
// concurrent save), Invalid with field messages, TooLarge.
func (a *App) SaveArticle(ctx context.Context, u org.User, in ArticleInput, o Origin) (int64, error) {
	art := portal.Article{UnitCode: u.UnitCode, CreatedBy: u.Username}
	if in.ID != 0 {
		var err error
		if art, err = a.store.PortalArticle(ctx, in.ID); err != nil {
			return 0, err
		}
		art.UpdatedAt = in.UpdatedAt
	}
	state, err := portal.Decide(actorOf(u), portal.Edit, art)
	if err != nil {
		return 0, err
	}
	art.State = state
	art.Category, art.Title, art.Summary, art.Body = in.Category, strings.TrimSpace(in.Title), strings.TrimSpace(in.Summary), in.Body
	art.ImageAlt, art.Author = strings.TrimSpace(in.ImageAlt), strings.TrimSpace(in.Author)
	art.DocNumber, art.DocDate, art.DocSigner = strings.TrimSpace(in.DocNumber), in.DocDate, strings.TrimSpace(in.DocSigner)
	art.Slug = strings.TrimSpace(in.Slug)
	if art.Slug == "" {
		art.Slug = portal.Slugify(art.Title)
	}
	if art.Author == "" {
		art.Author = u.FullName
	}
	if in.RemoveImage {
		art.Image = ""
	}
	now := a.now()
	if len(in.Image) > 0 {
		name, err := a.putImage(ctx, u.UnitCode, in.Image, now)
		if err != nil {
			return 0, withField(err, "image")
		}
		art.Image = name
	}
	if len(in.DocFile) > 0 {
		name, err := a.putDocument(ctx, u.UnitCode, in.DocFile, now)
		if err != nil {
			return 0, withField(err, "doc_file")
		}
		art.DocFile = name
	}
	if errs := art.Valid(); len(errs) > 0 {
		return 0, fault.WithFields("Bài viết chưa hợp lệ: vui lòng sửa các mục được đánh dấu.", errs)
	}
	text := Markup().Text(art.Body)
	id, err := a.store.SavePortalArticle(ctx, art, store.PortalSearchable{
		TitleFolded: fold.Fold(art.Title),
		TextFolded:  fold.Fold(art.Title + " " + art.Summary + " " + text + " " + art.DocNumber),
	}, u.Username, now)
	if err != nil {
		return 0, err
	}
	a.audit(ctx, store.AuditEntry{Actor: u.Username, UnitCode: u.UnitCode, Action: "portal.save", Target: strconv.FormatInt(id, 10), Detail: art.Title}, o)
	return id, nil
}

// withField attaches a field name to an error's message, for the form.
func withField(err error, field string) error {
	if f := fault.As(err); f != nil && f.Code != fault.Internal {
		return &fault.Error{Code: f.Code, Message: f.Message, Fields: map[string]string{field: f.Message}}
	}
	return err
}

// putImage checks, resizes and stores an image; it returns the name of its widest form.
func (a *App) putImage(ctx context.Context, unit string, data []byte, now time.Time) (string, error) {
	vs, err := picture.Process(data)
	if err != nil {
		return "", err
	}
	for _, v := range vs {
		if err := a.putPortalFile(ctx, v.Name, unit, files.TypeJPEG, v.Data, now); err != nil {
			return "", err
		}
	}
	return vs[0].Name, nil
}

// MaxDocument is the largest attached document accepted.
const MaxDocument = 15 << 20

// putDocument stores the PDF of a document of direction under its content hash.
func (a *App) putDocument(ctx context.Context, unit string, data []byte, now time.Time) (string, error) {
	if len(data) > MaxDocument {
		return "", fault.New(fault.TooLarge, "Tệp văn bản tối đa 15 MB.")
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return "", fault.New(fault.Invalid, "Tệp văn bản đính kèm phải là PDF.")
	}
	sum := sha256.Sum256(data)
	name := hex.EncodeToString(sum[:8]) + ".pdf"
	return name, a.putPortalFile(ctx, name, unit, files.TypePDF, data, now)
}

// putPortalFile keeps a portal file in the files store (the data directory or the shared
// bucket, like the dossiers' attachments) and records it under its portal name.
func (a *App) putPortalFile(ctx context.Context, name, unit, contentType string, data []byte, now time.Time) error {
	sha, _, ct, err := a.files.Put(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	if ct != contentType {
		return fmt.Errorf("app: portal file %s stored as %s, want %s", name, ct, contentType)
	}
	return a.store.PutPortalFileRef(ctx, name, unit, contentType, sha, now)
}

// UploadPortalImage stores an image for use inside an article's body (Markdown
// ![mô tả](/anh/…)), for an editor; it returns the image's name.
func (a *App) UploadPortalImage(ctx context.Context, u org.User, data []byte) (string, error) {
	if err := requireRole(u, org.Editor); err != nil {
		return "", err
	}
	return a.putImage(ctx, u.UnitCode, data, a.now())
}

// moveArticle applies a workflow action to an article.
func (a *App) moveArticle(ctx context.Context, u org.User, id int64, action portal.Action, publishAt time.Time, note string, o Origin) error {
	art, err := a.store.PortalArticle(ctx, id)
	if err != nil {
		return err
	}
	to, err := portal.Decide(actorOf(u), action, art)
	if err != nil {
		return err
	}
	approvedBy := art.ApprovedBy
	switch action {
	case portal.Approve:
		approvedBy = u.Username
	case portal.Submit, portal.Return:
		publishAt, approvedBy = time.Time{}, ""
	case portal.Unpublish:
		publishAt = art.PublishAt
	}
	if err := a.store.MovePortalArticle(ctx, id, art.State, to, publishAt, approvedBy, note, a.now()); err != nil {
		return err
	}
	a.audit(ctx, store.AuditEntry{Actor: u.Username, UnitCode: u.UnitCode, Action: "portal." + string(action),
		Target: strconv.FormatInt(id, 10), Detail: art.Title}, o)
	return nil
}

// SubmitArticle sends a draft to the unit's leader for approval (gửi duyệt).
func (a *App) SubmitArticle(ctx context.Context, u org.User, id int64, o Origin) error {
	return a.moveArticle(ctx, u, id, portal.Submit, time.Time{}, "", o)
}

// ApproveArticle publishes a submitted article at publishAt (now when zero or past; at
// most a year ahead). Only a leader of the article's unit may: an editor never publishes.
func (a *App) ApproveArticle(ctx context.Context, u org.User, id int64, publishAt time.Time, o Origin) error {
	now := a.now()
	if publishAt.IsZero() || publishAt.Before(now) {
		publishAt = now
	}
	if msg := portal.ValidPublishAt(publishAt, now); msg != "" {
		return fault.WithFields(msg, map[string]string{"publish_at": msg})
	}
	return a.moveArticle(ctx, u, id, portal.Approve, publishAt, "", o)
}

// ReturnArticle sends a submitted article back to its editor with a note (trả lại).
func (a *App) ReturnArticle(ctx context.Context, u org.User, id int64, note string, o Origin) error {
	note = strings.TrimSpace(note)
	if note == "" || len(note) > 2000 {
		return fault.WithFields("Vui lòng ghi lý do trả lại (tối đa 2.000 ký tự).", map[string]string{"note": "Vui lòng ghi lý do trả lại."})
	}
	return a.moveArticle(ctx, u, id, portal.Return, time.Time{}, note, o)
}

// UnpublishArticle takes a published article off the site (gỡ bài).
func (a *App) UnpublishArticle(ctx context.Context, u org.User, id int64, o Origin) error {
	return a.moveArticle(ctx, u, id, portal.Unpublish, time.Time{}, "", o)
}

// EditorArticles lists the articles of the officer's unit for the editing pages: editors
// and leaders only.
func (a *App) EditorArticles(ctx context.Context, u org.User) ([]portal.Article, error) {
	if err := requireRole(u, org.Editor, org.Leader); err != nil {
		return nil, err
	}
	return a.store.PortalArticlesOfUnit(ctx, u.UnitCode)
}

// EditorArticle returns an article of the officer's unit with its revisions, for editing,
// preview and approval: editors and leaders of the unit only.
func (a *App) EditorArticle(ctx context.Context, u org.User, id int64) (portal.Article, []store.PortalRevision, error) {
	if err := requireRole(u, org.Editor, org.Leader); err != nil {
		return portal.Article{}, nil, err
	}
	art, err := a.store.PortalArticle(ctx, id)
	if err != nil {
		return art, nil, err
	}
	if art.UnitCode != u.UnitCode {
		return portal.Article{}, nil, fault.New(fault.Forbidden, "Bạn chỉ được biên tập nội dung của đơn vị mình.")
	}
	revs, err := a.store.PortalRevisions(ctx, id)
	return art, revs, err
}

// LiveArticles lists what the public sees: the published articles of the unit and the
// units below it, in a category or all, matching the search text (accent-insensitive).
func (a *App) LiveArticles(ctx context.Context, unit, category, q string, limit, offset int) ([]portal.Article, int, error) {
	if limit <= 0 || limit > 100 {
		limit = 10
	}
	if offset < 0 || offset > 100_000 {
		offset = 0
	}
	return a.store.PortalLive(ctx, store.LiveQuery{Unit: unit, Category: category, Folded: fold.Fold(strings.TrimSpace(q)),
		Now: a.now(), Limit: limit, Offset: offset})
}

// ReadArticle returns a published article of the unit (or of a unit below it, when the
// site unit is its parent) for a visitor and counts the visit; anything not yet or no
// longer published is NotFound.
func (a *App) ReadArticle(ctx context.Context, unit, slug string) (portal.Article, error) {
	art, err := a.findLive(ctx, unit, slug)
	if err != nil {
		return art, err
	}
	if err := a.store.AddPortalView(ctx, art.ID); err != nil {
		a.log.WarnContext(ctx, "portal view count failed", "err", err)
	} else {
		art.Views++
	}
	return art, nil
}

func (a *App) findLive(ctx context.Context, unit, slug string) (portal.Article, error) {
	codes, err := a.store.UnitDescendants(ctx, unit)
	if err != nil {
		return portal.Article{}, err
	}
	now := a.now()
	for _, c := range codes {
		art, err := a.store.PortalArticleBySlug(ctx, c, slug)
		if fault.Is(err, fault.NotFound) {
			continue
		}
		if err != nil {
			return art, err
		}
		if art.Live(now) {
			return art, nil
		}
	}
	return portal.Article{}, fault.New(fault.NotFound, "Không tìm thấy bài viết, hoặc bài chưa được đăng.")
}

// PortalRights says whether the user writes a unit's portal content (biên tập viên) and
// whether they approve it (lãnh đạo); portal.Decide checks each move.
func PortalRights(u org.User) (write, approve bool) {
	return u.Has(org.Editor), u.Has(org.Leader)
}

// ArticleRights are the buttons an article's editing page offers the user.
type ArticleRights struct {
	Edit, Submit, Approve, Unpublish bool
}

// ArticleRightsOf decides the ArticleRights of the user on the article by its state.
func ArticleRightsOf(u org.User, art portal.Article) ArticleRights {
	write, approve := PortalRights(u)
	return ArticleRights{
		Edit:      write && art.State != portal.Submitted,
		Submit:    write && (art.State == portal.Draft || art.State == portal.Unpublished),
		Approve:   approve && art.State == portal.Submitted,
		Unpublish: art.State == portal.Published,
	}
}

// CanWriteArticles refuses (fault.Forbidden) a user who is not a biên tập viên: only
// editors write the portal's articles.
func CanWriteArticles(u org.User) error {
	if write, _ := PortalRights(u); !write {
		return fault.New(fault.Forbidden, "Chỉ biên tập viên được soạn bài viết.")
	}
	return nil
}
