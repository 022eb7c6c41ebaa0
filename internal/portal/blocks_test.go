package portal

import (
	"strings"
	"testing"
)

func TestValidURL(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		url string
		ok  bool
	}{
		{"https://dichvucong.gov.vn", true},
		{"http://example.vn/a?b=c#d", true},
		{"/thu-tuc", true},
		{"/tim-kiem?q=khai+sinh", true},
		{"javascript:alert(1)", false},
		{"JavaScript:alert(1)", false},
		{"java\tscript:alert(1)", false},
		{" javascript:alert(1)", false},
		{"data:text/html,<script>", false},
		{"vbscript:msgbox", false},
		{"mailto:a@b.vn", false},
		{"ftp://example.vn", false},
		{"//evil.test/x", false},
		{"/\\evil.test", false},
		{"https:evil.test", false},
		{"https://user:pw@evil.test", false},
		{"https:///path", false},
		{"thu-tuc", false},
		{"/" + strings.Repeat("a", MaxURL), false},
	} {
		t.Run(tc.url, func(t *testing.T) {
			if got := ValidURL(tc.url) == ""; got != tc.ok {
				t.Errorf("ValidURL(%q) valid = %v, want %v", tc.url, got, tc.ok)
			}
		})
	}
}

func TestValidSlideAndLink(t *testing.T) {
	t.Parallel()
	if errs := ValidSlide(false, "", strings.Repeat("x", MaxCaption+1), "javascript:x"); len(errs) != 4 {
		t.Errorf("ValidSlide: got %v, want image, alt, caption and link refused", errs)
	}
	if errs := ValidSlide(true, "Quầy một cửa", "", ""); len(errs) != 0 {
		t.Errorf("ValidSlide without caption and link: got %v, want none", errs)
	}
	if errs := ValidLink(strings.Repeat("đ", MaxLinkTitle+1), ""); errs["title"] == "" || errs["url"] == "" {
		t.Errorf("ValidLink: got %v, want title and url refused", errs)
	}
	if errs := ValidLink(strings.Repeat("đ", MaxLinkTitle), "/lich"); len(errs) != 0 {
		t.Errorf("ValidLink at the limit: got %v, want none", errs)
	}
}
