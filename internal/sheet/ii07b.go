package sheet

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"motcua/internal/report"
)

// SheetII07b is the sheet name of the Biểu II.07b workbook.
const SheetII07b = "Biểu II.07b"

// II07bTitle is the form's title.
const II07bTitle = "TỔNG HỢP SỐ LƯỢNG THỦ TỤC HÀNH CHÍNH"

// II07bFirstRow is the spreadsheet row of the first unit's line (1-based).
const II07bFirstRow = 10

// WriteII07b writes Biểu II.07b (TT 01/2020/TT-VPCP) as an .xlsx workbook laid out like
// the official form: the form number and circular, the reporting and receiving units,
// the title and date, then three groups of columns (procedures within competence, under
// the one-stop mechanism, with a published internal process), each a total and its
// tiers — province and commune, with the district between them before 1 July 2025.
func WriteII07b(w io.Writer, unit, parent string, r report.II07b) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := SheetII07b
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	tiers := []string{"Cấp tỉnh", "Cấp xã"}
	if r.Districts {
		tiers = []string{"Cấp tỉnh", "Cấp huyện", "Cấp xã"}
	}
	per := 1 + len(tiers)
	last := column(1 + 3*per)
	border := []excelize.Border{{Type: "left", Style: 1, Color: "000000"}, {Type: "right", Style: 1, Color: "000000"},
		{Type: "top", Style: 1, Color: "000000"}, {Type: "bottom", Style: 1, Color: "000000"}}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	id := map[string]int{}
	for name, st := range map[string]*excelize.Style{
		"title":  {Font: &excelize.Font{Bold: true, Size: 13}, Alignment: center},
		"center": {Alignment: center}, "italic": {Font: &excelize.Font{Italic: true}, Alignment: center},
		"bold":  {Font: &excelize.Font{Bold: true}},
		"head":  {Font: &excelize.Font{Bold: true}, Alignment: center, Border: border},
		"cell":  {Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}},
		"num":   {Border: border, Alignment: &excelize.Alignment{Horizontal: "right"}},
		"total": {Font: &excelize.Font{Bold: true}, Border: border},
	} {
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
		if werr == nil && from != to {
			werr = f.MergeCell(sh, from, to)
		}
		if werr == nil && style != "" {
			werr = f.SetCellStyle(sh, from, to, id[style])
		}
	}
	merge("A1", "C1", "Biểu số II.07b/VPCP/KSTT", "bold")
	merge("A2", "C2", "Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020", "italic")
	merge("A3", "C3", "Ngày nhận báo cáo (BC):", "")
	merge("D1", column(2*per)+"1", II07bTitle, "title")
	merge("D2", column(2*per)+"2", "Tính đến ngày "+dmy(r.Date.Day, int(r.Date.Month), r.Date.Year), "italic")
	merge(column(2*per+1)+"1", last+"1", "Đơn vị báo cáo: "+unit, "")
	merge(column(2*per+1)+"2", last+"2", "Đơn vị nhận báo cáo: "+parent, "")
	merge(column(2*per+1)+"3", last+"3", "Đơn vị tính: Số thủ tục hành chính.", "")
	merge("A6", "A8", "STT", "head")
	merge("B6", "B8", "Đơn vị", "head")
	groups := []string{"Tổng số TTHC thuộc thẩm quyền giải quyết", "Số TTHC thực hiện theo cơ chế một cửa, một cửa liên thông",
		"Số TTHC đã được ban hành quy trình nội bộ"}
	for g, name := range groups {
		first := 2 + g*per
		merge(column(first)+"6", column(first+per-1)+"6", name, "head")
		merge(column(first)+"7", column(first)+"8", "Tổng số", "head")
		merge(column(first+1)+"7", column(first+per-1)+"7", "Trong đó", "head")
		for k, t := range tiers {
			set(column(first+1+k)+"8", t, "head")
		}
	}
	for c := 0; c < 2+3*per; c++ {
		set(fmt.Sprintf("%s9", column(c)), fmt.Sprintf("(%d)", c+1), "head")
	}
	row := II07bFirstRow
	line := func(stt any, name string, rw report.II07bRow, style string) {
		set(fmt.Sprintf("A%d", row), stt, style)
		set(fmt.Sprintf("B%d", row), name, style)
		num := style
		if style == "cell" {
			num = "num"
		}
		for g, tc := range []report.TierCounts{rw.Competence, rw.OneStop, rw.Processes} {
			vals := []int{tc.Total, tc.Province, tc.Commune}
			if r.Districts {
				vals = []int{tc.Total, tc.Province, tc.District, tc.Commune}
			}
			for k, v := range vals {
				set(fmt.Sprintf("%s%d", column(2+g*per+k), row), v, num)
			}
		}
		row++
	}
	for i, rw := range r.Rows {
		line(i+1, rw.UnitName, rw, "cell")
	}
	line("", "Tổng cộng", r.Total, "total")
	if werr != nil {
		return fmt.Errorf("sheet: %w", werr)
	}
	if err := f.SetColWidth(sh, "A", "A", 6); err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	if err := f.SetColWidth(sh, "B", "B", 36); err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	if err := f.SetColWidth(sh, "C", last, 12); err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	return nil
}
