package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"motcua/internal/fault"
	"motcua/internal/portal"
)

// PortalSearchable is the folded text of an article that the site search matches: set by
// the caller (internal/app) from the title, summary and plain body text.
type PortalSearchable struct {
	TitleFolded string
	TextFolded  string
}

func scanArticle(sc interface{ Scan(...any) error }) (portal.Article, error) {
	var a portal.Article
	var state string
	var pub sql.NullTime
	err := sc.Scan(&a.ID, &a.UnitCode, &a.UnitName, &a.Category, &a.Slug, &a.Title, &a.Summary, &a.Body, &a.Image,
		&a.ImageAlt, &a.Author, &a.DocNumber, &a.DocDate, &a.DocSigner, &a.DocFile, &state, &pub, &a.CreatedBy,
		&a.ApprovedBy, &a.Note, &a.Views, &a.CreatedAt, &a.UpdatedAt)
	a.State = portal.State(state)
	a.PublishAt = timeOf(pub)
	a.CreatedAt, a.UpdatedAt = a.CreatedAt.UTC(), a.UpdatedAt.UTC()
	return a, err
}

func (s *Store) articles(ctx context.Context, name string, args ...any) ([]portal.Article, error) {
	rows, err := s.query(ctx, s.read, name, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []portal.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("store: %s: %w", name, err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// SavePortalArticle writes an article's content and its new revision (phiên bản) in one
// transaction: a new article when a.ID is zero, else an update that succeeds only while
// the article's UpdatedAt is still a.UpdatedAt (else fault.Conflict: someone saved in
// between). A slug already used by another article of the unit is a fault.Conflict on
// the field "slug". It returns the article's id.
func (s *Store) SavePortalArticle(ctx context.Context, a portal.Article, f PortalSearchable, editor string, now time.Time) (int64, error) {
	now = now.UTC()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var taken int
		if err := s.row(ctx, tx, "", "PortalSlugTaken", []any{a.UnitCode, a.Slug, a.ID}, &taken); err != nil {
			return err
		}
		if taken > 0 {
			return &fault.Error{Code: fault.Conflict, Message: "Đường dẫn này đã được dùng cho một bài khác của đơn vị.",
				Fields: map[string]string{"slug": "Đường dẫn đã có bài khác dùng: hãy chọn đường dẫn khác."}}
		}
		if a.ID == 0 {
			if err := s.row(ctx, tx, "", "PortalArticleInsert", []any{a.UnitCode, a.Category, a.Slug, a.Title, f.TitleFolded,
				f.TextFolded, a.Summary, a.Body, a.Image, a.ImageAlt, a.Author, a.DocNumber, a.DocDate, a.DocSigner, a.DocFile,
				string(a.State), a.CreatedBy, now, now}, &a.ID); err != nil {
				return err
			}
		} else {
			res, err := s.exec(ctx, tx, "PortalArticleUpdate", a.Category, a.Slug, a.Title, f.TitleFolded, f.TextFolded,
				a.Summary, a.Body, a.Image, a.ImageAlt, a.Author, a.DocNumber, a.DocDate, a.DocSigner, a.DocFile,
				string(a.State), now, a.ID, a.UpdatedAt.UTC())
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return fault.New(fault.Conflict, "Bài viết vừa được người khác thay đổi. Vui lòng tải lại trang và sửa lại.")
			}
		}
		var n int
		if err := s.row(ctx, tx, "", "PortalRevisionNext", []any{a.ID}, &n); err != nil {
			return err
		}
		_, err := s.exec(ctx, tx, "PortalRevisionInsert", a.ID, n, a.Title, a.Summary, a.Body, editor, now)
		return err
	})
	if err != nil {
		return 0, err
	}
	return a.ID, nil
}

// MovePortalArticle moves an article from one state to another, with the publication
// instant, the approving leader and a note; it is a fault.Conflict when the article is no
// longer in state from.
func (s *Store) MovePortalArticle(ctx context.Context, id int64, from, to portal.State, publishAt time.Time, approvedBy, note string, now time.Time) error {
	res, err := s.exec(ctx, s.write, "PortalArticleMove", string(to), nullTime(publishAt), approvedBy, note, now.UTC(), id, string(from))
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fault.New(fault.Conflict, "Trạng thái bài viết vừa thay đổi. Vui lòng tải lại trang.")
	}
	return nil
}

const msgNoArticle = "Không tìm thấy bài viết."

// PortalArticle returns the article with the id, or a fault.NotFound.
func (s *Store) PortalArticle(ctx context.Context, id int64) (portal.Article, error) {
	row, err := s.queryRow(ctx, s.read, "PortalArticleByID", id)
	if err != nil {
		return portal.Article{}, err
	}
	a, err := scanArticle(row)
	if err == sql.ErrNoRows {
		return a, fault.New(fault.NotFound, msgNoArticle)
	}
	if err != nil {
		return a, s.mapErr("PortalArticleByID", err)
	}
	return a, nil
}

// PortalArticleBySlug returns the unit's article with the slug, or a fault.NotFound.
func (s *Store) PortalArticleBySlug(ctx context.Context, unit, slug string) (portal.Article, error) {
	row, err := s.queryRow(ctx, s.read, "PortalArticleBySlug", unit, slug)
	if err != nil {
		return portal.Article{}, err
	}
	a, err := scanArticle(row)
	if err == sql.ErrNoRows {
		return a, fault.New(fault.NotFound, msgNoArticle)
	}
	if err != nil {
		return a, s.mapErr("PortalArticleBySlug", err)
	}
	return a, nil
}

