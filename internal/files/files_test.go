package files_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"motcua/internal/fault"
	"motcua/internal/files"
)

// minimalPDF is a complete one-page PDF.
const minimalPDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n" +
	"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
	"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n" +
	"trailer<</Root 1 0 R>>\n%%EOF\n"

func encoded(t *testing.T, enc func(io.Writer, image.Image) error) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 2, 2))
	img.Set(0, 0, color.RGBA{200, 0, 0, 255})
	var buf bytes.Buffer
	if err := enc(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestPutSniffing(t *testing.T) {
	pngBytes := encoded(t, png.Encode)
	jpegBytes := encoded(t, func(w io.Writer, m image.Image) error { return jpeg.Encode(w, m, nil) })
	cases := []struct {
		name     string
		content  []byte
		wantType string
		wantCode fault.Code
	}{
		{"pdf", []byte(minimalPDF), files.TypePDF, ""},
		{"png", pngBytes, files.TypePNG, ""},
		{"jpeg", jpegBytes, files.TypeJPEG, ""},
		{"plain text", []byte("Xin chào, đây là văn bản thường.\n"), "", fault.Invalid},
		{"html", []byte("<!DOCTYPE html><html><body>hi</body></html>"), "", fault.Invalid},
		{"html renamed pdf", []byte("  <html><script>alert(1)</script></html> %PDF-1.4"), "", fault.Invalid},
		{"windows executable", append([]byte("MZ\x90\x00\x03\x00\x00\x00"), make([]byte, 100)...), "", fault.Invalid},
		{"zip", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"), "", fault.Invalid},
		{"empty", nil, "", fault.Invalid},
	}
	st := files.New(t.TempDir())
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sha, size, ct, err := st.Put(bytes.NewReader(c.content), 1<<20)
			if c.wantCode != "" {
				if fault.CodeOf(err) != c.wantCode {
					t.Fatalf("got %v, want %s", err, c.wantCode)
				}
				if c.wantCode == fault.Invalid && len(c.content) > 0 && fault.As(err).Message != files.ErrType {
					t.Errorf("got message %q, want %q", fault.As(err).Message, files.ErrType)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(c.content)
			if sha != hex.EncodeToString(sum[:]) || size != int64(len(c.content)) || ct != c.wantType {
				t.Errorf("got %s %d %s, want %x %d %s", sha, size, ct, sum, len(c.content), c.wantType)
			}
			f, err := st.Open(sha)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			back, _ := io.ReadAll(f)
			if !bytes.Equal(back, c.content) {
				t.Errorf("got %d bytes back, want the %d stored", len(back), len(c.content))
			}
		})
	}
}

func TestPutLimitAndDeduplication(t *testing.T) {
	dir := t.TempDir()
	st := files.New(dir)
	big := []byte(minimalPDF + strings.Repeat("%", 5000))
	if _, _, _, err := st.Put(bytes.NewReader(big), 4096); fault.CodeOf(err) != fault.TooLarge {
		t.Errorf("over the limit: got %v, want too_large", err)
	}
	if _, _, _, err := st.Put(bytes.NewReader(big), int64(len(big))); err != nil {
		t.Errorf("at the limit: got %v, want success", err)
	}
	sha1, _, _, err := st.Put(strings.NewReader(minimalPDF), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	sha2, _, _, err := st.Put(strings.NewReader(minimalPDF), 1<<20)
	if err != nil || sha1 != sha2 {
		t.Fatalf("second put: got %s, %v, want %s", sha2, err, sha1)
	}
	want := filepath.Join(dir, "files", sha1[:2], sha1[2:4], sha1)
	if _, err := os.Stat(want); err != nil {
		t.Errorf("file not at %s: %v", want, err)
	}
	leftovers, _ := os.ReadDir(filepath.Join(dir, "files", "tmp"))
	if len(leftovers) != 0 {
		t.Errorf("got %d temporary files left, want 0", len(leftovers))
	}
	for _, bad := range []string{"", "../../etc/passwd", strings.Repeat("g", 64), strings.Repeat("a", 64)} {
		if _, err := st.Open(bad); fault.CodeOf(err) != fault.NotFound {
			t.Errorf("open %q: got %v, want not_found", bad, err)
		}
	}
}

func TestSanitizeName(t *testing.T) {
	cases := []struct {
		name, in, ct, want string
	}{
		{"keeps Vietnamese", "Giấy chứng sinh.pdf", files.TypePDF, "Giấy chứng sinh.pdf"},
		{"path stripped", `C:\Users\an\..\tờ khai.PDF`, files.TypePDF, "tờ khai.pdf"},
		{"unix path", "../../etc/passwd", files.TypePNG, "passwd.png"},
		{"extension from content", "anh.exe", files.TypeJPEG, "anh.jpg"},
		{"quotes and controls", "a\"b\r\nc;d.pdf", files.TypePDF, "a_b__c_d.pdf"},
		{"bidi override", "evil\u202egpj.pdf", files.TypePDF, "evilgpj.pdf"},
		{"bidi isolates and marks", "\u2066h\u200fồ\u200e s\u2069ơ\u202a\u202b\u202c\u202d\u2067\u2068.png", files.TypePNG, "hồ sơ.png"},
		{"zero width and BOM", "\ufeffđơn\u200b\u200d.jpg", files.TypeJPEG, "đơn.jpg"},
		{"only format characters", "\u202e\u2066", files.TypePDF, "tep-dinh-kem.pdf"},
		{"C1 control", "a\u0085b.pdf", files.TypePDF, "a_b.pdf"},
		{"hidden", "...", files.TypePDF, "tep-dinh-kem.pdf"},
		{"long", strings.Repeat("ả", 150) + ".pdf", files.TypePDF, strings.Repeat("ả", 100) + ".pdf"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := files.SanitizeName(c.in, c.ct); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestFormatSize(t *testing.T) {
	for in, want := range map[int64]string{512: "512 B", 2048: "2 KiB", 20 << 20: "20 MiB", 3 << 19: "1.5 MiB"} {
		if got := files.FormatSize(in); got != want {
			t.Errorf("FormatSize(%d): got %q, want %q", in, got, want)
		}
	}
}
