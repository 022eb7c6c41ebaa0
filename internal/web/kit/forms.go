package kit

import (
	"bytes"
	"net/http"
	"net/url"

	"motcua/internal/app"
	"motcua/internal/dossier"
	"motcua/internal/store"
)

// FormLink is a link to one printable form of the dossier.
type FormLink struct{ Label, URL string }

// FormLinks lists the forms that the dossier's history allows to print.
func FormLinks(d store.StoredDossier) []FormLink {
	return FormLinksAt(d, "/api/v1/dossiers/"+url.PathEscape(d.Record.Code)+"/forms/", true)
}

// FormLinksAt lists the forms that exist for the dossier, with links under base; the
// process control sheet, an internal record, only when control is set.
func FormLinksAt(d store.StoredDossier, base string, control bool) []FormLink {
	var out []FormLink
	if !d.State.ReceivedAt.IsZero() {
		out = append(out, FormLink{"In giấy tiếp nhận hồ sơ và hẹn trả kết quả", base + "receipt.pdf"})
	}
	if app.LastEvent(d.Dossier, dossier.ActionRequestSupplement) >= 0 {
		out = append(out, FormLink{"In phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", base + "supplement.pdf"})
	}
	if app.LastEvent(d.Dossier, dossier.ActionRefuse) >= 0 {
		out = append(out, FormLink{"In phiếu từ chối tiếp nhận giải quyết hồ sơ", base + "refusal.pdf"})
	}
	if app.LastEvent(d.Dossier, dossier.ActionExtend) >= 0 {
		out = append(out, FormLink{"In phiếu xin lỗi và hẹn lại ngày trả kết quả", base + "apology.pdf"})
	}
	if control && !d.State.ReceivedAt.IsZero() {
		out = append(out, FormLink{"In phiếu kiểm soát quá trình giải quyết hồ sơ", base + "control.pdf"})
	}
	return out
}

// WritePDF sends a finished PDF.
func WritePDF(w http.ResponseWriter, name string, buf *bytes.Buffer) {
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", `inline; filename="`+name+`"`)
	h.Set("Cache-Control", "private, no-store")
	w.WriteHeader(http.StatusOK)
	buf.WriteTo(w)
}
