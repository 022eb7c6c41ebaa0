package markup

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// xssVectors are payloads from the usual cheat sheets, in Markdown and raw HTML, that an
// editor (or whoever stole an editor's session) might type into an article body.
var xssVectors = []string{
	`<script>alert(1)</script>`,
	`<SCRIPT SRC=http://xss.test/xss.js></SCRIPT>`,
	`<img src=x onerror=alert(1)>`,
	`<img src="javascript:alert('XSS');">`,
	`<IMG SRC=JaVaScRiPt:alert('XSS')>`,
	`<img src=x oNeRrOr="alert(1)">`,
	`<svg onload=alert(1)>`,
	`<svg><script>alert(1)</script></svg>`,
	`<body onload=alert(1)>`,
	`<iframe src="javascript:alert(1)"></iframe>`,
	`<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
	`<a href="javascript:alert(1)">bấm</a>`,
	`<a href="JaVaScRiPt:alert(1)">bấm</a>`,
	`<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">bấm</a>`,
	`<a href=" javascript:alert(1)">bấm</a>`,
	`<a href="vbscript:msgbox(1)">bấm</a>`,
	`<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">bấm</a>`,
	`[bấm](javascript:alert(1))`,
	`[bấm](JAVASCRIPT:alert(1))`,
	`[bấm](javascript&#58;alert(1))`,
	`[bấm](  javascript:alert(1) "tiêu đề")`,
	`![ảnh](javascript:alert(1))`,
	`![ảnh](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)`,
	`<div style="background:url(javascript:alert(1))">x</div>`,
	`<p style="expression(alert(1))">x</p>`,
	`<object data="javascript:alert(1)"></object>`,
	`<embed src="javascript:alert(1)">`,
	`<form action="javascript:alert(1)"><button>x</button></form>`,
	`<input onfocus=alert(1) autofocus>`,
	`<details open ontoggle=alert(1)>`,
	`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
	`<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
	`<link rel=stylesheet href="javascript:alert(1)">`,
	`<base href="javascript:alert(1)//">`,
	`<video><source onerror="alert(1)"></video>`,
	`<marquee onstart=alert(1)>x</marquee>`,
	`"><script>alert(1)</script>`,
	`<scr<script>ipt>alert(1)</scr</script>ipt>`,
	`<a href="#" onclick="alert(1)">bấm</a>`,
	`<<SCRIPT>alert("XSS");//<</SCRIPT>`,
	`<table background="javascript:alert(1)"><tr><td>x</td></tr></table>`,
	`<style>@import 'javascript:alert(1)';</style>`,
}

// unsafe walks the parsed output and describes the first thing a browser could run:
// a dangerous element, an event handler or style attribute, or a link or source whose
// scheme is not http, https, mailto or tel.
func unsafe(n *html.Node) string {
	if n.Type == html.ElementNode {
		switch n.Data {
		case "script", "iframe", "object", "embed", "form", "input", "meta", "link", "base", "style", "svg", "math", "frame", "frameset", "applet":
			return "element " + n.Data
		}
		for _, a := range n.Attr {
			k := strings.ToLower(a.Key)
			if strings.HasPrefix(k, "on") || k == "style" || k == "srcdoc" || k == "formaction" || k == "background" {
				return "attribute " + k
			}
			if k == "href" || k == "src" || k == "action" || k == "data" {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if i := strings.Index(v, ":"); i >= 0 && !strings.ContainsAny(v[:i], "/?#") {
					switch v[:i] {
					case "http", "https", "mailto", "tel":
					default:
						return "url " + a.Val
					}
				}
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if s := unsafe(c); s != "" {
			return s
		}
	}
	return ""
}

func TestSanitizerStripsXSS(t *testing.T) {
	t.Parallel()
	if len(xssVectors) < 30 {
		t.Fatalf("got %d vectors, want at least 30", len(xssVectors))
	}
	r := New()
	for _, v := range xssVectors {
		for _, src := range []string{v, "Đoạn mở đầu.\n\n" + v + "\n\nĐoạn kết.", "- mục " + v} {
			out := string(r.HTML(src))
			doc, err := html.Parse(strings.NewReader(out))
			if err != nil {
				t.Fatalf("parse %q: %v", out, err)
			}
			if s := unsafe(doc); s != "" {
				t.Errorf("payload %q: output %q keeps %s", src, out, s)
			}
			if strings.Contains(strings.ToLower(out), "<script") {
				t.Errorf("payload %q: output %q holds a script tag", src, out)
			}
		}
	}
}

func TestMarkdownKeepsOrdinaryContent(t *testing.T) {
	t.Parallel()
	r := New()
	src := "## Kết quả\n\n**187** thủ tục, [Cổng Dịch vụ công](https://dichvucong.gov.vn) và ![Quầy tiếp nhận](/anh/0123456789abcdef-1200.jpg)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
	out := string(r.HTML(src))
	for _, want := range []string{"<h2", "<strong>187</strong>", `href="https://dichvucong.gov.vn"`, `rel="nofollow noreferrer"`,
		`src="/anh/0123456789abcdef-1200.jpg"`, `alt="Quầy tiếp nhận"`, "<table>"} {
		if !strings.Contains(out, want) {
			t.Errorf("output %q lacks %q", out, want)
		}
	}
	// Images from elsewhere lose their source (no tracking pixels).
	if out := string(r.HTML("![x](https://tracker.test/p.gif)")); strings.Contains(out, "tracker") {
		t.Errorf("foreign image kept: %q", out)
	}
	if got := r.Text("# Tiêu đề\n\nCó **đậm** & <b>thẻ</b>"); got != "Tiêu đề Có đậm & thẻ" {
		t.Errorf("Text: got %q", got)
	}
}
