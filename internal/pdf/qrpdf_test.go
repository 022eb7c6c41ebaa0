package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"slices"
	"testing"

	"github.com/go-pdf/fpdf"
	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"
)

// decodeQR reads the QR code in img.
func decodeQR(tb testing.TB, img image.Image) string {
	tb.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		tb.Fatal(err)
	}
	res, err := zxqr.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		tb.Fatalf("decode qr: %v", err)
	}
	return res.GetText()
}

// qrTexts extracts the images of a PDF and decodes each as a QR code, sorted (fpdf
// writes its images in no fixed order).
func qrTexts(tb testing.TB, data []byte) []string {
	tb.Helper()
	imgs, err := pdfImages(data)
	if err != nil {
		tb.Fatalf("extract images: %v", err)
	}
	texts := make([]string, 0, len(imgs))
	for _, img := range imgs {
		texts = append(texts, decodeQR(tb, img))
	}
	slices.Sort(texts)
	return texts
}

func TestPostingSheetQRDecodesFromPDF(t *testing.T) {
	urls := []string{
		"https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193",
		"https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.000894",
		"https://dichvucong.tanhoa.gov.vn/thu-tuc/2.000748",
	}
	items := []PostedProcedure{
		{Code: "1.001193", Name: "Đăng ký khai sinh", DeadlineText: "Ngay trong ngày", FeeText: "Miễn", Online: "Toàn trình", URL: urls[0]},
		{Code: "1.000894", Name: "Đăng ký kết hôn", DeadlineText: "Ngay trong ngày", FeeText: "Miễn", Online: "Một phần", URL: urls[1]},
		{Code: "1.001022", Name: "Đăng ký khai tử", DeadlineText: "Ngay trong ngày", FeeText: "Miễn", Online: "Không"},
		{Code: "2.000748", Name: "Chứng thực bản sao từ bản chính", DeadlineText: "01 ngày làm việc", FeeText: "2.000 đồng/trang", URL: urls[2]},
		{Code: "2.000748", Name: "Chứng thực bản sao (nhắc lại)", URL: urls[2]},
	}
	var buf bytes.Buffer
	if err := WritePostingSheet(&buf, PostingSheet{Unit: tanHoa(), FieldName: "Hộ tịch", Items: items}); err != nil {
		t.Fatal(err)
	}
	got := qrTexts(t, buf.Bytes())
	want := slices.Sorted(slices.Values(urls))
	if !slices.Equal(got, want) {
		t.Errorf("got QR codes %q, want %q (one image per distinct URL)", got, want)
	}
}

func TestReceiptQRDecodesFromPDF(t *testing.T) {
	d := dossier(t, "2026-04-24 09:30", "2026-04-29 09:30")
	var buf bytes.Buffer
	if err := WriteReceipt(&buf, Receipt{Unit: tanHoa(), Dossier: d}); err != nil {
		t.Fatal(err)
	}
	got := qrTexts(t, buf.Bytes())
	// Both copies (liên) show the same code, embedded once.
	if want := []string{d.LookupURL}; !slices.Equal(got, want) {
		t.Errorf("got QR codes %q, want %q", got, want)
	}
}

// TestPDFImagesRoundTrip checks the extraction helper itself on the PNG kinds fpdf
// embeds: gray and RGB images (image/png filters their rows adaptively, so all five
// filter types occur) and palette images of 1, 2 and 8 bits.
func TestPDFImagesRoundTrip(t *testing.T) {
	const w, h = 37, 29
	pattern := func(x, y, k int) uint8 { return uint8((x*x*7 + y*13 + k*91 + x*y*5) % 251) }
	gray := image.NewGray(image.Rect(0, 0, w, h))
	rgb := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			gray.SetGray(x, y, color.Gray{pattern(x, y, 0)})
			rgb.SetRGBA(x, y, color.RGBA{pattern(x, y, 1), pattern(x, y, 2), pattern(x, y, 3), 0xff})
		}
	}
	paletted := func(n int) *image.Paletted {
		pal := make(color.Palette, n)
		for i := range pal {
			pal[i] = color.RGBA{uint8(i * 255 / (n - 1)), uint8(200 - i*100/(n-1)), uint8(i * 37), 0xff}
		}
		img := image.NewPaletted(image.Rect(0, 0, w, h), pal)
		for y := range h {
			for x := range w {
				img.SetColorIndex(x, y, pattern(x, y, 4)%uint8(n))
			}
		}
		return img
	}
	tests := []struct {
		name string
		img  image.Image
	}{
		{"gray", gray},
		{"rgb", rgb},
		{"palette 1 bit", paletted(2)},
		{"palette 2 bits", paletted(4)},
		{"palette 8 bits", paletted(200)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var pngData bytes.Buffer
			if err := png.Encode(&pngData, tt.img); err != nil {
				t.Fatal(err)
			}
			f := fpdf.New("P", "mm", "A4", "")
			f.AddPage()
			opt := fpdf.ImageOptions{ImageType: "PNG"}
			f.RegisterImageOptionsReader("img", opt, &pngData)
			f.ImageOptions("img", 10, 10, 50, 0, false, opt, 0, "")
			var doc bytes.Buffer
			if err := f.Output(&doc); err != nil {
				t.Fatal(err)
			}
			imgs, err := pdfImages(doc.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if len(imgs) != 1 {
				t.Fatalf("got %d images, want 1", len(imgs))
			}
			if d := firstDifference(imgs[0], tt.img); d != "" {
				t.Error(d)
			}
		})
	}
}

// firstDifference describes the first pixel where got and want differ, or returns "".
func firstDifference(got, want image.Image) string {
	if got.Bounds() != want.Bounds() {
		return fmt.Sprintf("got bounds %v, want %v", got.Bounds(), want.Bounds())
	}
	b := want.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			gr, gg, gb, ga := got.At(x, y).RGBA()
			wr, wg, wb, wa := want.At(x, y).RGBA()
			if gr != wr || gg != wg || gb != wb || ga != wa {
				return fmt.Sprintf("pixel (%d, %d): got %v, want %v", x, y, got.At(x, y), want.At(x, y))
			}
		}
	}
	return ""
}

func TestUnfilterPNG(t *testing.T) {
	// Two rows of two RGB-like pixels (bpp 3) with a known result, one row per filter.
	want := []byte{10, 20, 30, 40, 50, 60}
	above := []byte{5, 6, 7, 8, 9, 10}
	tests := []struct {
		name string
		ft   byte
		row  func(i int) byte // the filtered byte i of the second row
	}{
		{"none", 0, func(i int) byte { return want[i] }},
		{"sub", 1, func(i int) byte { return want[i] - left(want, i, 3) }},
		{"up", 2, func(i int) byte { return want[i] - above[i] }},
		{"average", 3, func(i int) byte { return want[i] - byte((int(left(want, i, 3))+int(above[i]))/2) }},
		{"paeth", 4, func(i int) byte { return want[i] - paeth(left(want, i, 3), above[i], left(above, i, 3)) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := append([]byte{0}, above...)
			data = append(data, tt.ft)
			for i := range want {
				data = append(data, tt.row(i))
			}
			out, err := unfilterPNG(data, len(want), 2, 3)
			if err != nil {
				t.Fatal(err)
			}
			if got := out[len(want):]; !bytes.Equal(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
	if _, err := unfilterPNG([]byte{9, 1, 2}, 2, 1, 1); err == nil {
		t.Error("filter type 9: got no error, want one")
	}
}

// left is the byte bpp before i in row, or 0 at the start.
func left(row []byte, i, bpp int) byte {
	if i < bpp {
		return 0
	}
	return row[i-bpp]
}
