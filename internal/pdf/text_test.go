package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	lpdf "github.com/ledongthuc/pdf"

	"motcua/internal/pdf/pdftext"
)

// pdfPages reads a PDF back and returns the text of each page.
func pdfPages(tb testing.TB, data []byte) []string {
	tb.Helper()
	pages, err := pdftext.Pages(data)
	if err != nil {
		tb.Fatalf("read pdf: %v", err)
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
