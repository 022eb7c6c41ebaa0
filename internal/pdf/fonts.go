package pdf

import (
	_ "embed"
	"fmt"

	"github.com/go-pdf/fpdf"
)

// The embedded Noto Sans faces (SIL Open Font License 1.1, fonts/OFL.txt). fpdf parses
// them once per document, which is what its API allows.
var (
	//go:embed fonts/NotoSans-Regular.ttf
	fontRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	fontBold []byte
	//go:embed fonts/NotoSans-Italic.ttf
	fontItalic []byte
)

// family is the font family name registered in every document.
const family = "noto"

// newFpdf returns a document with the embedded fonts loaded, mm units and the
// given orientation ("P" or "L") and size ("A4", "A5").
func newFpdf(orientation, size, title string) (doc, error) {
	f := fpdf.New(orientation, "mm", size, "")
	f.AddUTF8FontFromBytes(family, "", fontRegular)
	f.AddUTF8FontFromBytes(family, "B", fontBold)
	f.AddUTF8FontFromBytes(family, "I", fontItalic)
	if err := f.Error(); err != nil {
		return doc{}, fmt.Errorf("pdf: load fonts: %w", err)
	}
	f.SetTitle(title, true)
	f.SetCreator("motcua", true)
	f.SetLang("vi-VN")
	f.SetCellMargin(1)
	return doc{f}, nil
}
