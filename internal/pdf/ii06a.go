package pdf

import (
	"io"
	"strconv"
)

// II06aLine is one line of Biểu II.06a: a field (lĩnh vực) or the total, with its
// twelve numbers in the form's column order — received (total, online, direct or
// postal, carried over), resolved (total, early, on time, late), in progress (total,
// in time, overdue), withdrawn.
type II06aLine struct {
	Name    string
	Numbers [12]int
}

// II06a is Biểu II.06a/VPCP/KSTT (Circular 01/2020/TT-VPCP) — tình hình, kết quả giải
// quyết thủ tục hành chính — for one unit and period.
type II06a struct {
	// Unit is the reporting unit, Parent the unit receiving the report ("" for none).
	Unit, Parent string
	// Period names the period ("Quý I/2026 (15/12/2025 – 14/03/2026)"); From and To
	// are its dates, dd/mm/yyyy.
	Period, From, To string
	Lines            []II06aLine
	Total            II06aLine
}

// WriteII06a writes the report as an A4 landscape PDF: the form number, the title, the
// period and the units, then the table with its grouped header, one line per field and
// the total, with page numbers.
func WriteII06a(w io.Writer, r II06a) error {
	p := problems{}
	if r.Unit == "" {
		p["unit"] = "Thiếu đơn vị báo cáo."
	}
	if r.From == "" || r.To == "" {
		p["period"] = "Thiếu kỳ báo cáo."
	}
	if err := p.err(); err != nil {
		return err
	}
	const title = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
	s, err := newSheet("L", "A4", "Biểu số II.06a/VPCP/KSTT")
	if err != nil {
		return err
	}
	s.pageNumbers()
	s.f.AddPage()
	s.para("B", sizeBody, "L", "Biểu số II.06a/VPCP/KSTT")
	s.para("I", sizeSmall, "L", "Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020")
	s.gap(2)
	s.para("B", sizeTitle, "C", title)
	s.para("", sizeBody, "C", "Kỳ báo cáo: "+r.Period)
	s.para("I", sizeBody, "C", "(Từ ngày "+r.From+" đến ngày "+r.To+")")
	s.gap(2)
	s.para("", sizeBody, "L", "Đơn vị báo cáo: "+r.Unit)
	if r.Parent != "" {
		s.para("", sizeBody, "L", "Đơn vị nhận báo cáo: "+r.Parent)
	}
	s.para("", sizeBody, "L", "Đơn vị tính: Số hồ sơ TTHC.")
	s.gap(3)

	cols := []column{{10, "C"}, {60, "L"}}
	for range 12 {
		cols = append(cols, column{17, "R"})
	}
	t := newTable(s, 8, cols...)
	t.head = func() { ii06aHead(t) }
	t.head()
	line := func(stt string, l II06aLine, style string) {
		cells := []cell{{text: stt, style: style}, {text: l.Name, style: style}}
		for _, n := range l.Numbers {
			cells = append(cells, cell{text: strconv.Itoa(n), style: style})
		}
		t.rowCells(cells, 7)
	}
	for i, l := range r.Lines {
		line(strconv.Itoa(i+1), l, "")
	}
	total := r.Total
	total.Name = "Tổng cộng"
	line("", total, "B")
	return s.output(w)
}

// ii06aHead draws the header of Biểu II.06a: STT and the field over three levels, the
// groups of columns with "Tổng số" and "Trong đó" under them, and the column numbers.
func ii06aHead(t *table) {
	f, s := t.s.f, t.s
	const rowH = 7
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
	box(x, y, t.cols[0].width, 3*rowH, "STT")
	x += t.cols[0].width
	box(x, y, t.cols[1].width, 3*rowH, "Lĩnh vực, công việc giải quyết theo cấp")
	x += t.cols[1].width
	groups := []struct {
		title, part string
		subs        []string
	}{
		{"Số hồ sơ nhận giải quyết", "Trong đó", []string{"Trực tuyến", "Trực tiếp, dịch vụ bưu chính", "Từ kỳ trước"}},
		{"Số hồ sơ đã giải quyết", "Trong đó", []string{"Trước hạn", "Đúng hạn", "Quá hạn"}},
		{"Số hồ sơ đang giải quyết", "Trong đó", []string{"Trong hạn", "Quá hạn"}},
	}
	col := 2
	w := t.cols[col].width // every number column has the same width
	for _, g := range groups {
		box(x, y, w*float64(1+len(g.subs)), rowH, g.title)
		box(x, y+rowH, w, 2*rowH, "Tổng số")
		box(x+w, y+rowH, w*float64(len(g.subs)), rowH, g.part)
		for i, sub := range g.subs {
			box(x+w*float64(1+i), y+2*rowH, w, rowH, sub)
		}
		x += w * float64(1+len(g.subs))
		col += 1 + len(g.subs)
	}
	box(x, y, w, 3*rowH, "Rút hồ sơ")
	x = s.left
	s.font("I", t.size)
	for i, c := range t.cols {
		box(x, y+3*rowH, c.width, 5, "("+strconv.Itoa(i+1)+")")
		x += c.width
	}
	f.SetXY(s.left, y+3*rowH+5)
}
