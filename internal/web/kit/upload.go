package kit

import (
	"io"
	"mime/multipart"
	"net/http"

	"motcua/internal/app"
	"motcua/internal/fault"
	"motcua/internal/files"
)

// MaxSupplementFiles is how many files one supplement upload may carry.
const MaxSupplementFiles = 5

// multipartOverhead is what an upload request may carry besides its files (boundaries,
// headers, small fields).
const multipartOverhead = 1 << 20

// UploadLimit caps the body of an upload route (these routes escape the ordinary body
// limit): a declared length over the cap is refused at once with 413, a longer body is
// cut by http.MaxBytesReader and ends as too_large.
func (s *Kit) UploadLimit(maxFiles int, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		limit := min(int64(maxFiles)*s.Cfg.FileLimit, s.Cfg.DossierFileLimit) + multipartOverhead
		if r.ContentLength > limit {
			err := fault.Newf(fault.TooLarge, "Dữ liệu gửi lên vượt quá dung lượng cho phép (%s cho mỗi tệp).", files.FormatSize(s.Cfg.FileLimit))
			if IsAPI(r) {
				s.APIError(w, r, err)
			} else {
				s.PageError(w, r, err)
			}
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		h.ServeHTTP(w, r)
	})
}

// Uploads turns the files posted under name into the use cases' uploads, or an Invalid
// error when none was posted.
func Uploads(r *http.Request, name string) ([]app.Upload, error) {
	fhs, err := UploadedFiles(r, name)
	if err != nil {
		return nil, err
	}
	out := make([]app.Upload, len(fhs))
	for i, fh := range fhs {
		out[i] = app.Upload{Name: fh.Filename, Size: fh.Size, Open: func() (io.ReadCloser, error) { return fh.Open() }}
	}
	return out, nil
}

// UploadedFiles returns the files posted under name, or an Invalid error when none was.
func UploadedFiles(r *http.Request, name string) ([]*multipart.FileHeader, error) {
	if r.MultipartForm == nil {
		if err := ParseForm(r); err != nil {
			return nil, err
		}
	}
	if r.MultipartForm == nil || len(r.MultipartForm.File[name]) == 0 {
		return nil, fault.WithFields("Chưa chọn tệp để tải lên.", map[string]string{name: "Cần chọn tệp PDF, JPEG hoặc PNG."})
	}
	return r.MultipartForm.File[name], nil
}

// Viewer is who the request comes from: an officer, a citizen, or nobody.
func (s *Kit) Viewer(r *http.Request) app.Viewer {
	if u, ok := CurrentUser(r); ok {
		return app.Viewer{Officer: &u}
	}
	if c, ok := s.CurrentCitizen(r); ok {
		return app.Viewer{Citizen: &c}
	}
	return app.Viewer{}
}

// LimitBody applies a body limit of its own to an upload route, which the general
// middleware leaves alone.
func LimitBody(limit int64, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		h.ServeHTTP(w, r)
	})
}
