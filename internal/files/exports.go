package files

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"motcua/internal/fault"
)

// Export files (tệp xuất) are the files that export jobs make in the background: a
// dossier book of many volumes, a long list. Unlike attachments they are named by the
// job (a key such as "job-42-1a2b3c"), of any type, and removed when they expire. They
// live under <data>/files/exports/<key>, or exports/<key> in the bucket.

// ExportWriter is an export file being written: a temporary file under the store's tmp
// directory, which Commit makes the stored file and Abort throws away. Until Commit the
// file is nowhere a reader can find it.
type ExportWriter struct {
	s        *Store
	key      string
	tmp      *os.File
	size     int64
	finished bool
}

// CreateExport starts writing the export file named key (letters, digits, '-' and '.',
// at most 100 characters).
func (s *Store) CreateExport(key string) (*ExportWriter, error) {
	if !validKey(key) {
		return nil, fmt.Errorf("files: bad export key %q", key)
	}
	if err := os.MkdirAll(filepath.Join(s.root, "tmp"), 0o750); err != nil {
		return nil, fmt.Errorf("files: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Join(s.root, "tmp"), "export-*")
	if err != nil {
		return nil, fmt.Errorf("files: %w", err)
	}
	return &ExportWriter{s: s, key: key, tmp: tmp}, nil
}

// Write appends to the file.
func (w *ExportWriter) Write(p []byte) (int, error) {
	n, err := w.tmp.Write(p)
	w.size += int64(n)
	return n, err
}

// Commit makes the written file the stored export file (synced, then renamed, or
// uploaded to the bucket) and returns its size.
func (w *ExportWriter) Commit(ctx context.Context, contentType string) (int64, error) {
	if w.finished {
		return 0, errors.New("files: export already finished")
	}
	w.finished = true
	defer os.Remove(w.tmp.Name()) // a no-op once renamed
	if err := w.tmp.Sync(); err != nil {
		w.tmp.Close()
		return 0, fmt.Errorf("files: sync: %w", err)
	}
	if err := w.tmp.Close(); err != nil {
		return 0, fmt.Errorf("files: close: %w", err)
	}
	if w.s.remote != nil {
		ctx, cancel := context.WithTimeout(ctx, opTimeout)
		defer cancel()
		return w.size, w.s.remote.putObject(ctx, exportObject(w.key), w.tmp.Name(), contentType)
	}
	final := w.s.exportPath(w.key)
	if err := os.MkdirAll(filepath.Dir(final), 0o750); err != nil {
		return 0, fmt.Errorf("files: %w", err)
	}
	if err := os.Rename(w.tmp.Name(), final); err != nil {
		return 0, fmt.Errorf("files: rename: %w", err)
	}
	syncDir(filepath.Dir(final))
	return w.size, nil
}

// Abort throws the unfinished file away; after Commit it does nothing.
func (w *ExportWriter) Abort() {
	if w.finished {
		return
	}
	w.finished = true
	w.tmp.Close()
	os.Remove(w.tmp.Name())
}

// OpenExport opens the stored export file named key; a missing one is fault.NotFound.
func (s *Store) OpenExport(key string) (io.ReadSeekCloser, error) {
	if !validKey(key) {
		return nil, fault.New(fault.NotFound, "Không tìm thấy tệp.")
	}
	if s.remote != nil {
		return s.remote.openObject(exportObject(key))
	}
	f, err := os.Open(s.exportPath(key))
	if errors.Is(err, os.ErrNotExist) {
		return nil, fault.New(fault.NotFound, "Không tìm thấy tệp.")
	}
	if err != nil {
		return nil, fmt.Errorf("files: open: %w", err)
	}
	return f, nil
}

// RemoveExport deletes the export file named key; a missing one is no error.
func (s *Store) RemoveExport(key string) error {
	if !validKey(key) {
		return nil
	}
	if s.remote != nil {
		return s.remote.remove(exportObject(key))
	}
	if err := os.Remove(s.exportPath(key)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("files: remove: %w", err)
	}
	return nil
}

func (s *Store) exportPath(key string) string { return filepath.Join(s.root, "exports", key) }

func exportObject(key string) string { return "exports/" + key }

// validKey reports whether key is a safe name for an export file.
func validKey(key string) bool {
	if key == "" || len(key) > 100 || key[0] == '.' {
		return false
	}
	for _, c := range key {
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (c < '0' || c > '9') && c != '-' && c != '.' {
			return false
		}
	}
	return true
}
