package fold

import (
	"fmt"
	"sync"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"nfc upper", "ĐĂNG KÝ ĐẤT ĐAI", "dang ky dat dai"},
		{"nfd input", norm.NFD.String("Đăng ký khai sinh"), "dang ky khai sinh"},
		{"nfc input", norm.NFC.String("Đăng ký khai sinh"), "dang ky khai sinh"},
		{"lower đ", "đăng ký thường trú", "dang ky thuong tru"},
		{"already folded", "dang ky ket hon", "dang ky ket hon"},
		{"punctuation and spaces", "  Chứng thực bản sao (từ bản chính)  ", "chung thuc ban sao tu ban chinh"},
		{"code with dots", "1.001193", "1 001193"},
		{"hyphen", "XA-HT-015", "xa ht 015"},
		{"tabs and newlines", "Hộ\t\ttịch\nxã", "ho tich xa"},
		{"empty", "", ""},
		{"only punctuation", "?!.,", ""},
		{"all vowels", "àáảãạ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ",
			"aaaaa aaaaaa aaaaaa eeeee eeeeee iiiii ooooo oooooo oooooo uuuuu uuuuuu yyyyy"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestFoldConcurrent: goroutines folding at once each get the right answer (the
// transformers are pooled, never shared while in use; run with -race).
func TestFoldConcurrent(t *testing.T) {
	t.Parallel()
	names := map[string]string{"Nguyễn Thị Bích Ngọc": "nguyen thi bich ngoc", "ĐỖ VĂN ĐỨC": "do van duc",
		"Hoàng Hữu Toàn": "hoang huu toan", "Lê  Quý-Đôn": "le quy don"}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Go(func() {
			for range 200 {
				for in, want := range names {
					if got := Fold(in); got != want {
						errs <- fmt.Sprintf("Fold(%q) = %q, want %q", in, got, want)
						return
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func BenchmarkFold(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Fold("Đăng ký khai sinh có yếu tố nước ngoài, kết hợp nhận cha, mẹ, con")
	}
}
