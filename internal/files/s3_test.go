package files_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"motcua/internal/fault"
	"motcua/internal/files"
	"motcua/internal/files/filestest"
)

// TestS3 keeps attachments in an S3-compatible store: what one server puts, another
// reads, checked by content like on disk, with nothing left on the local disk.
func TestS3(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := filestest.S3(t)
	dirA, dirB := t.TempDir(), t.TempDir()
	a, err := files.NewS3(ctx, url, dirA)
	if err != nil {
		t.Fatal(err)
	}
	b, err := files.NewS3(ctx, url, dirB)
	if err != nil {
		t.Fatal(err)
	}
	pdf := []byte("%PDF-1.4\n% bản chụp giấy khai sinh\n%%EOF\n")
	sha, size, ct, err := a.Put(bytes.NewReader(pdf), 1<<20)
	if err != nil || size != int64(len(pdf)) || ct != files.TypePDF {
		t.Fatalf("put: %s %d %s %v", sha, size, ct, err)
	}
	if again, _, _, err := b.Put(bytes.NewReader(pdf), 1<<20); err != nil || again != sha {
		t.Fatalf("same content from the other server: %s, %v", again, err)
	}
	f, err := b.Open(sha)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Seek(5, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	rest, _ := io.ReadAll(f)
	f.Close()
	if !bytes.Equal(rest, pdf[5:]) {
		t.Fatalf("read back %q", rest)
	}
	if _, err := a.Open(strings.Repeat("ab", 32)); !fault.Is(err, fault.NotFound) {
		t.Fatalf("missing object: %v, want not_found", err)
	}
	if _, _, _, err := a.Put(strings.NewReader("<html>không phải ảnh</html>"), 1<<20); !fault.Is(err, fault.Invalid) {
		t.Fatalf("html upload: %v, want invalid", err)
	}
	if _, _, _, err := a.Put(bytes.NewReader(append(pdf, make([]byte, 2048)...)), 1024); !fault.Is(err, fault.TooLarge) {
		t.Fatalf("large upload: %v, want too_large", err)
	}
	var left []string
	filepath.WalkDir(dirA, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			left = append(left, p)
		}
		return nil
	})
	if len(left) > 0 {
		t.Errorf("files left on the local disk: %v", left)
	}
	if _, err := files.NewS3(ctx, strings.Replace(url, "/motcua?", "/khong-co?", 1), dirA); err == nil {
		t.Error("a missing bucket was accepted")
	}
	if _, err := files.NewS3(ctx, "s3://chi-co-may", dirA); err == nil {
		t.Error("a URL without keys or bucket was accepted")
	}
}
