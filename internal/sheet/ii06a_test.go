package sheet

import (
	"bytes"
	"fmt"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"motcua/internal/report"
)

func TestWriteII06a(t *testing.T) {
	p, err := report.Named(report.Quarter, 2026, 1)
	if err != nil {
		t.Fatal(err)
	}
	var r report.II06a
	r.Period = p
	for i, f := range []struct{ code, name string }{{"HT", "Hộ tịch"}, {"CT", "Chứng thực"}} {
		var n report.Counts
		n.Received = report.ReceivedCounts{Total: 10 + i, Online: 6, DirectPostal: 3 + i, CarriedOver: 1}
		n.Resolved = report.ResolvedCounts{Total: 8, Early: 5, OnTime: 2, Late: 1}
		n.InProgress = report.InProgressCounts{Total: 1 + i, InTime: 1, Overdue: i}
		n.Withdrawn = 1
		r.Rows = append(r.Rows, report.Row{FieldCode: f.code, FieldName: f.name, Counts: n})
		r.Total.Plus(n)
	}
	if err := r.Check(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteII06a(&buf, II06aHeader{Unit: "UBND thị trấn Tân Hòa", Parent: "UBND tỉnh Hòa Bình Xanh"}, r); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	get := func(cell string) string {
		v, err := f.GetCellValue(SheetII06a, cell)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for cell, want := range map[string]string{
		"A1": "Biểu số II.06a/VPCP/KSTT", "D1": II06aTitle,
		"D2": "Kỳ báo cáo: Quý I/2026 (15/12/2025 – 14/03/2026)", "D3": "(Từ ngày 15/12/2025 đến ngày 14/03/2026)",
		"K1": "Đơn vị báo cáo: UBND thị trấn Tân Hòa", "K2": "Đơn vị nhận báo cáo: UBND tỉnh Hòa Bình Xanh",
		"A6": "STT", "C6": "Số hồ sơ nhận giải quyết", "D7": "Trong kỳ", "D8": "Trực tuyến", "F7": "Từ kỳ trước",
		"G6": "Số hồ sơ đã giải quyết", "H8": "Trước hạn", "K6": "Số hồ sơ đang giải quyết", "M8": "Quá hạn",
		"N6": "Rút hồ sơ", "A9": "(1)", "N9": "(14)",
		"B10": "Hộ tịch", "B11": "Chứng thực", "B12": "Tổng cộng",
	} {
		if got := get(cell); got != want {
			t.Errorf("%s: got %q, want %q", cell, got, want)
		}
	}
	lines := append(append([]report.Counts{}, r.Rows[0].Counts, r.Rows[1].Counts), r.Total)
	for i, n := range lines {
		for k, c := range report.Cells() {
			cell := fmt.Sprintf("%s%d", column(2+k), II06aFirstRow+i)
			if got, want := get(cell), strconv.Itoa(n.Cell(c)); got != want {
				t.Errorf("%s (%s, line %d): got %s, want %s", cell, c, i, got, want)
			}
		}
	}
}
