package files

import (
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SanitizeName returns a file name safe to show and to put in a Content-Disposition
// header: the last path element only, without control characters, quotes, slashes or
// leading dots, at most 100 characters, with the extension that matches the content type
// (".pdf", ".jpg", ".png"). Invisible format characters (Unicode category Cf: the bidi
// overrides and isolates that make "evil\u202egpj.pdf" show as "evilfdp.jpg", zero-width
// characters, direction marks) are removed.
func SanitizeName(name, contentType string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	name = path.Base(strings.TrimSpace(name))
	var b strings.Builder
	for _, r := range name {
		switch {
		case unicode.Is(unicode.Cf, r):
		case r == utf8.RuneError, unicode.IsControl(r), strings.ContainsRune(`"'/\<>:|?*;%`, r):
			b.WriteRune('_')
		case unicode.IsSpace(r):
			b.WriteRune(' ')
		default:
			b.WriteRune(r)
		}
	}
	name = strings.Trim(b.String(), ". _")
	ext := extension(contentType)
	base := name
	if i := strings.LastIndex(name, "."); i > 0 {
		base = name[:i]
	}
	base = strings.TrimRight(base, ". _")
	if r := []rune(base); len(r) > 100 {
		base = string(r[:100])
	}
	if base == "" || base == "/" {
		base = "tep-dinh-kem"
	}
	return base + ext
}

func extension(contentType string) string {
	switch contentType {
	case TypePDF:
		return ".pdf"
	case TypeJPEG:
		return ".jpg"
	case TypePNG:
		return ".png"
	}
	return ""
}

// FormatSize writes a size in bytes for people: "512 B", "20 MiB".
func FormatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}
