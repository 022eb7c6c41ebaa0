// Package picture checks and resizes the images uploaded to the portal (ảnh minh họa,
// ảnh trình chiếu). An image is recognised by its content, never its name: JPEG, PNG or
// WebP only, so SVG (which can carry scripts) and HTML disguised as an image are refused.
// Its size is read from the header before the pixels are decoded, so that a "decompression
// bomb" is refused without allocating it. Every accepted image is re-encoded as JPEG at
// fixed widths, which also drops whatever else the file carried (metadata, appended data).
//
// It imports the standard library, golang.org/x/image and fault; nothing of SQL or HTTP.
package picture

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	stddraw "image/draw"
	"image/jpeg"
	_ "image/png" // registers the PNG decoder
	"net/http"

	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp" // registers the WebP decoder

	"motcua/internal/fault"
)

// Limits on an uploaded image.
const (
	// MaxPixels is the largest image accepted: 40 megapixels.
	MaxPixels = 40_000_000
	// MaxSide is the longest side accepted, whatever the area.
	MaxSide = 20_000
	// MaxBytes is the largest file accepted.
	MaxBytes = 15 << 20
)

// Widths are the widths served: the article's picture and the thumbnail.
var Widths = []int{1200, 400}

// Variant is one re-encoded form of an image.
type Variant struct {
	// Name is the content-hashed file name, "<16 hex>-<width>.jpg": a new image is a new
	// name, so that it can be cached for ever.
	Name          string
	Width, Height int
	Data          []byte
}

// Process checks an uploaded image and returns its variants, widest first; an image
// narrower than a width is not enlarged. Errors are fault.Invalid or fault.TooLarge with
// a Vietnamese message.
func Process(data []byte) ([]Variant, error) {
	if len(data) > MaxBytes {
		return nil, fault.New(fault.TooLarge, "Ảnh tối đa 15 MB.")
	}
	switch http.DetectContentType(data) {
	case "image/jpeg", "image/png", "image/webp":
	default:
		return nil, fault.New(fault.Invalid, "Chỉ nhận ảnh JPEG, PNG hoặc WebP (tệp SVG, HTML hay tệp khác đổi đuôi đều bị từ chối).")
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fault.New(fault.Invalid, "Tệp ảnh bị hỏng hoặc không đọc được.")
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > MaxSide || cfg.Height > MaxSide ||
		int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return nil, fault.Newf(fault.TooLarge, "Ảnh quá lớn (%d × %d điểm ảnh): tối đa 40 megapixel.", cfg.Width, cfg.Height)
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fault.New(fault.Invalid, "Tệp ảnh bị hỏng hoặc không đọc được.")
	}
	return Encode(src)
}

// Encode re-encodes an image at every width of Widths as JPEG on a white background,
// resized with Catmull-Rom (sharp, for photographs).
func Encode(src image.Image) ([]Variant, error) { return encode(src, draw.CatmullRom) }

// EncodeQuick is Encode with bilinear resizing: several times faster, good enough for
// drawn images without fine detail (the demo's banners).
func EncodeQuick(src image.Image) ([]Variant, error) { return encode(src, draw.ApproxBiLinear) }

func encode(src image.Image, scaler draw.Scaler) ([]Variant, error) {
	b := src.Bounds()
	var out []Variant
	for _, w := range Widths {
		if w > b.Dx() {
			w = b.Dx()
		}
		h := max(1, b.Dy()*w/b.Dx())
		dst := image.NewRGBA(image.Rect(0, 0, w, h))
		stddraw.Draw(dst, dst.Bounds(), image.NewUniform(color.White), image.Point{}, stddraw.Src)
		if w == b.Dx() {
			stddraw.Draw(dst, dst.Bounds(), src, b.Min, stddraw.Over)
		} else {
			scaler.Scale(dst, dst.Bounds(), src, b, draw.Over, nil)
		}
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 80}); err != nil {
			return nil, fault.New(fault.Internal, "Không mã hóa được ảnh.")
		}
		sum := sha256.Sum256(buf.Bytes())
		out = append(out, Variant{Width: w, Height: h, Data: buf.Bytes()})
		out[len(out)-1].Name = hex.EncodeToString(sum[:8])
	}
	// Both variants share the name of the widest one, with their own width suffix, so
	// that the thumbnail of a picture is found from the picture's name.
	base := out[0].Name
	for i := range out {
		out[i].Name = base + "-" + itoa(Widths[i]) + ".jpg"
	}
	return out, nil
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// Thumb is the name of the thumbnail of a picture named by Process ("…-1200.jpg").
func Thumb(name string) string {
	if len(name) > 9 && name[len(name)-9:] == "-1200.jpg" {
		return name[:len(name)-9] + "-400.jpg"
	}
	return name
}
