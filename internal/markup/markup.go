// Package markup turns the Markdown body of a portal article into HTML that is safe to
// serve: goldmark renders it (raw HTML in the source is dropped, not passed through) and
// bluemonday's user-generated-content policy then keeps only harmless elements and
// attributes, so that no script, event handler, style, frame or javascript: link ever
// reaches a page, whatever the editor typed.
//
// It is the only package that imports goldmark and bluemonday; it knows nothing of SQL,
// HTTP or the workflow.
package markup

import (
	"bytes"
	"html/template"
	"net/url"
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// localImage is the address of an image of the portal's own store.
var localImage = regexp.MustCompile(`^/anh/[a-f0-9]{16}-(1200|400)\.jpg$`)

// Renderer renders Markdown to sanitised HTML. It is safe for concurrent use.
type Renderer struct {
	md     goldmark.Markdown
	policy *bluemonday.Policy
}

// New returns a renderer: GitHub-flavoured tables, strikethrough and autolinks; links
// only to http, https, mailto and tel, marked nofollow and opened without a referrer
// leak; images only from this site's portal images.
func New() *Renderer {
	p := bluemonday.UGCPolicy()
	p.AllowURLSchemes("http", "https", "mailto", "tel")
	p.RequireNoFollowOnLinks(true)
	p.RequireNoReferrerOnFullyQualifiedLinks(true)
	p.AddTargetBlankToFullyQualifiedLinks(false)
	// Images come from the portal's own store only: no tracking pixels, no data: URLs.
	p.RewriteSrc(func(u *url.URL) {
		if u.Scheme != "" || u.Host != "" || !localImage.MatchString(u.Path) {
			*u = url.URL{Path: "/static/anh-ngoai.svg"}
		}
	})
	return &Renderer{
		md:     goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify)),
		policy: p,
	}
}

// HTML renders the Markdown source; a source goldmark cannot render (it renders any
// text) yields its escaped text.
func (r *Renderer) HTML(src string) template.HTML {
	var buf bytes.Buffer
	if err := r.md.Convert([]byte(src), &buf); err != nil {
		return template.HTML(template.HTMLEscapeString(src))
	}
	return template.HTML(r.policy.SanitizeBytes(buf.Bytes()))
}

// Sanitize passes HTML from elsewhere through the same policy.
func (r *Renderer) Sanitize(html string) template.HTML {
	return template.HTML(r.policy.Sanitize(html))
}

// Text is the plain text of the Markdown source, for summaries, feeds and search: the
// rendered HTML with every tag removed and spaces collapsed.
func (r *Renderer) Text(src string) string {
	var buf bytes.Buffer
	if err := r.md.Convert([]byte(src), &buf); err != nil {
		return src
	}
	text := bluemonday.StrictPolicy().SanitizeBytes(buf.Bytes())
	return strings.Join(strings.Fields(htmlUnescape(string(text))), " ")
}

var entities = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&quot;", `"`)

func htmlUnescape(s string) string { return entities.Replace(s) }
