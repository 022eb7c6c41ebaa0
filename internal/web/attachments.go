package web

import (
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"motcua/internal/app"
	"motcua/internal/fault"
	"motcua/internal/files"
	"motcua/internal/store"
)

// multipartOverhead is what an upload request may carry besides its files (boundaries,
// headers, small fields).
const multipartOverhead = 1 << 20

// uploadLimit caps the body of an upload route (these routes escape the ordinary body
// limit): a declared length over the cap is refused at once with 413, a longer body is
// cut by http.MaxBytesReader and ends as too_large.
func (s *Server) uploadLimit(maxFiles int, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		limit := min(int64(maxFiles)*s.cfg.FileLimit, s.cfg.DossierFileLimit) + multipartOverhead
		if r.ContentLength > limit {
			err := fault.Newf(fault.TooLarge, "Dữ liệu gửi lên vượt quá dung lượng cho phép (%s cho mỗi tệp).", files.FormatSize(s.cfg.FileLimit))
			if isAPI(r) {
				s.apiError(w, r, err)
			} else {
				s.pageError(w, r, err)
			}
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		h.ServeHTTP(w, r)
	})
}

// uploads turns the files posted under name into the use cases' uploads, or an Invalid
// error when none was posted.
func uploads(r *http.Request, name string) ([]app.Upload, error) {
	fhs, err := uploadedFiles(r, name)
	if err != nil {
		return nil, err
	}
	out := make([]app.Upload, len(fhs))
	for i, fh := range fhs {
		out[i] = app.Upload{Name: fh.Filename, Size: fh.Size, Open: func() (io.ReadCloser, error) { return fh.Open() }}
	}
	return out, nil
}

// uploadedFiles returns the files posted under name, or an Invalid error when none was.
func uploadedFiles(r *http.Request, name string) ([]*multipart.FileHeader, error) {
	if r.MultipartForm == nil {
		if err := parseForm(r); err != nil {
			return nil, err
		}
	}
	if r.MultipartForm == nil || len(r.MultipartForm.File[name]) == 0 {
		return nil, fault.WithFields("Chưa chọn tệp để tải lên.", map[string]string{name: "Cần chọn tệp PDF, JPEG hoặc PNG."})
	}
	return r.MultipartForm.File[name], nil
}

// handleDownload serves an attachment (GET /tep/{id}) to whoever the use case allows.
func (s *Server) handleDownload(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.pageError(w, r, fault.New(fault.NotFound, "Không tìm thấy tệp."))
		return
	}
	a, f, err := s.app.Attachment(r.Context(), s.viewer(r), id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	defer f.Close()
	h := w.Header()
	h.Set("Content-Type", a.ContentType)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": a.FileName}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "private, no-store")
	http.ServeContent(w, r, "", a.CreatedAt, f)
}

// viewer is who the request comes from: an officer, a citizen, or nobody.
func (s *Server) viewer(r *http.Request) app.Viewer {
	if u, ok := currentUser(r); ok {
		return app.Viewer{Officer: &u}
	}
	if c, ok := s.currentCitizen(r); ok {
		return app.Viewer{Citizen: &c}
	}
	return app.Viewer{}
}

// handleOnlineUpload attaches one file to a document of the citizen's draft
// (POST /nop-truc-tuyen/{procedure}/attachments), keeping what was typed in the form.
func (s *Server) handleOnlineUpload(w http.ResponseWriter, r *http.Request, c store.Citizen) {
	code := r.PathValue("procedure")
	idx, err := strconv.Atoi(r.PostFormValue("doc"))
	if err != nil {
		idx = -1
	}
	ups, err := uploads(r, "file")
	if err == nil {
		_, err = s.app.UploadDraftFile(r.Context(), c, code, idx, ups[0])
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/nop-truc-tuyen/"+url.PathEscape(code)+"#giay-to", http.StatusSeeOther)
}

// apiDossierAttachments lists the files of a dossier for an officer who may see it.
func (s *Server) apiDossierAttachments(w http.ResponseWriter, r *http.Request) {
	d, _, err := s.officerDossier(r, r.PathValue("code"))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	list, err := s.store.DossierAttachments(r.Context(), d.Record.Code)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": attachmentsJSON(list)})
}

// apiAddDossierAttachment stores a file sent by an officer (multipart field "file", with
// an optional "document_name").
func (s *Server) apiAddDossierAttachment(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		s.apiError(w, r, fault.New(fault.Invalid, "Tệp phải được gửi dạng multipart/form-data, trường “file”."))
		return
	}
	ups, err := uploads(r, "file")
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	u, _ := currentUser(r)
	list, err := s.app.AttachOfficerFiles(r.Context(), u, r.PathValue("code"), r.PostFormValue("document_name"), ups[:1], s.origin(r))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, attachmentsJSON(list)[0])
}

func attachmentsJSON(list []store.Attachment) []map[string]any {
	out := make([]map[string]any, 0, len(list))
	for _, a := range list {
		out = append(out, map[string]any{
			"id": a.ID, "document_index": a.DocIndex, "document_name": a.DocName, "file_name": a.FileName,
			"size": a.Size, "content_type": a.ContentType, "sha256": a.SHA256, "uploaded_kind": a.UploadedKind,
			"created_at": instant(a.CreatedAt), "url": "/tep/" + strconv.FormatInt(a.ID, 10),
		})
	}
	return out
}

// handleDossierUpload attaches the scans of paper documents to a dossier from its page
// (POST /ho-so/{code}/attachments), then shows the page again.
func (s *Server) handleDossierUpload(w http.ResponseWriter, r *http.Request) {
	ups, err := uploads(r, "file")
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	u, _ := currentUser(r)
	code := r.PathValue("code")
	list, err := s.app.AttachOfficerFiles(r.Context(), u, code, r.PostFormValue("document_name"), ups, s.origin(r))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/ho-so/"+url.PathEscape(code)+"?tep="+strconv.Itoa(len(list)), http.StatusSeeOther)
}
