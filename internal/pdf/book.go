package pdf

import (
	"io"
	"strconv"
	"strings"
	"time"
)

// BookRow is one dossier in the dossier book.
type BookRow struct {
	Code, ProcedureName string
	Sets                int
	ApplicantName       string
	Address, Phone      string
	// ReceivedAt is required; DueAt and ReturnedAt (when the result was handed over) may
	// be zero.
	ReceivedAt, DueAt, ReturnedAt time.Time
	Note                          string
}

// Book is the Sổ theo dõi hồ sơ (Mẫu 06 of Circular 01/2018/TT-VPCP, Mẫu 07 of Circular
// 03/2025/TT-VPCP) for a period.
type Book struct {
	Unit Unit
	// Number is the book number (quyển số) printed after "Số:"; may be empty.
	Number string
	// From and To bound the period (both required, From not after To). The form number
	// follows the rule set in force at To.
	From, To time.Time
	Rows     []BookRow
	// First is the number (STT) of the first row, for a volume that continues another
	// (1 when zero).
	First int
	// Stop, when set, is asked every few rows whether to go on; its error ends the
	// writing (the request was cancelled).
	Stop func() error
}

// WriteBook writes the dossier book as an A4 landscape PDF: the header, the period, and a
// table with the columns of the circular, repeated on every page, with page numbers.
func WriteBook(w io.Writer, b Book) error {
	p := problems{}
	p.needTime("from", b.From, "Thiếu ngày bắt đầu kỳ theo dõi.")
	p.needTime("to", b.To, "Thiếu ngày kết thúc kỳ theo dõi.")
	if !b.From.IsZero() && !b.To.IsZero() && b.To.Before(b.From) {
		p["to"] = "Ngày kết thúc phải sau ngày bắt đầu."
	}
	for i, r := range b.Rows {
		if strings.TrimSpace(r.Code) == "" || r.ReceivedAt.IsZero() {
			p["rows."+strconv.Itoa(i)] = "Mỗi dòng cần mã hồ sơ và ngày nhận hồ sơ."
		}
	}
	if err := p.err(); err != nil {
		return err
	}
	rules := RulesAt(b.To)
	form, err := rules.Form(FormBook)
	if err != nil {
		return err
	}
	basis, _ := rules.Basis(FormBook)
	s, err := newSheet("L", "A4", form.Title)
	if err != nil {
		return err
	}
	s.pageNumbers()
	s.f.AddPage()
	s.header(b.Unit, basis, orDots(b.Number), b.To, form.Title)
	s.para("I", sizeBody, "C", "(Từ ngày "+dateText(b.From)+" đến ngày "+dateText(b.To)+")")
	s.gap(3)

	t := newTable(s, 7.5,
		column{11, "C"}, column{40, "L"}, column{39, "L"}, column{12, "C"}, column{26, "L"},
		column{28, "L"}, column{20, "L"}, column{17, "C"}, column{17, "C"}, column{17, "C"},
		column{15, "C"}, column{15, "C"}, column{20, "L"})
	t.head = func() { bookHead(t) }
	t.head()
	if len(b.Rows) == 0 {
		t.row("", "Không có hồ sơ trong kỳ.", "", "", "", "", "", "", "", "", "", "", "")
	}
	first := max(b.First, 1)
	for i, r := range b.Rows {
		if b.Stop != nil && i%bookStopEvery == 0 {
			if err := b.Stop(); err != nil {
				return err
			}
		}
		t.rowCells([]cell{
			{text: strconv.Itoa(first + i)}, {text: r.Code}, {text: r.ProcedureName}, {text: countText(r.Sets)},
			{text: r.ApplicantName}, {text: r.Address}, {text: r.Phone},
			{text: optClock(r.ReceivedAt)}, {text: optClock(r.DueAt)}, {text: optClock(r.ReturnedAt)},
			{}, {}, {text: r.Note},
		}, 10)
	}
	return s.output(w)
}

// bookStopEvery is how many rows WriteBook writes between two calls of Book.Stop.
const bookStopEvery = 50

// optClock is shortClock on two lines, or blank for the zero time.
func optClock(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return strings.Replace(shortClock(t), " ", "\n", 1)
}

// bookHead draws the two-level header of the dossier book: single columns spanning both
// levels, "Ngày, tháng, năm" over the three dates and "Trả kết quả" over the two
// signatures.
func bookHead(t *table) {
	f, s := t.s.f, t.s
	const rowH = 7.5
	y := f.GetY()
	x := s.left
	s.font("B", t.size)
	f.SetFillColor(235, 235, 235)
	f.SetLineWidth(0.2)
	box := func(x, y, w, h float64, text string) {
		f.Rect(x, y, w, h, "FD")
		lines := t.split(text, w)
		lh := lineH(t.size)
		top := y + (h-float64(len(lines))*lh)/2
		for i, l := range lines {
			f.SetXY(x, top+float64(i)*lh)
			f.CellFormat(w, lh, l, "", 0, "C", false, 0, "")
		}
	}
	singles := []string{"STT", "Mã hồ sơ", "Nội dung hồ sơ (tên thủ tục hành chính)", "Số lượng (bộ)",
		"Họ tên chủ hồ sơ", "Địa chỉ", "Số điện thoại"}
	for i, title := range singles {
		box(x, y, t.cols[i].width, 2*rowH, title)
		x += t.cols[i].width
	}
	groups := []struct {
		title string
		subs  []string
	}{
		{"Ngày, tháng, năm", []string{"Nhận hồ sơ", "Hẹn trả kết quả", "Nhận kết quả"}},
		{"Trả kết quả", []string{"Bên giao (Ký tên)", "Bên nhận (Ký tên)"}},
	}
	col := len(singles)
	for _, g := range groups {
		w := 0.0
		for j := range g.subs {
			w += t.cols[col+j].width
		}
		box(x, y, w, rowH, g.title)
		for _, sub := range g.subs {
			box(x, y+rowH, t.cols[col].width, rowH, sub)
			x += t.cols[col].width
			col++
		}
	}
	box(x, y, t.cols[col].width, 2*rowH, "Ghi chú")
	f.SetXY(s.left, y+2*rowH)
}
