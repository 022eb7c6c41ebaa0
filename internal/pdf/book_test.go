package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestWriteBookPages(t *testing.T) {
	from := at(t, "2026-04-01 00:00")
	rows := make([]BookRow, 40)
	for i := range rows {
		received := from.Add(time.Duration(i) * 13 * time.Hour)
		rows[i] = BookRow{
			Code:          fmt.Sprintf("H15.50.05.13-2604%02d-%04d", 1+i/2, i+1),
			ProcedureName: "Cấp bản sao trích lục hộ tịch, bản sao giấy tờ hộ tịch từ sổ hộ tịch đã đăng ký trước đây",
			Sets:          1,
			ApplicantName: "Phạm Thị Ngọc Diễm",
			Address:       "Thôn Đồng Tâm, xã Tân Hòa, tỉnh Lâm Đồng",
			Phone:         "0987 654 321",
			ReceivedAt:    received,
			DueAt:         received.Add(72 * time.Hour),
			Note:          "Trả qua dịch vụ bưu chính công ích",
		}
	}
	var buf bytes.Buffer
	if err := WriteBook(&buf, Book{Unit: tanHoa(), Number: "03", From: from, To: at(t, "2026-04-30 00:00"), Rows: rows}); err != nil {
		t.Fatal(err)
	}
	saveSample(t, "book-long", buf.Bytes())
	pages := pdfPages(t, buf.Bytes())
	if len(pages) < 3 {
		t.Fatalf("pages: got %d, want at least 3 for 40 rows", len(pages))
	}
	for i, p := range pages {
		for _, want := range []string{"Hẹn trả kết quả", "Bên nhận (Ký tên)", fmt.Sprintf("Trang %d/%d", i+1, len(pages))} {
			if !strings.Contains(p, want) {
				t.Errorf("page %d: got text without %q", i+1, want)
			}
		}
	}
	text := strings.Join(pages, " ")
	for _, want := range []string{rows[0].Code, rows[39].Code, "(Từ ngày 01/04/2026 đến ngày 30/04/2026)", "SỔ THEO DÕI HỒ SƠ", "Mẫu số 07"} {
		if !strings.Contains(text, want) {
			t.Errorf("got text without %q", want)
		}
	}
}
