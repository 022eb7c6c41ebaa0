package pdf

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Type sizes in points.
const (
	sizeBody  = 9.5
	sizeSmall = 8
	sizeTitle = 11.5
)

// sheet wraps one fpdf document with the layout helpers shared by all forms.
type sheet struct {
	f doc
	// left is the left margin and width the printable width, both in mm.
	left, width float64
	// images maps the content of each QR code drawn to its image name.
	images map[string]string
}

// newSheet starts a document of the given orientation and size with 12 mm side margins.
func newSheet(orientation, size, title string) (*sheet, error) {
	f, err := newFpdf(orientation, size, title)
	if err != nil {
		return nil, err
	}
	const side = 12
	f.SetMargins(side, 10, side)
	f.SetAutoPageBreak(true, 10)
	w, _ := f.GetPageSize()
	return &sheet{f: f, left: side, width: w - 2*side, images: map[string]string{}}, nil
}

// font selects the family's style ("", "B", "I") at size points.
func (s *sheet) font(style string, size float64) {
	s.f.SetFont(family, style, size)
}

// lineH is the line height in mm for a size in points.
func lineH(size float64) float64 {
	return size * 0.45
}

// para writes wrapped text across the printable width.
func (s *sheet) para(style string, size float64, align, text string) {
	s.font(style, size)
	s.f.SetX(s.left)
	s.f.MultiCell(s.width, lineH(size), text, "", align, false)
}

// field writes a bold label followed by its value, wrapping within width w from the left
// margin.
func (s *sheet) field(label, value string, w float64) {
	f := s.f
	_, _, right, _ := f.GetMargins()
	pageW, _ := f.GetPageSize()
	f.SetRightMargin(pageW - s.left - w)
	defer f.SetRightMargin(right)
	f.SetX(s.left)
	h := lineH(sizeBody)
	s.font("B", sizeBody)
	f.Write(h, label+" ")
	s.font("", sizeBody)
	f.Write(h, value)
	f.Ln(h + 0.6)
}

// gap moves down by mm.
func (s *sheet) gap(mm float64) {
	s.f.SetY(s.f.GetY() + mm)
}

// header draws the national header of every form: the form number and legal basis at
// the top right (when basis is not empty), the unit block on the left and the national
// name and motto on the right, each with a short rule under it, then "Số: …" and the
// place-and-date line, then the title in bold capitals.
func (s *sheet) header(u Unit, basis, number string, date time.Time, title string) {
	f := s.f
	top := f.GetY()
	if basis != "" {
		s.font("I", 7)
		f.SetXY(s.left, top)
		f.CellFormat(s.width, 3.5, basis, "", 1, "R", false, 0, "")
		top += 5
	}
	leftW := s.width * 0.42
	if leftW > 90 {
		leftW = 90
	}
	rightW := s.width - leftW
	h := lineH(sizeSmall + 0.5)

	// Left block: governing body, unit, desk.
	f.SetY(top)
	lines := []struct {
		style, text string
	}{{"", u.Parent}, {"", u.Name}, {"B", u.DeskName}}
	if u.DeskName == "" {
		lines[1].style = "B"
	}
	for _, l := range lines {
		if strings.TrimSpace(l.text) == "" {
			continue
		}
		s.font(l.style, sizeSmall+0.5)
		f.SetX(s.left)
		f.MultiCell(leftW, h, strings.ToUpper(l.text), "", "C", false)
	}
	ruleY := f.GetY() + 0.8
	f.SetLineWidth(0.2)
	f.Line(s.left+leftW/2-10, ruleY, s.left+leftW/2+10, ruleY)
	leftBottom := ruleY

	// Right block: national name and motto.
	nation := "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	size := sizeSmall + 0.5
	s.font("B", size)
	for f.GetStringWidth(nation)+2 > rightW && size > 6 {
		size -= 0.25
		s.font("B", size)
	}
	f.SetXY(s.left+leftW, top)
	f.CellFormat(rightW, h, nation, "", 2, "C", false, 0, "")
	s.font("B", sizeSmall+1)
	motto := "Độc lập - Tự do - Hạnh phúc"
	f.SetX(s.left + leftW)
	f.CellFormat(rightW, h+0.5, motto, "", 2, "C", false, 0, "")
	mw := f.GetStringWidth(motto)
	cx := s.left + leftW + rightW/2
	ruleY = f.GetY() + 0.8
	f.Line(cx-mw/2, ruleY, cx+mw/2, ruleY)

	y := max(leftBottom, ruleY) + 1.8
	s.font("", sizeSmall+0.5)
	f.SetXY(s.left, y)
	f.CellFormat(leftW, h, "Số: "+number, "", 0, "C", false, 0, "")
	s.font("I", sizeSmall+0.5)
	f.SetXY(s.left+leftW, y)
	f.CellFormat(rightW, h, dateLine(u.Place, date), "", 0, "C", false, 0, "")
	f.SetY(y + h + 4)
	s.para("B", sizeTitle, "C", strings.ToUpper(title))
	s.gap(1)
}

// signature draws signature blocks side by side: a bold capital title, the italic hint
// "(Ký và ghi rõ họ tên)" and, below the signing space, the name.
func (s *sheet) signature(blocks ...signer) {
	f := s.f
	_, pageH := f.GetPageSize()
	if f.GetY()+30 > pageH-10 {
		f.AddPage()
	}
	y := f.GetY() + 2
	w := s.width / float64(len(blocks))
	h := lineH(sizeBody)
	for i, b := range blocks {
		if b.title == "" { // an empty block keeps its place
			continue
		}
		x := s.left + float64(i)*w
		s.font("B", sizeBody)
		f.SetXY(x, y)
		f.MultiCell(w, h, strings.ToUpper(b.title), "", "C", false)
		hint := b.hint
		if hint == "" {
			hint = "(Ký và ghi rõ họ tên)"
		}
		s.font("I", sizeSmall)
		f.SetX(x)
		f.MultiCell(w, lineH(sizeSmall), hint, "", "C", false)
		if b.name != "" {
			s.font("B", sizeBody)
			f.SetXY(x, f.GetY()+16)
			f.MultiCell(w, h, b.name, "", "C", false)
		}
	}
	f.SetY(y + 30)
}

// signer is one signature block.
type signer struct {
	title, hint, name string
}

// pageNumbers prints "Trang n/N" centred in the bottom margin of every page.
func (s *sheet) pageNumbers() {
	f := s.f
	f.AliasNbPages("{nb}")
	f.SetFooterFunc(func() {
		f.SetY(-8)
		s.font("I", 7)
		f.CellFormat(0, 4, fmt.Sprintf("Trang %d/{nb}", f.PageNo()), "", 0, "C", false, 0, "")
	})
}

// output writes the finished document to w.
func (s *sheet) output(w io.Writer) error {
	if err := s.f.Output(w); err != nil {
		return fmt.Errorf("pdf: write document: %w", err)
	}
	return nil
}
