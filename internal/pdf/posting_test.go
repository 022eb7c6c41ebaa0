package pdf

import (
	"bytes"
	"fmt"
	"image/png"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"
)

func TestQRPNGDecodes(t *testing.T) {
	tests := []struct {
		name, content string
	}{
		{"procedure page", "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193"},
		{"lookup with key", "https://dichvucong.tanhoa.gov.vn/tra-cuu/H15.50.05.13-260424-0007?key=K7Q2M9"},
		{"vietnamese text", "Đăng ký khai sinh"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := QRPNG(tt.content, 0)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("decode png: %v", err)
			}
			bmp, err := gozxing.NewBinaryBitmapFromImage(img)
			if err != nil {
				t.Fatal(err)
			}
			res, err := zxqr.NewQRCodeReader().Decode(bmp, nil)
			if err != nil {
				t.Fatalf("decode qr: %v", err)
			}
			if got := res.GetText(); got != tt.content {
				t.Errorf("got %q, want %q", got, tt.content)
			}
		})
	}
	if _, err := QRPNG(" ", 256); err == nil {
		t.Error("empty content: got no error, want one")
	}
}

func TestWritePostingSheet(t *testing.T) {
	const n = 23
	items := make([]PostedProcedure, n)
	for i := range items {
		items[i] = PostedProcedure{
			Code:         fmt.Sprintf("1.00%04d", i+1),
			Name:         fmt.Sprintf("Đăng ký khai sinh kết hợp đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi (thủ tục %d)", i+1),
			DeadlineText: "03 ngày làm việc",
			FeeText:      "Miễn lệ phí",
			Online:       "Toàn trình",
			URL:          fmt.Sprintf("https://dichvucong.gov.vn/tthc?ma=1.00%04d", i+1),
		}
	}
	var buf bytes.Buffer
	err := WritePostingSheet(&buf, PostingSheet{Unit: tanHoa(), FieldName: "Hộ tịch", Date: at(t, "2026-04-01 08:00"), Items: items})
	if err != nil {
		t.Fatal(err)
	}
	saveSample(t, "posting", buf.Bytes())
	pages := pdfPages(t, buf.Bytes())
	if len(pages) < 2 {
		t.Fatalf("pages: got %d, want several", len(pages))
	}
	total := 0
	for _, c := range imageDraws(t, buf.Bytes()) {
		total += c
	}
	if total != n {
		t.Errorf("QR images: got %d, want %d (one per row)", total, n)
	}
	text := strings.Join(pages, " ")
	for _, want := range []string{"DANH MỤC THỦ TỤC HÀNH CHÍNH – LĨNH VỰC HỘ TỊCH", "1.000023", "DVC trực tuyến"} {
		if !strings.Contains(text, want) {
			t.Errorf("got text without %q", want)
		}
	}
	for i, p := range pages[1:] {
		if !strings.Contains(p, "Tên thủ tục") {
			t.Errorf("page %d: got no table header, want it repeated", i+2)
		}
	}
}
