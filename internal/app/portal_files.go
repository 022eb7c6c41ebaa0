package app

import (
	"bytes"
	"context"
	"io"

	"motcua/internal/fault"
)

// PortalFileContent is a portal image or PDF opened for sending.
type PortalFileContent struct {
	ContentType string
	// Body is the content; the caller closes it.
	Body io.ReadSeekCloser
}

// OpenPortalFile opens a portal file by its content-hashed name, from wherever it is kept:
// the files store for uploads since the files store held them, the database for rows
// written before (and the demo's). want is the content type the address serves: a file of
// another type is NotFound, so that a PDF is never served as an image.
func (a *App) OpenPortalFile(ctx context.Context, name, want string) (PortalFileContent, error) {
	f, err := a.store.PortalFile(ctx, name)
	if err != nil {
		return PortalFileContent{}, err
	}
	if f.ContentType != want {
		return PortalFileContent{}, fault.New(fault.NotFound, "Không tìm thấy tệp.")
	}
	if f.SHA256 == "" {
		return PortalFileContent{ContentType: f.ContentType, Body: nopCloser{bytes.NewReader(f.Data)}}, nil
	}
	body, err := a.files.Open(f.SHA256)
	if err != nil {
		a.log.ErrorContext(ctx, "portal file missing from the files store", "name", name, "sha256", f.SHA256, "err", err)
		return PortalFileContent{}, err
	}
	return PortalFileContent{ContentType: f.ContentType, Body: body}, nil
}

// nopCloser is a reader of bytes in memory that has nothing to close.
type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }
