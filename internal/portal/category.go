package portal

// Category is a chuyên mục of the portal. Categories are fixed data: the portal of every
// unit has the same ones, so that a province lists its communes' news side by side.
type Category struct {
	Slug string
	Name string
	// Listed is false for the static pages, which have no list, feed or home-page block.
	Listed bool
	// Document is true for the documents of direction, which carry a number, a date, a
	// signer and an attached file.
	Document bool
}

// The category slugs.
const (
	News         = "tin-tuc"             // Tin tức – sự kiện
	Announcement = "thong-bao"           // Thông báo
	Reform       = "cai-cach-hanh-chinh" // Cải cách hành chính
	Direction    = "van-ban"             // Văn bản chỉ đạo, điều hành
	Page         = "trang"               // trang tĩnh: giới thiệu, chức năng nhiệm vụ, …
)

// Categories lists every category in display order.
func Categories() []Category {
	return []Category{
		{Slug: News, Name: "Tin tức – Sự kiện", Listed: true},
		{Slug: Announcement, Name: "Thông báo", Listed: true},
		{Slug: Reform, Name: "Cải cách hành chính", Listed: true},
		{Slug: Direction, Name: "Văn bản chỉ đạo, điều hành", Listed: true, Document: true},
		{Slug: Page, Name: "Giới thiệu"},
	}
}

// CategoryBySlug returns the category with the slug; ok is false for none.
func CategoryBySlug(slug string) (Category, bool) {
	for _, c := range Categories() {
		if c.Slug == slug {
			return c, true
		}
	}
	return Category{}, false
}

// StaticPages are the slugs of the pages that every unit's portal has (Decree 42/2022/
// NĐ-CP art. 10 lists what a state agency's portal must publish), in menu order.
var StaticPages = []struct{ Slug, Title string }{
	{"gioi-thieu", "Giới thiệu"},
	{"chuc-nang-nhiem-vu", "Chức năng, nhiệm vụ"},
	{"co-cau-to-chuc", "Cơ cấu tổ chức"},
	{"lien-he", "Liên hệ"},
}
