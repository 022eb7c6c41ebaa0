package backup

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// copyTree copies every regular file under src into dst, keeping the relative paths,
// except the SQLite database and its journal files and the temporary upload directories.
// A file named by a SHA-256 is checked against it. It returns the number of files and
// bytes copied.
func copyTree(ctx context.Context, src, dst string) (n int, size int64, err error) {
	if _, err := os.Stat(src); errors.Is(err, os.ErrNotExist) {
		return 0, 0, nil
	}
	err = filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "tmp" {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || skipped(rel) {
			return nil
		}
		want := ""
		if isSHA(d.Name()) {
			want = d.Name()
		}
		if err := copyFile(path, filepath.Join(dst, rel), want); err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		n++
		size += info.Size()
		return nil
	})
	return n, size, err
}

// skipped names the files of the data directory that are not copied file by file: the
// live database (backed up by its own snapshot) and its journals.
func skipped(rel string) bool {
	base := filepath.Base(rel)
	return base == dbFile || strings.HasPrefix(base, dbFile+"-") || base == manifestFile
}

// copyFile copies src to dst through a temporary file that is synced and renamed, so that
// a crash leaves no half file under the final name. When wantSHA is set the content must
// hash to it.
func copyFile(src, dst, wantSHA string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o750); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".restore-*")
	if err != nil {
		return err
	}
	defer func() {
		if tmp != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	h := sha256.New()
	if _, err := io.Copy(io.MultiWriter(tmp, h), in); err != nil {
		return err
	}
	if wantSHA != "" && hex.EncodeToString(h.Sum(nil)) != wantSHA {
		return fmt.Errorf("tệp %s bị hỏng: nội dung không khớp mã băm", src)
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return err
	}
	tmp = nil
	return nil
}

// writeFile writes data to path durably.
func writeFile(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func isSHA(s string) bool {
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
