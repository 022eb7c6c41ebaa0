package files_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"motcua/internal/fault"
	"motcua/internal/files"
	"motcua/internal/files/filestest"
)

// TestExportFiles writes an export file on disk and in an S3-compatible store: nothing is
// readable before Commit, an aborted file leaves nothing, another server reads a
// committed one, and a removed one is gone.
func TestExportFiles(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := filestest.S3(t)
	local := t.TempDir()
	stores := []struct {
		name         string
		write, other func(t *testing.T) *files.Store
	}{
		{"disk", func(*testing.T) *files.Store { return files.New(local) }, func(*testing.T) *files.Store { return files.New(local) }},
		{"s3", s3Store(url), s3Store(url)},
	}
	for _, tt := range stores {
		t.Run(tt.name, func(t *testing.T) {
			s, other := tt.write(t), tt.other(t)
			if _, err := s.CreateExport("../etc/passwd"); err == nil {
				t.Fatal("a key with a path: got no error")
			}
			w, err := s.CreateExport("job-1-1-abc")
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte("PK nửa tệp"))
			w.Abort()
			if _, err := other.OpenExport("job-1-1-abc"); !fault.Is(err, fault.NotFound) {
				t.Fatalf("aborted file: got %v, want not found", err)
			}
			w, _ = s.CreateExport("job-1-2-def")
			if _, err := other.OpenExport("job-1-2-def"); !fault.Is(err, fault.NotFound) {
				t.Fatalf("file being written: got %v, want not found", err)
			}
			content := "PK sổ theo dõi hồ sơ, quyển 1 và 2"
			w.Write([]byte(content))
			if size, err := w.Commit(ctx, "application/zip"); err != nil || size != int64(len(content)) {
				t.Fatalf("commit: got %d, %v", size, err)
			}
			f, err := other.OpenExport("job-1-2-def")
			if err != nil {
				t.Fatal(err)
			}
			data, _ := io.ReadAll(f)
			f.Close()
			if string(data) != content {
				t.Fatalf("read back: got %q, want %q", data, content)
			}
			if err := s.RemoveExport("job-1-2-def"); err != nil {
				t.Fatal(err)
			}
			if _, err := other.OpenExport("job-1-2-def"); !fault.Is(err, fault.NotFound) {
				t.Fatalf("removed file: got %v, want not found", err)
			}
		})
	}
	if list, _ := os.ReadDir(filepath.Join(local, "files", "tmp")); len(list) != 0 {
		t.Errorf("temporary files left: %d", len(list))
	}
}

func s3Store(url string) func(t *testing.T) *files.Store {
	return func(t *testing.T) *files.Store {
		s, err := files.NewS3(context.Background(), url, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
}
