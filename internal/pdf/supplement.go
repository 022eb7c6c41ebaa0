package pdf

import (
	"io"
	"strconv"
	"time"
)

// Supplement is the Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02): what the applicant
// must add or correct, and why.
type Supplement struct {
	Unit    Unit
	Dossier Dossier
	// Number is printed after "Số:"; the dossier code when empty.
	Number string
	// Date is the issue date (ngày lập phiếu), required.
	Date time.Time
	// Items are the documents to add or correct, at least one.
	Items []Doc
	// Reason is why the dossier is incomplete (lý do).
	Reason string
	// Contact is whom to call with questions, e.g. "Trần Văn Bình, số điện thoại 0263 3876 123".
	Contact string
}

// WriteSupplement writes the supplement request as an A5 PDF, signed by the officer who
// gives the guidance (người hướng dẫn, Dossier.Officer).
func WriteSupplement(w io.Writer, r Supplement) error {
	p := problems{}
	if len(r.Items) == 0 {
		p["items"] = "Cần ít nhất một giấy tờ phải bổ sung, hoàn thiện."
	}
	p.checkDocs("items", r.Items)
	s, err := startForm(r.Unit, r.Dossier, FormSupplement, r.Number, r.Date, "A5", p)
	if err != nil {
		return err
	}
	desk := unitTitle(r.Unit)
	s.para("", sizeBody, "J", desk+" đã tiếp nhận hồ sơ như sau:")
	s.gap(1)
	dossierFields(s, r.Dossier)
	s.gap(1)
	s.field("Yêu cầu Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung như sau:", "", s.width)
	t := newTable(s, sizeSmall, column{8, "C"}, column{70, "L"}, column{14, "C"}, column{14, "C"}, column{14, "C"})
	t.headerRow("TT", "Thành phần hồ sơ", "Bản chính", "Bản chứng thực", "Bản photo")
	for i, d := range r.Items {
		t.row(strconv.Itoa(i+1), d.Name, countText(d.Originals), countText(d.Certified), countText(d.Copies))
	}
	s.gap(1.5)
	s.field("Lý do:", orDots(r.Reason), s.width)
	s.para("", sizeBody, "J", "Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với "+
		orDots(r.Contact)+" để được hướng dẫn.")
	s.signature(signer{}, signer{title: "Người hướng dẫn", name: r.Dossier.Officer})
	return s.output(w)
}
