// Package files keeps the attachments (tệp đính kèm) of dossiers on disk, content-addressed
// by SHA-256 under <data>/files/ab/cd/<sha256>: a file uploaded twice is stored once, and
// a stored file never changes. Only PDF, JPEG and PNG are accepted, recognised by their
// content, never by their name. Names shown to users are sanitised here too. The files
// that export jobs make (exports.go) are kept apart, under names of their own, and removed
// when they expire.
//
// It imports only the standard library and motcua/internal/fault; it knows nothing of SQL
// or HTTP (the store keeps the metadata, the web layer the access rules).
package files

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"

	"motcua/internal/fault"
)

// Accepted content types.
const (
	TypePDF  = "application/pdf"
	TypeJPEG = "image/jpeg"
	TypePNG  = "image/png"
)

// ErrType is the message for a file that is not a PDF, JPEG or PNG.
const ErrType = "Chỉ nhận tệp PDF, JPEG hoặc PNG."

// Store is where attachments are kept: the directory of the data directory by default
// (New), or a bucket of an S3-compatible object store that every server reaches (NewS3),
// staged through the local directory while an upload is checked. Its zero value is not
// usable.
type Store struct {
	root   string
	remote *bucket
}

// New returns the store of attachments under dataDir/files; directories are made on the
// first Put.
func New(dataDir string) *Store {
	return &Store{root: filepath.Join(dataDir, "files")}
}

// Put reads r to the end (at most limit bytes), checks by content sniffing that it is a
// PDF, JPEG or PNG (else a fault.Invalid with ErrType) and stores it under its SHA-256:
// written to a temporary file, synced, then renamed, so that a crash never leaves half a
// file under a final name. More than limit bytes is a fault.TooLarge; an empty file is
// Invalid.
func (s *Store) Put(r io.Reader, limit int64) (sha string, size int64, contentType string, err error) {
	head := make([]byte, 512)
	n, err := io.ReadFull(r, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return "", 0, "", readError(err)
	}
	head = head[:n]
	if n == 0 {
		return "", 0, "", fault.New(fault.Invalid, "Tệp tải lên không có nội dung.")
	}
	contentType, ok := sniff(head)
	if !ok {
		return "", 0, "", fault.New(fault.Invalid, ErrType)
	}
	if err := os.MkdirAll(filepath.Join(s.root, "tmp"), 0o750); err != nil {
		return "", 0, "", fmt.Errorf("files: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Join(s.root, "tmp"), "upload-*")
	if err != nil {
		return "", 0, "", fmt.Errorf("files: %w", err)
	}
	defer func() {
		if tmp != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	h := sha256.New()
	body := io.MultiReader(bytes.NewReader(head), r)
	size, err = io.Copy(io.MultiWriter(tmp, h), io.LimitReader(body, limit+1))
	if err != nil {
		return "", 0, "", readError(err)
	}
	if size > limit {
		return "", 0, "", fault.Newf(fault.TooLarge, "Tệp vượt quá dung lượng cho phép (%s).", FormatSize(limit))
	}
	if err := tmp.Sync(); err != nil {
		return "", 0, "", fmt.Errorf("files: sync: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return "", 0, "", fmt.Errorf("files: close: %w", err)
	}
	sha = hex.EncodeToString(h.Sum(nil))
	if s.remote != nil {
		if err := s.remote.put(sha, tmp.Name(), size, contentType); err != nil {
			return "", 0, "", err
		}
		return sha, size, contentType, nil // the deferred clean-up removes the staged copy
	}
	final := s.path(sha)
	if _, err := os.Stat(final); err == nil {
		return sha, size, contentType, nil // already stored: same content, same name
	}
	if err := os.MkdirAll(filepath.Dir(final), 0o750); err != nil {
		return "", 0, "", fmt.Errorf("files: %w", err)
	}
	if err := os.Rename(tmp.Name(), final); err != nil {
		return "", 0, "", fmt.Errorf("files: rename: %w", err)
	}
	tmp = nil
	syncDir(filepath.Dir(final))
	return sha, size, contentType, nil
}

// Open opens the stored file with the SHA-256 (64 lowercase hex digits); an unknown or
// malformed sha is a fault.NotFound.
func (s *Store) Open(sha string) (io.ReadSeekCloser, error) {
	if !validSHA(sha) {
		return nil, fault.New(fault.NotFound, "Không tìm thấy tệp.")
	}
	if s.remote != nil {
		return s.remote.open(sha)
	}
	f, err := os.Open(s.path(sha))
	if errors.Is(err, os.ErrNotExist) {
		return nil, fault.New(fault.NotFound, "Không tìm thấy tệp.")
	}
	if err != nil {
		return nil, fmt.Errorf("files: open: %w", err)
	}
	return f, nil
}

func (s *Store) path(sha string) string {
	return filepath.Join(s.root, sha[:2], sha[2:4], sha)
}

// sniff returns the accepted content type of the first bytes of a file.
func sniff(head []byte) (string, bool) {
	switch t := http.DetectContentType(head); t {
	case TypePDF, TypeJPEG, TypePNG:
		return t, true
	}
	return "", false
}

func validSHA(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// readError maps a failed read of the upload: a body over the HTTP limit is too_large.
func readError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return fault.New(fault.TooLarge, "Dữ liệu gửi lên vượt quá dung lượng cho phép.")
	}
	return fmt.Errorf("files: read: %w", err)
}

// syncDir makes a rename durable; errors are ignored where directories cannot be synced.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
