package picture

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"motcua/internal/fault"
)

func pngOf(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 90, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// hugePNG is a small PNG whose header claims w × h pixels: what a decompression bomb
// looks like to DecodeConfig.
func hugePNG(t testing.TB, w, h uint32) []byte {
	data := pngOf(t, 4, 4)
	// Signature (8), length (4), "IHDR" (4), then width and height.
	binary.BigEndian.PutUint32(data[16:], w)
	binary.BigEndian.PutUint32(data[20:], h)
	binary.BigEndian.PutUint32(data[29:], crc32.ChecksumIEEE(data[12:29]))
	return data
}

func TestProcess(t *testing.T) {
	t.Parallel()
	vs, err := Process(pngOf(t, 1600, 900))
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 2 || vs[0].Width != 1200 || vs[0].Height != 675 || vs[1].Width != 400 || vs[1].Height != 225 {
		t.Fatalf("got %+v, want 1200×675 and 400×225", vs)
	}
	if !strings.HasSuffix(vs[0].Name, "-1200.jpg") || Thumb(vs[0].Name) != vs[1].Name {
		t.Errorf("names %q %q: want the thumbnail named after the picture", vs[0].Name, vs[1].Name)
	}
	for _, v := range vs {
		cfg, format, err := image.DecodeConfig(bytes.NewReader(v.Data))
		if err != nil || format != "jpeg" || cfg.Width != v.Width {
			t.Errorf("variant %s: got %v %s %d, want a JPEG %d wide", v.Name, err, format, cfg.Width, v.Width)
		}
	}
	small, err := Process(pngOf(t, 300, 200))
	if err != nil || small[0].Width != 300 || small[1].Width != 300 {
		t.Errorf("small image: got %v %+v, want it kept at 300 px, not enlarged", err, small)
	}
}

func TestProcessRefuses(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		data []byte
		code fault.Code
	}{
		{"svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>`), fault.Invalid},
		{"svg with xml prolog", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>`), fault.Invalid},
		{"html named .jpg", []byte(`<!DOCTYPE html><html><script>alert(1)</script></html>`), fault.Invalid},
		{"gif", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), fault.Invalid},
		{"truncated png", pngOf(t, 40, 40)[:60], fault.Invalid},
		{"50 megapixels", hugePNG(t, 10000, 5000), fault.TooLarge},
		{"one long side", hugePNG(t, 30000, 10), fault.TooLarge},
		{"empty", nil, fault.Invalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Process(c.data)
			if !fault.Is(err, c.code) {
				t.Fatalf("got %v, want %s", err, c.code)
			}
			if f := fault.As(err); f == nil || f.Message == "" {
				t.Errorf("got %v, want a Vietnamese message", err)
			}
		})
	}
}
