// Package pdftext reads back the text of the PDFs that package pdf writes, so that tests
// can check a form's title, dossier code or hotline in the document itself.
//
// github.com/ledongthuc/pdf parses the file, but its ToUnicode decoder applies a bfrange
// offset to the low byte only, which turns fpdf's identity CMap into wrong letters for
// every character above U+00FF — most Vietnamese letters. fpdf's UTF-8 fonts use the
// Unicode code point as the character ID, so this package interprets each page's content
// stream with ledongthuc's parser and decodes the shown strings as UTF-16BE itself.
//
// It is meant for tests; it imports no other package of motcua.
package pdftext

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"

	lpdf "github.com/ledongthuc/pdf"
)

// Pages returns the text of each page, the shown pieces joined by single spaces.
func Pages(data []byte) (pages []string, err error) {
	defer func() {
		// The parser panics on some malformed files; report that as an error.
		if p := recover(); p != nil {
			pages, err = nil, fmt.Errorf("pdftext: malformed PDF: %v", p)
		}
	}()
	r, err := lpdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("pdftext: %w", err)
	}
	pages = make([]string, 0, r.NumPage())
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
			case "Tj", "'", "\"":
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
	return pages, nil
}

// Text returns the text of all pages joined by spaces.
func Text(data []byte) (string, error) {
	pages, err := Pages(data)
	if err != nil {
		return "", err
	}
	return strings.Join(pages, " "), nil
}
