package web

import (
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"motcua/internal/fault"
	"motcua/internal/files"
	"motcua/internal/org"
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

// saveUpload stores one uploaded file on disk and records it. The total of the dossier
// (code) or of the draft (a.DraftID) must stay within DossierFileLimit.
func (s *Server) saveUpload(r *http.Request, fh *multipart.FileHeader, a store.Attachment) (store.Attachment, error) {
	used, err := s.store.AttachmentBytes(r.Context(), a.DossierCode, a.DraftID)
	if err != nil {
		return a, err
	}
	left := s.cfg.DossierFileLimit - used
	if left <= 0 || fh.Size > left {
		return a, fault.Newf(fault.TooLarge, "Tổng dung lượng tệp của hồ sơ vượt quá %s.", files.FormatSize(s.cfg.DossierFileLimit))
	}
	f, err := fh.Open()
	if err != nil {
		return a, fault.New(fault.Invalid, "Không đọc được tệp tải lên.")
	}
	defer f.Close()
	sha, size, ct, err := files.New(s.cfg.DataDir).Put(f, min(s.cfg.FileLimit, left))
	if err != nil {
		return a, err
	}
	a.SHA256, a.Size, a.ContentType = sha, size, ct
	a.FileName = files.SanitizeName(fh.Filename, ct)
	return s.store.AddAttachment(r.Context(), a)
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

// handleDownload serves an attachment (GET /tep/{id}) to the officers who may see its
// dossier and to the citizen who owns the dossier or the draft; anyone else gets 404 (or
// 403 for an officer of another unit).
func (s *Server) handleDownload(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	notFound := fault.New(fault.NotFound, "Không tìm thấy tệp.")
	if err != nil {
		s.pageError(w, r, notFound)
		return
	}
	a, err := s.store.AttachmentByID(r.Context(), id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if err := s.mayDownload(r, a); err != nil {
		s.pageError(w, r, err)
		return
	}
	f, err := files.New(s.cfg.DataDir).Open(a.SHA256)
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

func (s *Server) mayDownload(r *http.Request, a store.Attachment) error {
	notFound := fault.New(fault.NotFound, "Không tìm thấy tệp.")
	if a.DossierCode != "" {
		if _, ok := currentUser(r); ok {
			_, _, err := s.officerDossier(r, a.DossierCode)
			return err
		}
		c, ok := s.currentCitizen(r)
		if !ok {
			return notFound
		}
		owner, err := s.store.DossierOwner(r.Context(), a.DossierCode)
		if err != nil || owner != c.ID {
			return notFound
		}
		return nil
	}
	c, ok := s.currentCitizen(r)
	if !ok {
		return notFound
	}
	d, err := s.store.DraftByID(r.Context(), a.DraftID)
	if err != nil || d.CitizenID != c.ID {
		return notFound
	}
	return nil
}

// handleOnlineUpload attaches one file to a document of the citizen's draft
// (POST /nop-truc-tuyen/{procedure}/attachments), creating the draft when needed.
func (s *Server) handleOnlineUpload(w http.ResponseWriter, r *http.Request, c store.Citizen) {
	p, ok := s.onlineProcedure(w, r)
	if !ok {
		return
	}
	idx, err := strconv.Atoi(r.PostFormValue("doc"))
	if err != nil || idx < 0 || idx >= len(p.Documents) || p.Documents[idx].ShowOnly {
		s.pageError(w, r, fault.New(fault.Invalid, "Thành phần hồ sơ không hợp lệ."))
		return
	}
	fhs, err := uploadedFiles(r, "file")
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	d, _, err := s.loadDraft(r, c, p.Code)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if d.ID == 0 {
		if d, err = s.store.SaveDraft(r.Context(), d); err != nil {
			s.pageError(w, r, err)
			return
		}
	}
	_, err = s.saveUpload(r, fhs[0], store.Attachment{DraftID: d.ID, DocIndex: idx, DocName: p.Documents[idx].Name,
		UploadedKind: store.UploaderCitizen, UploadedBy: c.Actor()})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/nop-truc-tuyen/"+p.Code+"#giay-to", http.StatusSeeOther)
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
	d, u, err := s.officerDossier(r, r.PathValue("code"))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		s.apiError(w, r, fault.New(fault.Invalid, "Tệp phải được gửi dạng multipart/form-data, trường “file”."))
		return
	}
	fhs, err := uploadedFiles(r, "file")
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	name := strings.TrimSpace(r.PostFormValue("document_name"))
	if len([]rune(name)) > 500 {
		s.apiError(w, r, fault.WithFields("Tên thành phần hồ sơ quá dài.", map[string]string{"document_name": "Tối đa 500 ký tự."}))
		return
	}
	a, err := s.saveUpload(r, fhs[0], store.Attachment{DossierCode: d.Record.Code, DocIndex: -1, DocName: name,
		UploadedKind: store.UploaderOfficer, UploadedBy: u.Username})
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.audit(r, "", "dossier.attachment", d.Record.Code, a.FileName)
	writeJSON(w, http.StatusCreated, attachmentsJSON([]store.Attachment{a})[0])
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

// canAttach reports whether an officer may add scans to a dossier: anyone who processes
// dossiers, not a read-only inspector.
func canAttach(u org.User) bool {
	return u.HasAny(org.OneStop, org.Specialist, org.Leader, org.Admin)
}

// handleDossierUpload attaches the scans of paper documents to a dossier from its page
// (POST /ho-so/{code}/attachments), then shows the page again.
func (s *Server) handleDossierUpload(w http.ResponseWriter, r *http.Request) {
	d, u, err := s.officerDossier(r, r.PathValue("code"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if !canAttach(u) || d.State.Status.Final() {
		s.pageError(w, r, fault.New(fault.Forbidden, "Không thể đính kèm tệp vào hồ sơ này."))
		return
	}
	fhs, err := uploadedFiles(r, "file")
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	name := strings.TrimSpace(r.PostFormValue("document_name"))
	if len([]rune(name)) > 500 {
		s.pageError(w, r, fault.WithFields("Tên thành phần hồ sơ quá dài (tối đa 500 ký tự).", map[string]string{"document_name": "Tối đa 500 ký tự."}))
		return
	}
	for _, fh := range fhs {
		a, err := s.saveUpload(r, fh, store.Attachment{DossierCode: d.Record.Code, DocIndex: -1, DocName: name,
			UploadedKind: store.UploaderOfficer, UploadedBy: u.Username})
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		s.audit(r, "", "dossier.attachment", d.Record.Code, a.FileName)
	}
	http.Redirect(w, r, "/ho-so/"+url.PathEscape(d.Record.Code)+"?tep="+strconv.Itoa(len(fhs)), http.StatusSeeOther)
}
