package pdf

import (
	"fmt"
	"image"
	"image/color"
)

// unfilterPNG undoes the PNG row filters (None, Sub, Up, Average, Paeth; RFC 2083 §6) of
// h rows of rowBytes bytes, each preceded by its filter type byte; bpp is the distance
// in bytes to the corresponding byte of the pixel on the left (at least 1).
func unfilterPNG(data []byte, rowBytes, h, bpp int) ([]byte, error) {
	if len(data) < (rowBytes+1)*h {
		return nil, fmt.Errorf("got %d bytes of filtered rows, want %d", len(data), (rowBytes+1)*h)
	}
	out := make([]byte, rowBytes*h)
	prev := make([]byte, rowBytes) // the row above the first is all zero
	for y := range h {
		ft := data[y*(rowBytes+1)]
		in := data[y*(rowBytes+1)+1 : (y+1)*(rowBytes+1)]
		cur := out[y*rowBytes : (y+1)*rowBytes]
		for i := range rowBytes {
			var a, c byte // left and upper-left
			if i >= bpp {
				a, c = cur[i-bpp], prev[i-bpp]
			}
			b := prev[i]
			switch ft {
			case 0:
				cur[i] = in[i]
			case 1:
				cur[i] = in[i] + a
			case 2:
				cur[i] = in[i] + b
			case 3:
				cur[i] = in[i] + byte((int(a)+int(b))/2)
			case 4:
				cur[i] = in[i] + paeth(a, b, c)
			default:
				return nil, fmt.Errorf("row %d: unknown PNG filter type %d", y, ft)
			}
		}
		prev = cur
	}
	return out, nil
}

// paeth is the Paeth predictor: whichever of left, above and upper-left is closest to
// left + above − upper-left, ties in that order.
func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	default:
		return c
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// samplesToImage builds an image from unfiltered rows of w samples of colors components
// of bpc bits each, rows padded to whole bytes: a paletted image when palette is set,
// else gray (colors 1) or RGB (colors 3). A palette index past the palette is an error.
func samplesToImage(raw []byte, w, h, bpc, colors int, palette color.Palette) (image.Image, error) {
	rowBytes := (w*colors*bpc + 7) / 8
	mask := byte(1<<bpc - 1)
	sample := func(y, k int) uint8 { // the k-th sample of row y
		bit := k * bpc
		v := raw[y*rowBytes+bit/8] >> (8 - bpc - bit%8) & mask
		if palette == nil && bpc < 8 {
			v = uint8(int(v) * 255 / (1<<bpc - 1)) // scale gray levels to 0…255
		}
		return v
	}
	r := image.Rect(0, 0, w, h)
	switch {
	case palette != nil:
		img := image.NewPaletted(r, palette)
		for y := range h {
			for x := range w {
				i := sample(y, x)
				if int(i) >= len(palette) {
					return nil, fmt.Errorf("pixel (%d, %d): index %d past a palette of %d", x, y, i, len(palette))
				}
				img.SetColorIndex(x, y, i)
			}
		}
		return img, nil
	case colors == 1:
		img := image.NewGray(r)
		for y := range h {
			for x := range w {
				img.SetGray(x, y, color.Gray{sample(y, x)})
			}
		}
		return img, nil
	default:
		img := image.NewRGBA(r)
		for y := range h {
			for x := range w {
				img.SetRGBA(x, y, color.RGBA{sample(y, 3*x), sample(y, 3*x+1), sample(y, 3*x+2), 0xff})
			}
		}
		return img, nil
	}
}
