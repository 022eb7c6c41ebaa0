// Package filestest runs an S3-compatible object store on loopback for tests: the
// gofakes3 server, which speaks the S3 protocol over HTTP, with its objects in memory.
// Only tests import it.
package filestest

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

// S3 starts an object store holding one empty bucket and returns its s3:// URL for
// files.NewS3, stopped when the test ends.
func S3(tb testing.TB) string {
	tb.Helper()
	backend := s3mem.New()
	if err := backend.CreateBucket("motcua"); err != nil {
		tb.Fatal(err)
	}
	srv := httptest.NewServer(gofakes3.New(backend, gofakes3.WithoutVersioning()).Server())
	tb.Cleanup(srv.Close)
	return "s3://khoa:bi-mat@" + strings.TrimPrefix(srv.URL, "http://") + "/motcua?tls=false"
}
