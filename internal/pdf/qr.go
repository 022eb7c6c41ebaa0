package pdf

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/go-pdf/fpdf"
	qrcode "github.com/skip2/go-qrcode"

	"motcua/internal/fault"
)

// QRPNG returns a PNG image of a QR code holding content, with the standard quiet zone
// around it and medium error correction (15 %), which survives a smudged print. The image
// is px pixels square, or four pixels per module when px is 0 (the smallest exact image).
// It returns an Invalid error for empty content.
func QRPNG(content string, px int) ([]byte, error) {
	if strings.TrimSpace(content) == "" {
		return nil, fault.New(fault.Invalid, "Thiếu nội dung để tạo mã QR.")
	}
	if px <= 0 {
		px = -4 // go-qrcode: a negative size is pixels per module
	}
	png, err := qrcode.Encode(content, qrcode.Medium, px)
	if err != nil {
		return nil, fmt.Errorf("pdf: qr code: %w", err)
	}
	return png, nil
}

// qr draws a QR code of content with its top-left corner at (x, y), size mm square
// (quiet zone included). A content drawn twice in a document is embedded once.
func (s *sheet) qr(content string, x, y, size float64) error {
	opt := fpdf.ImageOptions{ImageType: "PNG"}
	name, ok := s.images[content]
	if !ok {
		// Four pixels per module are plenty: the PDF scales the image without smoothing.
		png, err := QRPNG(content, 0)
		if err != nil {
			return err
		}
		name = fmt.Sprintf("qr%d", len(s.images)+1)
		s.images[content] = name
		s.f.RegisterImageOptionsReader(name, opt, bytes.NewReader(png))
	}
	s.f.ImageOptions(name, x, y, size, size, false, opt, 0, "")
	if err := s.f.Error(); err != nil {
		return fmt.Errorf("pdf: place qr code: %w", err)
	}
	return nil
}
