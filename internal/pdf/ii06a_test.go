package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func TestWriteII06a(t *testing.T) {
	r := II06a{Unit: "UBND thị trấn Tân Hòa", Parent: "UBND tỉnh Hòa Bình Xanh",
		Period: "Năm 2025 (15/12/2024 – 14/12/2025)", From: "15/12/2024", To: "14/12/2025"}
	for i := range 30 {
		l := II06aLine{Name: fmt.Sprintf("Lĩnh vực số %d", i+1)}
		l.Numbers = [12]int{1000 + i, 700, 290 + i, 10, 990, 800, 150, 40 + i, 9, 7, 2, 1}
		r.Lines = append(r.Lines, l)
	}
	r.Total = II06aLine{Numbers: [12]int{31234, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}}
	var buf bytes.Buffer
	if err := WriteII06a(&buf, r); err != nil {
		t.Fatal(err)
	}
	saveSample(t, "ii06a", buf.Bytes())
	pages := pdfPages(t, buf.Bytes())
	if len(pages) < 2 {
		t.Fatalf("got %d pages, want the 30 fields to run over at least 2", len(pages))
	}
	all := strings.Join(pages, "\n")
	for _, want := range []string{"Biểu số II.06a/VPCP/KSTT", "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
		"Đơn vị báo cáo: UBND thị trấn Tân Hòa", "Đơn vị nhận báo cáo: UBND tỉnh Hòa Bình Xanh",
		"(Từ ngày 15/12/2024 đến ngày 14/12/2025)", "Lĩnh vực số 30", "Tổng cộng", "31234"} {
		if !strings.Contains(all, want) {
			t.Errorf("got text without %q", want)
		}
	}
	for i, p := range pages {
		for _, want := range []string{"Số hồ sơ đang giải quyết", "Từ kỳ trước", fmt.Sprintf("Trang %d/%d", i+1, len(pages))} {
			if !strings.Contains(p, want) {
				t.Errorf("page %d: got text without %q", i+1, want)
			}
		}
	}
	if err := WriteII06a(&buf, II06a{}); err == nil {
		t.Error("got no error for a report without unit or period")
	}
}
