package app_test

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"log/slog"
	"path/filepath"
	"testing"

	"motcua/internal/app"
	"motcua/internal/demo"
	"motcua/internal/files"
	"motcua/internal/files/filestest"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// TestPortalFilesOnS3: with the files in an object store, a picture uploaded through one
// server is served by another, and nothing of it stays on the first server's disk.
func TestPortalFilesOnS3(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			st := storetest.Clone(t, d, "demo-base", nil, func(s *store.Store) error {
				return demo.LoadBase(ctx, s, "mật-khẩu-thử-nghiệm")
			})
			bucket := filestest.S3(t)
			node := func() (*app.App, string) {
				dir := t.TempDir()
				objects, err := files.NewS3(ctx, bucket, dir)
				if err != nil {
					t.Fatal(err)
				}
				return app.New(app.Config{DataDir: dir, Files: objects}, st, slog.New(slog.NewTextHandler(io.Discard, nil))), dir
			}
			a, dirA := node()
			b, _ := node()
			name, err := a.UploadPortalImage(ctx, demoUser(t, "tanhoa.bientap"), testPNG(t))
			if err != nil {
				t.Fatal(err)
			}
			f, err := b.OpenPortalFile(ctx, name, files.TypeJPEG)
			if err != nil {
				t.Fatalf("other server opens the picture: %v", err)
			}
			data, _ := io.ReadAll(f.Body)
			f.Body.Close()
			if !bytes.HasPrefix(data, []byte{0xff, 0xd8, 0xff}) {
				t.Errorf("picture from the bucket: got %d bytes starting % x, want a JPEG", len(data), data[:min(3, len(data))])
			}
			filepath.WalkDir(dirA, func(p string, e fs.DirEntry, err error) error {
				if err == nil && !e.IsDir() {
					t.Errorf("file left on the uploading server's disk: %s", p)
				}
				return nil
			})
		})
	}
}
