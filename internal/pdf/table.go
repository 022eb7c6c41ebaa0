package pdf

import "strings"

// column is one table column: its width in mm and the alignment of its cells ("L", "C",
// "R").
type column struct {
	width float64
	align string
}

// table draws bordered rows whose cells wrap their text; a row that does not fit on the
// page starts a new page, where the header is drawn again.
type table struct {
	s    *sheet
	cols []column
	size float64
	// head draws the header row at the current position; nil for none.
	head func()
}

// newTable returns a table with the columns' widths scaled to the printable width.
func newTable(s *sheet, size float64, cols ...column) *table {
	total := 0.0
	for _, c := range cols {
		total += c.width
	}
	for i := range cols {
		cols[i].width *= s.width / total
	}
	return &table{s: s, cols: cols, size: size}
}

// headerRow sets a single-level header with the given titles, bold and shaded.
func (t *table) headerRow(titles ...string) {
	t.head = func() {
		cells := make([]cell, len(titles))
		for i, title := range titles {
			cells[i] = cell{text: title, style: "B", align: "C"}
		}
		t.draw(cells, 0, true)
	}
	t.head()
}

// cell is the content of one table cell.
type cell struct {
	text  string
	style string
	align string // "" for the column's alignment
}

// row draws a row of plain cells and returns its top and height.
func (t *table) row(texts ...string) (y, h float64) {
	cells := make([]cell, len(texts))
	for i, s := range texts {
		cells[i] = cell{text: s}
	}
	return t.rowCells(cells, 0)
}

// rowCells draws a row at least minH mm high, starting a new page (with the header)
// when it does not fit, and returns its top and height.
func (t *table) rowCells(cells []cell, minH float64) (y, h float64) {
	f := t.s.f
	h = t.height(cells, minH)
	_, pageH := f.GetPageSize()
	_, _, _, bottom := f.GetMargins()
	if f.GetY()+h > pageH-bottom {
		f.AddPage()
		if t.head != nil {
			t.head()
		}
	}
	return t.draw(cells, minH, false)
}

// height is the height a row needs.
func (t *table) height(cells []cell, minH float64) float64 {
	lh := lineH(t.size)
	lines := 1
	for i, c := range cells {
		t.s.font(c.style, t.size)
		if n := len(t.split(c.text, t.cols[i].width)); n > lines {
			lines = n
		}
	}
	return max(float64(lines)*lh+2, minH)
}

// split wraps text into the lines that fit a column of width w, keeping explicit line
// breaks.
func (t *table) split(text string, w float64) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		lines := t.s.f.SplitText(para, w)
		if len(lines) == 0 {
			lines = []string{""}
		}
		out = append(out, lines...)
	}
	return out
}

// draw draws the row at the current position without page checks.
func (t *table) draw(cells []cell, minH float64, shade bool) (y, h float64) {
	f := t.s.f
	h = t.height(cells, minH)
	y = f.GetY()
	x := t.s.left
	lh := lineH(t.size)
	f.SetLineWidth(0.2)
	for i, c := range cells {
		w := t.cols[i].width
		if shade {
			f.SetFillColor(235, 235, 235)
			f.Rect(x, y, w, h, "FD")
		} else {
			f.Rect(x, y, w, h, "D")
		}
		align := c.align
		if align == "" {
			align = t.cols[i].align
		}
		t.s.font(c.style, t.size)
		lines := t.split(c.text, w)
		top := y + 1
		if shade { // centre header text vertically
			top = y + (h-float64(len(lines))*lh)/2
		}
		for j, l := range lines {
			f.SetXY(x, top+float64(j)*lh)
			f.CellFormat(w, lh, l, "", 0, align, false, 0, "")
		}
		x += w
	}
	f.SetXY(t.s.left, y+h)
	return y, h
}
