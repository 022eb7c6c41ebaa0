package portal

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"motcua/internal/fold"
)

// State is where an article stands in the editorial workflow (trạng thái biên tập).
type State string

// The states. An approved article is Published with its PublishAt; it shows on the
// public site only from that instant on, so an article approved for a later time is
// scheduled (hẹn giờ đăng) without any timer.
const (
	Draft       State = "draft"       // bản nháp
	Submitted   State = "submitted"   // chờ duyệt
	Published   State = "published"   // đã duyệt, đăng (hoặc hẹn giờ đăng)
	Unpublished State = "unpublished" // đã gỡ
)

// Article is a bài viết of a unit's portal: news, an announcement, a document of
// direction or a static page. Body is Markdown; it is never served as HTML without
// internal/markup.
type Article struct {
	ID       int64
	UnitCode string
	UnitName string
	Category string
	Slug     string
	Title    string
	Summary  string
	Body     string
	// Image is the stored name of the illustration (its 1200 px form), "" for none;
	// ImageAlt its text alternative, required with an image.
	Image    string
	ImageAlt string
	// Author is the by-line printed on the article (tác giả, nguồn).
	Author string
	// DocNumber, DocDate, DocSigner and DocFile describe a document of direction: số ký
	// hiệu, ngày ban hành (YYYY-MM-DD), người ký and the stored name of the attached PDF.
	DocNumber string
	DocDate   string
	DocSigner string
	DocFile   string
	State     State
	// PublishAt is when an approved article appears; zero before approval.
	PublishAt time.Time
	CreatedBy string
	// ApprovedBy is the leader who approved the publication.
	ApprovedBy string
	// Note is the leader's note when an article is sent back to its editor.
	Note      string
	Views     int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Live reports whether the public may see the article at now.
func (a Article) Live(now time.Time) bool {
	return a.State == Published && !a.PublishAt.IsZero() && !a.PublishAt.After(now)
}

// StateLabel is the Vietnamese name of the article's state at now.
func (a Article) StateLabel(now time.Time) string {
	switch a.State {
	case Draft:
		if a.Note != "" {
			return "Bị trả lại"
		}
		return "Bản nháp"
	case Submitted:
		return "Chờ lãnh đạo duyệt"
	case Published:
		if a.Live(now) {
			return "Đã đăng"
		}
		return "Đã duyệt, hẹn giờ đăng"
	case Unpublished:
		return "Đã gỡ"
	}
	return string(a.State)
}

// CategoryName is the Vietnamese name of the article's category.
func (a Article) CategoryName() string {
	c, _ := CategoryBySlug(a.Category)
	return c.Name
}

// Path is the article's address on the public site.
func (a Article) Path() string {
	if a.Category == Page {
		return "/trang/" + a.Slug
	}
	return "/tin/" + a.Slug
}

// Limits on what an article may hold.
const (
	MaxTitle   = 250
	MaxSummary = 600
	MaxBody    = 100_000
	MaxSlug    = 120
	MaxAlt     = 250
	MaxShort   = 200
)

// MaxAhead is how far ahead a publication may be scheduled.
const MaxAhead = 366 * 24 * time.Hour

var (
	slugRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	dateRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

// Slugify makes a slug from a title: folded (no diacritics, đ → d), lower case, words
// joined by hyphens, at most MaxSlug characters.
func Slugify(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range fold.Fold(title) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	out := b.String()
	if len(out) > MaxSlug {
		// Cut at the last whole word that fits.
		out = out[:MaxSlug+1]
		if i := strings.LastIndexByte(out, '-'); i > 0 {
			out = out[:i]
		} else {
			out = out[:MaxSlug]
		}
	}
	return strings.Trim(out, "-")
}

// ValidSlug reports whether s is a well-formed slug.
func ValidSlug(s string) bool { return len(s) <= MaxSlug && slugRe.MatchString(s) }

// Valid checks an article's content and returns field → Vietnamese message; empty means
// valid. Access and state are Decide's business.
func (a Article) Valid() map[string]string {
	errs := map[string]string{}
	long := func(field, value string, max int, msg string) {
		if utf8.RuneCountInString(value) > max {
			errs[field] = msg
		}
	}
	cat, ok := CategoryBySlug(a.Category)
	if !ok {
		errs["category"] = "Vui lòng chọn chuyên mục."
	}
	if strings.TrimSpace(a.Title) == "" {
		errs["title"] = "Vui lòng nhập tiêu đề."
	}
	long("title", a.Title, MaxTitle, "Tiêu đề tối đa 250 ký tự.")
	long("summary", a.Summary, MaxSummary, "Tóm tắt tối đa 600 ký tự.")
	if strings.TrimSpace(a.Body) == "" {
		errs["body"] = "Vui lòng nhập nội dung."
	}
	if len(a.Body) > MaxBody {
		errs["body"] = "Nội dung tối đa 100.000 byte."
	}
	if !ValidSlug(a.Slug) {
		errs["slug"] = "Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang, tối đa 120 ký tự."
	}
	if a.Image != "" && strings.TrimSpace(a.ImageAlt) == "" {
		errs["image_alt"] = "Vui lòng mô tả ảnh (văn bản thay thế) cho người khiếm thị."
	}
	long("image_alt", a.ImageAlt, MaxAlt, "Mô tả ảnh tối đa 250 ký tự.")
	long("author", a.Author, MaxShort, "Tác giả tối đa 200 ký tự.")
	if ok && cat.Document {
		if strings.TrimSpace(a.DocNumber) == "" {
			errs["doc_number"] = "Vui lòng nhập số, ký hiệu văn bản."
		}
		if !dateRe.MatchString(a.DocDate) {
			errs["doc_date"] = "Vui lòng nhập ngày ban hành."
		} else if _, err := time.Parse("2006-01-02", a.DocDate); err != nil {
			errs["doc_date"] = "Ngày ban hành không hợp lệ."
		}
		if strings.TrimSpace(a.DocSigner) == "" {
			errs["doc_signer"] = "Vui lòng nhập người ký."
		}
		long("doc_number", a.DocNumber, MaxShort, "Số, ký hiệu tối đa 200 ký tự.")
		long("doc_signer", a.DocSigner, MaxShort, "Người ký tối đa 200 ký tự.")
	}
	return errs
}

// ValidPublishAt checks the chosen publication instant: not more than MaxAhead after now.
// A past instant publishes at once.
func ValidPublishAt(at, now time.Time) string {
	if at.After(now.Add(MaxAhead)) {
		return "Thời điểm đăng không được quá một năm kể từ hôm nay."
	}
	return ""
}
