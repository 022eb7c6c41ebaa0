package sheet

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"motcua/internal/report"
)

// SheetII06a is the sheet name of the Biểu II.06a workbook.
const SheetII06a = "Biểu II.06a"

// II06aHeader is what the header block of Biểu II.06a names besides the numbers.
type II06aHeader struct {
	// Unit is the reporting unit (đơn vị báo cáo); Parent the unit receiving the report
	// (đơn vị nhận báo cáo), "" when there is none.
	Unit, Parent string
	// Subtree says the report includes the units below Unit.
	Subtree bool
}

// II06aColumns are the column headers of Biểu II.06a after STT and the field: the
// group each belongs to and its own name, in the cells' order (report.Cells).
var II06aColumns = []struct{ Group, Name string }{
	{"Số hồ sơ nhận giải quyết", "Tổng số"},
	{"Số hồ sơ nhận giải quyết", "Trực tuyến"},
	{"Số hồ sơ nhận giải quyết", "Trực tiếp, dịch vụ bưu chính"},
	{"Số hồ sơ nhận giải quyết", "Từ kỳ trước"},
	{"Số hồ sơ đã giải quyết", "Tổng số"},
	{"Số hồ sơ đã giải quyết", "Trước hạn"},
	{"Số hồ sơ đã giải quyết", "Đúng hạn"},
	{"Số hồ sơ đã giải quyết", "Quá hạn"},
	{"Số hồ sơ đang giải quyết", "Tổng số"},
	{"Số hồ sơ đang giải quyết", "Trong hạn"},
	{"Số hồ sơ đang giải quyết", "Quá hạn"},
	{"Rút hồ sơ", "Tổng số"},
}

// II06aTitle is the form's title.
const II06aTitle = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"

// II06aFirstRow is the spreadsheet row of the first field's line (1-based); the total
// follows the last field.
const II06aFirstRow = 10

