package files

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"

	"motcua/internal/fault"
)

// bucket is a bucket of an S3-compatible object store (SeaweedFS, MinIO, Ceph, a cloud's)
// holding the files under files/ab/cd/<sha256>, the same names as on disk.
type bucket struct {
	client *minio.Client
	name   string
}

// opTimeout bounds one call to the object store.
const opTimeout = 2 * time.Minute

// NewS3 returns a store of attachments kept in the bucket named by the URL
// s3://ACCESS_KEY:SECRET_KEY@HOST:PORT/BUCKET[?tls=true&region=…] (tls defaults to true;
// tls=false is for a store on the local network). Uploads are staged and checked under
// dataDir/files/tmp before they are sent. The bucket must exist and be reachable: it is
// checked here, so that a server never starts with a store it cannot use.
func NewS3(ctx context.Context, rawURL, dataDir string) (*Store, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Scheme != "s3" || u.Host == "" || strings.Trim(u.Path, "/") == "" || u.User == nil {
		return nil, fmt.Errorf("files: địa chỉ kho tệp phải có dạng s3://KHÓA:BÍ_MẬT@MÁY:CỔNG/BUCKET")
	}
	secret, _ := u.User.Password()
	q := u.Query()
	client, err := minio.New(u.Host, &minio.Options{
		Creds:  credentials.NewStaticV4(u.User.Username(), secret, ""),
		Secure: q.Get("tls") != "false",
		Region: q.Get("region"),
	})
	if err != nil {
		return nil, fmt.Errorf("files: s3: %w", err)
	}
	b := &bucket{client: client, name: strings.Trim(u.Path, "/")}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	ok, err := client.BucketExists(ctx, b.name)
	if err != nil {
		return nil, fmt.Errorf("files: s3 %s: %w", u.Host, err)
	}
	if !ok {
		return nil, fmt.Errorf("files: s3 %s: bucket %q does not exist", u.Host, b.name)
	}
	s := New(dataDir)
	s.remote = b
	return s, nil
}

func (b *bucket) key(sha string) string {
	return "files/" + sha[:2] + "/" + sha[2:4] + "/" + sha
}

// put uploads the staged file under the sha, unless the store already holds it: objects
// are named by their content, so one that exists is the same.
func (b *bucket) put(sha, path string, size int64, contentType string) error {
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	if _, err := b.client.StatObject(ctx, b.name, b.key(sha), minio.StatObjectOptions{}); err == nil {
		return nil
	}
	return b.putObject(ctx, b.key(sha), path, contentType)
}

// putObject uploads the staged file at path as the object named key.
func (b *bucket) putObject(ctx context.Context, key, path, contentType string) error {
	if _, err := b.client.FPutObject(ctx, b.name, key, path, minio.PutObjectOptions{ContentType: contentType}); err != nil {
		return fmt.Errorf("files: s3 put: %w", err)
	}
	return nil
}

// remove deletes the object named key; a missing one is no error.
func (b *bucket) remove(key string) error {
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	if err := b.client.RemoveObject(ctx, b.name, key, minio.RemoveObjectOptions{}); err != nil {
		return fmt.Errorf("files: s3 remove: %w", err)
	}
	return nil
}

// open returns a reader of the object that can seek (for range requests); a missing
// object is fault.NotFound.
func (b *bucket) open(sha string) (io.ReadSeekCloser, error) {
	return b.openObject(b.key(sha))
}

// openObject is open for the object named key.
func (b *bucket) openObject(key string) (io.ReadSeekCloser, error) {
	ctx := context.Background()
	obj, err := b.client.GetObject(ctx, b.name, key, minio.GetObjectOptions{})
	if err != nil {
		return nil, fmt.Errorf("files: s3 get: %w", err)
	}
	if _, err := obj.Stat(); err != nil {
		obj.Close()
		if minio.ToErrorResponse(err).Code == "NoSuchKey" {
			return nil, fault.New(fault.NotFound, "Không tìm thấy tệp.")
		}
		return nil, fmt.Errorf("files: s3 get: %w", err)
	}
	return obj, nil
}
