package pdf

import (
	"io"
	"time"
)

// Stop is the Thông báo dừng giải quyết hồ sơ (Mẫu 05 of Circular 03/2025/TT-VPCP): the
// notice that processing stops, e.g. at the applicant's request or on a legal ground. It
// exists only in the 2025 rule set.
type Stop struct {
	Unit    Unit
	Dossier Dossier
	// Number is printed after "Số:"; the dossier code when empty.
	Number string
	// Date is the issue date, required.
	Date time.Time
	// Reason is why processing stops, required.
	Reason string
	// SignerTitle is the signing office; Signer the name.
	SignerTitle, Signer string
}

// WriteStop writes the notice of stopping as an A5 PDF. For a dossier received before 1
// July 2025 it returns an Invalid error: the 2018 rule set has no such form.
func WriteStop(w io.Writer, r Stop) error {
	p := problems{}
	p.need("reason", r.Reason, "Thiếu lý do dừng giải quyết hồ sơ.")
	s, err := startForm(r.Unit, r.Dossier, FormStop, r.Number, r.Date, "A5", p)
	if err != nil {
		return err
	}
	s.field("Kính gửi:", orDots(r.Dossier.Applicant.Name), s.width)
	s.gap(1)
	s.para("", sizeBody, "J", unitTitle(r.Unit)+" đã tiếp nhận hồ sơ như sau:")
	s.gap(1)
	dossierFields(s, r.Dossier)
	s.gap(1)
	s.para("", sizeBody, "J", orDots(r.Unit.Name)+" thông báo dừng giải quyết hồ sơ nêu trên với lý do như sau:")
	s.para("", sizeBody, "J", r.Reason)
	s.gap(1)
	s.para("", sizeBody, "J", "Xin thông báo cho Ông/Bà được biết./.")
	s.signature(signer{}, signer{title: orDots(r.SignerTitle), hint: "(Ký, ghi rõ họ tên và đóng dấu)", name: r.Signer})
	return s.output(w)
}