// WriteII06a writes Biểu II.06a (TT 01/2020/TT-VPCP) as an .xlsx workbook laid out like
// the official form: the form number and circular at the top left, the reporting and
// receiving units at the top right, the title and period in the middle, then the table
// with its two header rows and numbered columns, one row per field and the total.
func WriteII06a(w io.Writer, h II06aHeader, r report.II06a) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := SheetII06a
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	last := column(1 + len(II06aColumns)) // the last column's letter
	border := []excelize.Border{{Type: "left", Style: 1, Color: "000000"}, {Type: "right", Style: 1, Color: "000000"},
		{Type: "top", Style: 1, Color: "000000"}, {Type: "bottom", Style: 1, Color: "000000"}}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	styles := map[string]*excelize.Style{
		"title":  {Font: &excelize.Font{Bold: true, Size: 13}, Alignment: center},
		"center": {Alignment: center},
		"italic": {Font: &excelize.Font{Italic: true}, Alignment: center},
		"bold":   {Font: &excelize.Font{Bold: true}},
		"head":   {Font: &excelize.Font{Bold: true}, Alignment: center, Border: border},
		"cell":   {Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}},
		"num":    {Border: border, Alignment: &excelize.Alignment{Horizontal: "right"}},
		"total":  {Font: &excelize.Font{Bold: true}, Border: border},
	}
	id := map[string]int{}
	for name, st := range styles {
		n, err := f.NewStyle(st)
		if err != nil {
			return fmt.Errorf("sheet: %w", err)
		}
		id[name] = n
	}
	var werr error
	set := func(cell string, v any, style string) {
		if werr == nil {
			werr = f.SetCellValue(sh, cell, v)
		}
		if werr == nil && style != "" {
			werr = f.SetCellStyle(sh, cell, cell, id[style])
		}
	}
	merge := func(from, to string, v any, style string) {
		set(from, v, style)
		if werr == nil {
			werr = f.MergeCell(sh, from, to)
		}
		if werr == nil && style != "" {
			werr = f.SetCellStyle(sh, from, to, id[style])
		}
	}
	unit := h.Unit
	if h.Subtree {
		unit += " và các đơn vị trực thuộc"
	}
	// Header block.
	merge("A1", "C1", "Biểu số II.06a/VPCP/KSTT", "bold")
	merge("A2", "C2", "Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020", "italic")
	merge("A3", "C3", "Ngày nhận báo cáo (BC):", "")
	merge("D1", "J1", II06aTitle, "title")
	merge("D2", "J2", "Kỳ báo cáo: "+r.Period.Name, "center")
	merge("D3", "J3", fmt.Sprintf("(Từ ngày %s đến ngày %s)", dmy(r.Period.From.Day, int(r.Period.From.Month), r.Period.From.Year),
		dmy(r.Period.To.Day, int(r.Period.To.Month), r.Period.To.Year)), "italic")
	merge("K1", last+"1", "Đơn vị báo cáo: "+unit, "")
	merge("K2", last+"2", "Đơn vị nhận báo cáo: "+h.Parent, "")
	merge("K3", last+"3", "Đơn vị tính: Số hồ sơ TTHC.", "")
	// Table header: rows 6–9 (9 numbers the columns).
	merge("A6", "A8", "STT", "head")
	merge("B6", "B8", "Lĩnh vực, công việc giải quyết theo cấp", "head")
	for i := 0; i < len(II06aColumns); {
		j := i
		for j+1 < len(II06aColumns) && II06aColumns[j+1].Group == II06aColumns[i].Group {
			j++
		}
		from, to := column(2+i), column(2+j)
		merge(from+"6", to+"6", II06aColumns[i].Group, "head")
		if j > i {
			// The total of the group over two rows; the parts under "Trong đó".
			merge(from+"7", from+"8", II06aColumns[i].Name, "head")
			if II06aColumns[i].Group == "Số hồ sơ nhận giải quyết" {
				merge(column(3+i)+"7", column(4+i)+"7", "Trong kỳ", "head")
				set(column(3+i)+"8", II06aColumns[i+1].Name, "head")
				set(column(4+i)+"8", II06aColumns[i+2].Name, "head")
				merge(column(5+i)+"7", column(5+i)+"8", II06aColumns[i+3].Name, "head")
			} else {
				merge(column(3+i)+"7", to+"7", "Trong đó", "head")
				for k := i + 1; k <= j; k++ {
					set(column(2+k)+"8", II06aColumns[k].Name, "head")
				}
			}
		} else {
			merge(from+"7", from+"8", II06aColumns[i].Name, "head")
		}
		i = j + 1
	}
	for c := 0; c < 2+len(II06aColumns); c++ {
		set(fmt.Sprintf("%s9", column(c)), fmt.Sprintf("(%d)", c+1), "head")
	}
	// Lines.
	row := II06aFirstRow
	line := func(stt any, name string, n report.Counts, style string) {
		set(fmt.Sprintf("A%d", row), stt, style)
		set(fmt.Sprintf("B%d", row), name, style)
		for k, c := range report.Cells() {
			num := style
			if style == "cell" {
				num = "num"
			}
			set(fmt.Sprintf("%s%d", column(2+k), row), n.Cell(c), num)
		}
		row++
	}
	for i, rw := range r.Rows {
		line(i+1, rw.FieldName, rw.Counts, "cell")
	}
	line("", "Tổng cộng", r.Total, "total")
	if werr != nil {
		return fmt.Errorf("sheet: %w", werr)
	}
	for _, c := range []struct {
		col   string
		width float64
	}{{"A", 6}, {"B", 40}} {
		if err := f.SetColWidth(sh, c.col, c.col, c.width); err != nil {
			return fmt.Errorf("sheet: %w", err)
		}
	}
	if err := f.SetColWidth(sh, "C", last, 12); err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	return nil
}

func dmy(d, m, y int) string { return fmt.Sprintf("%02d/%02d/%04d", d, m, y) }
