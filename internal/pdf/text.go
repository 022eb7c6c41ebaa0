package pdf

import (
	"encoding/binary"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
)

// doc is an fpdf document whose text methods pass every string through printable. It is
// the one place where text enters fpdf: fpdf panics on a character outside the Basic
// Multilingual Plane and draws nothing useful for one the embedded fonts lack.
type doc struct {
	*fpdf.Fpdf
}

// CellFormat is fpdf's CellFormat over printable text.
func (d doc) CellFormat(w, h float64, txt, border string, ln int, align string, fill bool, link int, linkURL string) {
	d.Fpdf.CellFormat(w, h, printable(txt), border, ln, align, fill, link, linkURL)
}

// Cell is fpdf's Cell over printable text.
func (d doc) Cell(w, h float64, txt string) {
	d.Fpdf.Cell(w, h, printable(txt))
}

// MultiCell is fpdf's MultiCell over printable text.
func (d doc) MultiCell(w, h float64, txt, border, align string, fill bool) {
	d.Fpdf.MultiCell(w, h, printable(txt), border, align, fill)
}

// Write is fpdf's Write over printable text.
func (d doc) Write(h float64, txt string) {
	d.Fpdf.Write(h, printable(txt))
}

// WriteAligned is fpdf's WriteAligned over printable text.
func (d doc) WriteAligned(w, h float64, txt, align string) {
	d.Fpdf.WriteAligned(w, h, printable(txt), align)
}

// Text is fpdf's Text over printable text.
func (d doc) Text(x, y float64, txt string) {
	d.Fpdf.Text(x, y, printable(txt))
}

// GetStringWidth is fpdf's GetStringWidth of the printable text.
func (d doc) GetStringWidth(s string) float64 {
	return d.Fpdf.GetStringWidth(printable(s))
}

// SplitText is fpdf's SplitText of the printable text.
func (d doc) SplitText(txt string, w float64) []string {
	return d.Fpdf.SplitText(printable(txt), w)
}

// SplitLines is fpdf's SplitLines of the printable text.
func (d doc) SplitLines(txt []byte, w float64) [][]byte {
	return d.Fpdf.SplitLines([]byte(printable(string(txt))), w)
}

// printable returns s as the embedded fonts can draw it: line breaks (\n, \r\n, \r,
// U+2028, U+2029) become \n and tabs a space; other control and format characters (bidi
// overrides, zero-width characters) are dropped; a character that all three faces do not
// have, every one outside the Basic Multilingual Plane and invalid UTF-8 included, becomes
// the replacement glyph.
func printable(s string) string {
	cov := coverage()
	clean := func(s string) bool {
		for _, r := range s {
			if r == '\n' || r < 0x80 && r >= 0x20 && r != 0x7f {
				continue
			}
			if !cov.has(r) || unicode.In(r, unicode.Cc, unicode.Cf) {
				return false
			}
		}
		return true
	}
	if utf8.ValidString(s) && clean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == '\r':
			if !strings.HasPrefix(s[i+1:], "\n") {
				b.WriteByte('\n')
			}
		case r == '\n' || r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case unicode.In(r, unicode.Cc, unicode.Cf):
		case cov.has(r) && r != utf8.RuneError:
			b.WriteRune(r)
		default:
			b.WriteRune(replacement())
		}
	}
	return b.String()
}

// replacement is the glyph printed for a character the fonts lack: U+FFFD when they all
// have it, otherwise '?'.
func replacement() rune {
	if coverage().has('\uFFFD') {
		return '\uFFFD'
	}
	return '?'
}

// glyphSet marks the characters of the Basic Multilingual Plane that a font maps to a
// glyph other than .notdef.
type glyphSet [0x10000 / 64]uint64

func (g *glyphSet) has(r rune) bool {
	return r >= 0 && r < 0x10000 && g[r/64]&(1<<(r%64)) != 0
}

func (g *glyphSet) add(r rune) {
	g[r/64] |= 1 << (r % 64)
}

// coverage is the set of characters all three embedded faces can draw, read once from
// their cmap tables.
var coverage = sync.OnceValue(func() *glyphSet {
	all := new(glyphSet)
	for i, face := range [][]byte{fontRegular, fontBold, fontItalic} {
		g := bmpGlyphs(face)
		if i == 0 {
			*all = g
			continue
		}
		for j := range all {
			all[j] &= g[j]
		}
	}
	return all
})

// bmpGlyphs reads the characters of the Basic Multilingual Plane mapped by the Windows
// Unicode BMP (3, 1) format 4 subtable of a TrueType font's cmap table. A malformed font
// yields the characters read up to the fault; the fonts are embedded and tested.
func bmpGlyphs(font []byte) glyphSet {
	var g glyphSet
	u16 := func(off int) int {
		if off < 0 || off+2 > len(font) {
			return 0
		}
		return int(binary.BigEndian.Uint16(font[off:]))
	}
	u32 := func(off int) int {
		if off < 0 || off+4 > len(font) {
			return 0
		}
		return int(binary.BigEndian.Uint32(font[off:]))
	}
	cmap := 0
	for i, n := 0, u16(4); i < n; i++ {
		rec := 12 + 16*i
		if string(font[rec:min(rec+4, len(font))]) == "cmap" {
			cmap = u32(rec + 8)
		}
	}
	if cmap == 0 {
		return g
	}
	sub := 0
	for i, n := 0, u16(cmap+2); i < n; i++ {
		rec := cmap + 4 + 8*i
		if u16(rec) == 3 && u16(rec+2) == 1 {
			sub = cmap + u32(rec+4)
		}
	}
	if sub == 0 || u16(sub) != 4 {
		return g
	}
	segs := u16(sub+6) / 2
	ends, starts := sub+14, sub+16+2*segs
	deltas, offsets := starts+2*segs, starts+4*segs
	for i := range segs {
		end, start := u16(ends+2*i), u16(starts+2*i)
		delta, rangeOff := u16(deltas+2*i), u16(offsets+2*i)
		for c := start; c <= end && c < 0xFFFF; c++ {
			glyph := 0
			if rangeOff == 0 {
				glyph = (c + delta) & 0xFFFF
			} else if idx := u16(offsets + 2*i + rangeOff + 2*(c-start)); idx != 0 {
				glyph = (idx + delta) & 0xFFFF
			}
			if glyph != 0 {
				g.add(rune(c))
			}
		}
	}
	return g
}
