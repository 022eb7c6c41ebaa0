package admin

import (
	"io"
	"net/http"

	"motcua/internal/app"
	"motcua/internal/esign"
	"motcua/internal/fault"
	"motcua/internal/web/kit"
)

// maxCertificateBody bounds the PKCS#12 upload form.
const maxCertificateBody = esign.MaxPKCS12Size + 64<<10

// handleCertificates lists the units' signing certificates with the import form
// (GET /quan-tri/chung-thu-so).
func (s *Server) handleCertificates(w http.ResponseWriter, r *http.Request) {
	s.renderCertificates(w, r, http.StatusOK, nil)
}

func (s *Server) renderCertificates(w http.ResponseWriter, r *http.Request, st int, data map[string]any) {
	u, _ := kit.CurrentUser(r)
	certs, err := s.App.UnitCertificates(r.Context(), u)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	units, err := s.Store.Units(r.Context())
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	if data == nil {
		data = map[string]any{}
	}
	valid := map[string]bool{}
	for _, c := range certs {
		valid[c.UnitCode] = app.CertificateValid(c, s.Now())
	}
	data["Title"], data["Certificates"], data["Units"], data["Valid"] = "Chứng thư số của đơn vị", certs, units, valid
	if r.URL.Query().Get("da-nhap") != "" {
		data["Notice"] = "Đã nhập chứng thư số. Kết quả điện tử của đơn vị từ nay được ký bằng chứng thư này."
	}
	s.Render(w, r, st, "admin_certificates.html", data)
}

// handleCertificateImport imports a unit's PKCS#12 file (POST /quan-tri/chung-thu-so).
func (s *Server) handleCertificateImport(w http.ResponseWriter, r *http.Request) {
	u, _ := kit.CurrentUser(r)
	var p12 []byte
	f, _, err := r.FormFile("file")
	if err == nil {
		p12, err = io.ReadAll(io.LimitReader(f, esign.MaxPKCS12Size+1))
		f.Close()
	}
	if err != nil && err != http.ErrMissingFile {
		s.PageError(w, r, fault.New(fault.Invalid, "Không đọc được tệp chứng thư số."))
		return
	}
	unit := r.PostFormValue("unit")
	if _, err := s.App.ImportUnitCertificate(r.Context(), u, unit, p12, r.PostFormValue("password"), s.Origin(r)); err != nil {
		e := s.Public(r, err)
		if e.Code != fault.Invalid && e.Code != fault.NotFound {
			s.PageError(w, r, err)
			return
		}
		s.renderCertificates(w, r, kit.Status(e.Code), map[string]any{"Error": e.Message, "Fields": e.Fields, "Unit": unit})
		return
	}
	http.Redirect(w, r, "/quan-tri/chung-thu-so?da-nhap=1", http.StatusSeeOther)
}