// PortalArticlesOfUnit lists the unit's articles in every state, last changed first.
func (s *Store) PortalArticlesOfUnit(ctx context.Context, unit string) ([]portal.Article, error) {
	return s.articles(ctx, "PortalArticlesOfUnit", unit)
}

// LiveQuery selects the published articles of a unit and the units below it.
type LiveQuery struct {
	Unit     string
	Category string
	// Folded is the folded search text (fold.Fold), "" for all; its words must appear in
	// the article in that order.
	Folded string
	Now    time.Time
	Limit  int
	Offset int
}

// PortalLive lists the articles that the public sees at q.Now, newest first, and how many
// there are in all; static pages are not listed.
func (s *Store) PortalLive(ctx context.Context, q LiveQuery) ([]portal.Article, int, error) {
	// The words of the search in their order, anything between them.
	words := strings.Fields(strings.NewReplacer("%", " ", "_", " ", "\\", " ").Replace(q.Folded))
	like := "%" + strings.Join(words, "%") + "%"
	args := []any{q.Unit, q.Now.UTC(), q.Category, q.Category, like}
	var total int
	if err := s.row(ctx, s.read, "", "PortalLiveCount", args, &total); err != nil {
		return nil, 0, err
	}
	if q.Limit <= 0 {
		q.Limit = 10
	}
	list, err := s.articles(ctx, "PortalLive", append(args, q.Limit, q.Offset)...)
	return list, total, err
}

// AddPortalView counts one visit of the article.
func (s *Store) AddPortalView(ctx context.Context, id int64) error {
	_, err := s.exec(ctx, s.write, "PortalViewAdd", id)
	return err
}

// PortalRevision is one saved version of an article (phiên bản).
type PortalRevision struct {
	N       int
	Title   string
	Summary string
	Body    string
	Editor  string
	At      time.Time
}

// PortalRevisions lists an article's revisions, newest first.
func (s *Store) PortalRevisions(ctx context.Context, id int64) ([]PortalRevision, error) {
	rows, err := s.query(ctx, s.read, "PortalRevisions", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PortalRevision
	for rows.Next() {
		var r PortalRevision
		if err := rows.Scan(&r.N, &r.Title, &r.Summary, &r.Body, &r.Editor, &r.At); err != nil {
			return nil, fmt.Errorf("store: portal revisions: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// PutPortalFile keeps an image or attached file of the portal in the database under its
// content-hashed name, as rows written before the files store held them do (and the
// demo's); a name already stored is left as it is. New uploads use PutPortalFileRef.
func (s *Store) PutPortalFile(ctx context.Context, name, unit, contentType string, data []byte, now time.Time) error {
	_, err := s.exec(ctx, s.write, "PortalFileInsert", name, unit, contentType, data, now.UTC())
	return err
}

// PutPortalFileRef records an image or attached file of the portal kept in the files
// store under its SHA-256, by its content-hashed name; a name already recorded is left as
// it is (it holds the same content).
func (s *Store) PutPortalFileRef(ctx context.Context, name, unit, contentType, sha string, now time.Time) error {
	_, err := s.exec(ctx, s.write, "PortalFileRefInsert", name, unit, contentType, []byte{}, sha, now.UTC())
	return err
}

// PortalFile is a stored image or attached file of the portal: either its bytes (Data,
// written before the files store held them) or the SHA-256 of its content in the files
// store.
type PortalFile struct {
	ContentType string
	Data        []byte
	SHA256      string
}

// PortalFile returns the stored file with the name, or a fault.NotFound.
func (s *Store) PortalFile(ctx context.Context, name string) (PortalFile, error) {
	var f PortalFile
	err := s.row(ctx, s.read, "Không tìm thấy tệp.", "PortalFile", []any{name}, &f.ContentType, &f.Data, &f.SHA256)
	return f, err
}

// Slide is an image of the home page's slideshow (ảnh trình chiếu).
type Slide struct {
	ID       int64
	UnitCode string
	Image    string
	Alt      string
	Caption  string
	Link     string
	Position int
}

// PortalSlides lists the unit's slides in order.
func (s *Store) PortalSlides(ctx context.Context, unit string) ([]Slide, error) {
	rows, err := s.query(ctx, s.read, "PortalSlides", unit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Slide
	for rows.Next() {
		var x Slide
		if err := rows.Scan(&x.ID, &x.UnitCode, &x.Image, &x.Alt, &x.Caption, &x.Link, &x.Position); err != nil {
			return nil, fmt.Errorf("store: slides: %w", err)
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// AddPortalSlide adds a slide.
func (s *Store) AddPortalSlide(ctx context.Context, x Slide) error {
	_, err := s.exec(ctx, s.write, "PortalSlideInsert", x.UnitCode, x.Image, x.Alt, x.Caption, x.Link, x.Position)
	return err
}

// Link is an entry of the links block (liên kết).
type Link struct {
	ID       int64
	UnitCode string
	Title    string
	URL      string
	Position int
}

// PortalLinks lists the unit's links in order.
func (s *Store) PortalLinks(ctx context.Context, unit string) ([]Link, error) {
	rows, err := s.query(ctx, s.read, "PortalLinks", unit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Link
	for rows.Next() {
		var x Link
		if err := rows.Scan(&x.ID, &x.UnitCode, &x.Title, &x.URL, &x.Position); err != nil {
			return nil, fmt.Errorf("store: links: %w", err)
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// AddPortalLink adds a link.
func (s *Store) AddPortalLink(ctx context.Context, x Link) error {
	_, err := s.exec(ctx, s.write, "PortalLinkInsert", x.UnitCode, x.Title, x.URL, x.Position)
	return err
}
