package pdf

import (
	"bytes"
	"strings"
	"testing"
)

// TestFormsPrintAnyText prints a receipt and a dossier book for an applicant whose name
// holds a character outside the Basic Multilingual Plane, one the font lacks, a bidi
// override and control characters, and reads the names back.
func TestFormsPrintAnyText(t *testing.T) {
	names := []struct {
		name, applicant string
	}{
		{"emoji", "Nguyễn Văn 🙂 An"},
		{"emoji sequence", "Nguyễn Văn 👩\u200d👩\u200d👧 An"},
		{"missing glyph", "Nguyễn Văn 漢字 An"},
		{"controls", "Nguyễn Văn\x00\x07\x1b\u202e\u2066 An"},
		{"private use", "Nguyễn Văn \ue000\U000F0000 An"},
	}
	for _, tc := range names {
		t.Run(tc.name, func(t *testing.T) {
			d := dossier(t, "2026-04-29 10:00", "2026-05-04 10:00")
			d.Applicant.Name = tc.applicant
			d.Applicant.Address = "Tổ 5 " + tc.applicant
			for kind, write := range writers(t, d) {
				if kind != FormReceipt && kind != FormBook {
					continue
				}
				var buf bytes.Buffer
				if err := write(&buf); err != nil {
					t.Fatalf("%v: %v", kind, err)
				}
				text := pdfText(t, buf.Bytes())
				for _, want := range []string{"Nguyễn Văn", "An"} {
					if !strings.Contains(text, want) {
						t.Errorf("%v: got text without %q", kind, want)
					}
				}
			}
		})
	}
}

func TestPrintable(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"vietnamese", "Nguyễn Thị Hường, Đắk Lắk", "Nguyễn Thị Hường, Đắk Lắk"},
		{"line breaks kept", "Giao:\nNhận:", "Giao:\nNhận:"},
		{"tab and carriage return", "a\tb\r\nc", "a b\nc"},
		{"controls dropped", "a\x00\x07\x1b\x7f\u0085b", "ab"},
		{"format dropped", "evil\u202egpj.pdf\u200b\u2066\ufeff", "evilgpj.pdf"},
		{"outside the BMP", "An 🙂", "An " + string(replacement())},
		{"missing glyph", "漢", string(replacement())},
		{"invalid UTF-8", "a\xffb", "a" + string(replacement()) + "b"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := printable(tc.in); got != tc.want {
				t.Errorf("printable(%q): got %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
