package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	lpdf "github.com/ledongthuc/pdf"
)

// pdfPages reads a PDF back and returns the text of each page, pieces joined by single
// spaces.
//
// ledongthuc/pdf parses the file, but its ToUnicode decoder applies a bfrange offset to
// the low byte only, so it turns fpdf's identity CMap (<0000> <FFFF> <0000>) into wrong
// letters for every character above U+00FF — most Vietnamese letters. fpdf's UTF-8 fonts
// use the Unicode code point as the CID, so this helper interprets each page's content
// stream with ledongthuc's parser and decodes the shown strings as UTF-16BE itself.
func pdfPages(tb testing.TB, data []byte) []string {
	tb.Helper()
	r, err := lpdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatalf("read pdf: %v", err)
	}
	pages := make([]string, 0, r.NumPage())
	for i := 1; i <= r.NumPage(); i++ {
		var pieces []string
		show := func(raw string) {
			b := []byte(raw)
			u := make([]uint16, 0, len(b)/2)
			for j := 0; j+1 < len(b); j += 2 {
				u = append(u, uint16(b[j])<<8|uint16(b[j+1]))
			}
			pieces = append(pieces, string(utf16.Decode(u)))
		}
		lpdf.Interpret(r.Page(i).V.Key("Contents"), func(stk *lpdf.Stack, op string) {
			n := stk.Len()
			args := make([]lpdf.Value, n)
			for j := n - 1; j >= 0; j-- {
				args[j] = stk.Pop()
			}
			switch op {
			case "Tj", "'":
				show(args[n-1].RawString())
			case "\"":
				show(args[n-1].RawString())
			case "TJ":
				a := args[n-1]
				for j := 0; j < a.Len(); j++ {
					if v := a.Index(j); v.Kind() == lpdf.String {
						show(v.RawString())
					}
				}
			}
		})
		pages = append(pages, strings.Join(strings.Fields(strings.Join(pieces, " ")), " "))
	}
	return pages
}

// pdfText is the text of all pages joined.
func pdfText(tb testing.TB, data []byte) string {
	tb.Helper()
	return strings.Join(pdfPages(tb, data), " ")
}

// imageDraws counts the images drawn (the Do operator) on each page.
func imageDraws(tb testing.TB, data []byte) []int {
	tb.Helper()
	r, err := lpdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatalf("read pdf: %v", err)
	}
	counts := make([]int, r.NumPage())
	for i := 1; i <= r.NumPage(); i++ {
		xobjects := r.Page(i).Resources().Key("XObject")
		lpdf.Interpret(r.Page(i).V.Key("Contents"), func(stk *lpdf.Stack, op string) {
			n := stk.Len()
			args := make([]lpdf.Value, n)
			for j := n - 1; j >= 0; j-- {
				args[j] = stk.Pop()
			}
			if op == "Do" && n == 1 && xobjects.Key(args[0].Name()).Key("Subtype").Name() == "Image" {
				counts[i-1]++
			}
		})
	}
	return counts
}

// saveSample writes a sample document to the temporary directory for a look by eye.
func saveSample(tb testing.TB, name string, data []byte) {
	tb.Helper()
	if err := os.WriteFile(filepath.Join(os.TempDir(), "motcua-"+name+".pdf"), data, 0o644); err != nil {
		tb.Fatalf("save sample: %v", err)
	}
}
