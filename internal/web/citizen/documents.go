package citizen

import (
	"net/http"
	"strconv"

	"motcua/internal/app"
	"motcua/internal/catalog"
	"motcua/internal/fault"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// handleMyDocuments shows the citizen's documents store (GET /cong-dan/kho-du-lieu).
func (s *Server) handleMyDocuments(w http.ResponseWriter, r *http.Request, c store.Citizen) {
	data := map[string]any{"Title": "Kho dữ liệu của tôi", "Citizen": c, "Verified": c.Verified()}
	if c.Verified() {
		docs, err := s.App.CitizenDocuments(r.Context(), c)
		if err != nil {
			s.PageError(w, r, err)
			return
		}
		data["Documents"] = docs
	}
	if r.URL.Query().Get("da-xoa") != "" {
		data["Notice"] = "Đã xóa giấy tờ khỏi kho dữ liệu của bạn. Hồ sơ đã nộp vẫn giữ bản của cơ quan theo quy định."
	}
	s.Render(w, r, http.StatusOK, "citizen_documents.html", data)
}

// handleMyDocumentRemove takes a document out of the store (POST /cong-dan/kho-du-lieu/{id}/xoa).
func (s *Server) handleMyDocumentRemove(w http.ResponseWriter, r *http.Request, c store.Citizen) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.PageError(w, r, fault.New(fault.NotFound, "Không tìm thấy giấy tờ trong kho dữ liệu của bạn."))
		return
	}
	if err := s.App.RemoveCitizenDocument(r.Context(), c, id, s.Origin(r)); err != nil {
		s.PageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/cong-dan/kho-du-lieu?da-xoa=1", http.StatusSeeOther)
}

// handleMyResultPDF sends the applicant the signed result of their dossier
// (GET /cong-dan/ho-so/{code}/ket-qua.pdf).
func (s *Server) handleMyResultPDF(w http.ResponseWriter, r *http.Request, c store.Citizen) {
	f, err := s.App.ResultPDF(r.Context(), app.Viewer{Citizen: &c}, r.PathValue("code"))
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	kit.WriteResultPDF(w, r, f)
}

// storedDocuments is the citizen's store offered on the online form; none for an
// account not yet verified.
func (s *Server) storedDocuments(r *http.Request, c store.Citizen) []store.Attachment {
	if !c.Verified() {
		return nil
	}
	docs, err := s.App.CitizenDocuments(r.Context(), c)
	if err != nil {
		return nil // the form still works with uploads; the store is an extra
	}
	return docs
}

// reuseChosen puts the stored documents picked on the online form (field reuse_N for
// the procedure's document N) into the citizen's draft.
func (s *Server) reuseChosen(r *http.Request, c store.Citizen, p catalog.Procedure) error {
	for i := range p.Documents {
		v := r.PostFormValue("reuse_" + strconv.Itoa(i))
		if v == "" {
			continue
		}
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return fault.New(fault.Invalid, "Giấy tờ chọn từ kho dữ liệu không hợp lệ.")
		}
		if _, err := s.App.ReuseDocument(r.Context(), c, p.Code, i, id); err != nil {
			return err
		}
	}
	return nil
}
