package desk

import (
	"net/http"
	"net/url"
	"strconv"

	"motcua/internal/app"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// esignData adds to the dossier page its electronic result and what is digitised.
func (s *Server) esignData(r *http.Request, d store.StoredDossier, u org.User, data map[string]any) error {
	res, err := s.App.Results(r.Context(), d.Record.Code)
	if err != nil {
		return err
	}
	dig, err := s.App.DossierDigitisation(r.Context(), d)
	if err != nil {
		return err
	}
	rights := app.ResultRightsOf(u, d)
	data["Results"], data["Digit"] = res, dig
	data["CanResult"], data["CanDigitise"], data["CanDigitiseResult"] = rights.Result, rights.Digitise, rights.DigitiseResult
	data["ResultSaved"] = r.URL.Query().Get("ketqua") == "1"
	return nil
}

// handleResultUpload attaches the electronic result prepared for approval
// (POST /ho-so/{code}/ket-qua).
func (s *Server) handleResultUpload(w http.ResponseWriter, r *http.Request) {
	ups, err := kit.Uploads(r, "file")
	if err == nil && len(ups) != 1 {
		err = fault.WithFields("Chọn một tệp PDF kết quả.", map[string]string{"file": "Chọn một tệp PDF kết quả."})
	}
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	u, _ := kit.CurrentUser(r)
	code := r.PathValue("code")
	if _, err := s.App.AttachResult(r.Context(), u, code, ups[0], s.Origin(r)); err != nil {
		s.PageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/ho-so/"+url.PathEscape(code)+"?ketqua=1#ket-qua-dien-tu", http.StatusSeeOther)
}

// handleResultGenerate makes the result from the procedure's template
// (POST /ho-so/{code}/ket-qua/tao).
func (s *Server) handleResultGenerate(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	code := r.PathValue("code")
	if _, err := s.App.GenerateResult(r.Context(), u, code, s.Origin(r)); err != nil {
		s.PageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/ho-so/"+url.PathEscape(code)+"?ketqua=1#ket-qua-dien-tu", http.StatusSeeOther)
}

// handleResultPDF sends the signed result (GET /ho-so/{code}/ket-qua.pdf).
func (s *Server) handleResultPDF(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	f, err := s.App.ResultPDF(r.Context(), app.Viewer{Officer: &u}, r.PathValue("code"))
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	kit.WriteResultPDF(w, r, f)
}

// handleDigitise stores the scans of a paper component or of the paper result
// (POST /ho-so/{code}/so-hoa).
func (s *Server) handleDigitise(w http.ResponseWriter, r *http.Request) {
	ups, err := kit.Uploads(r, "file")
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	doc, err := strconv.Atoi(r.PostFormValue("doc"))
	if err != nil {
		s.PageError(w, r, fault.WithFields("Thành phần hồ sơ không hợp lệ.", map[string]string{"doc": "Chọn một thành phần của hồ sơ."}))
		return
	}
	u, _ := kit.CurrentUser(r)
	code := r.PathValue("code")
	list, err := s.App.Digitise(r.Context(), u, code, doc, ups, s.Origin(r))
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	http.Redirect(w, r, "/ho-so/"+url.PathEscape(code)+"?tep="+strconv.Itoa(len(list))+"#so-hoa", http.StatusSeeOther)
}
