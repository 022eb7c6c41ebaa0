package portal

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The limits of the home page's blocks, in characters.
const (
	MaxCaption   = 250
	MaxLinkTitle = 200
	MaxURL       = 500
)

// msgURL is the message for an address that is neither http(s) nor a path of the site.
const msgURL = "Địa chỉ phải bắt đầu bằng http://, https:// hoặc / (một trang của cổng); không nhận javascript:, data: hay địa chỉ khác."

// ValidURL checks an address that a visitor will follow from the home page: an absolute
// http or https address with a host, or a path of the site ("/thu-tuc"). Anything else —
// javascript:, data:, mailto:, protocol-relative "//host", spaces or control characters —
// is refused; the answer is a Vietnamese message, "" when valid.
func ValidURL(s string) string {
	if utf8.RuneCountInString(s) > MaxURL {
		return "Địa chỉ tối đa 500 ký tự."
	}
	for _, c := range s {
		if unicode.IsSpace(c) || unicode.IsControl(c) || c == '\\' || !unicode.IsPrint(c) {
			return msgURL
		}
	}
	u, err := url.Parse(s)
	if err != nil || u.User != nil {
		return msgURL
	}
	if strings.HasPrefix(s, "/") {
		if strings.HasPrefix(s, "//") || u.Scheme != "" || u.Host != "" {
			return msgURL
		}
		return ""
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || !strings.HasPrefix(strings.ToLower(s), u.Scheme+"://") {
		return msgURL
	}
	return ""
}

// ValidSlide checks a slide of the slideshow (ảnh trình chiếu): the text alternative is
// required (for the blind), the caption short, the link, when given, a ValidURL. hasImage
// says whether the slide has its picture. It returns field → Vietnamese message.
func ValidSlide(hasImage bool, alt, caption, link string) map[string]string {
	errs := map[string]string{}
	if !hasImage {
		errs["image"] = "Vui lòng chọn ảnh (JPEG, PNG hoặc WebP)."
	}
	if strings.TrimSpace(alt) == "" {
		errs["alt"] = "Vui lòng mô tả ảnh (văn bản thay thế) cho người khiếm thị."
	} else if utf8.RuneCountInString(alt) > MaxAlt {
		errs["alt"] = "Mô tả ảnh tối đa 250 ký tự."
	}
	if utf8.RuneCountInString(caption) > MaxCaption {
		errs["caption"] = "Chú thích tối đa 250 ký tự."
	}
	if link != "" {
		if msg := ValidURL(link); msg != "" {
			errs["link"] = msg
		}
	}
	return errs
}

// ValidLink checks an entry of the links block (liên kết): a title of at most
// MaxLinkTitle characters and a ValidURL. It returns field → Vietnamese message.
func ValidLink(title, address string) map[string]string {
	errs := map[string]string{}
	if strings.TrimSpace(title) == "" {
		errs["title"] = "Vui lòng nhập tên liên kết."
	} else if utf8.RuneCountInString(title) > MaxLinkTitle {
		errs["title"] = "Tên liên kết tối đa 200 ký tự."
	}
	if address == "" {
		errs["url"] = "Vui lòng nhập địa chỉ liên kết."
	} else if msg := ValidURL(address); msg != "" {
		errs["url"] = msg
	}
	return errs
}
