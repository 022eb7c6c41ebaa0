package pdf

import (
	"io"
	"strings"
	"time"
)

// Refusal is the Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03).
type Refusal struct {
	Unit    Unit
	Dossier Dossier
	// Number is printed after "Số:"; the dossier code when empty.
	Number string
	// Date is the issue date, required.
	Date time.Time
	// Reason is the specific reason for refusing, required.
	Reason string
	// CompetentBody is the body the applicant should go to when the procedure is not
	// ours (cơ quan có thẩm quyền); empty otherwise.
	CompetentBody string
}

// WriteRefusal writes the refusal as an A5 PDF, signed by the receiving officer.
func WriteRefusal(w io.Writer, r Refusal) error {
	p := problems{}
	p.need("reason", r.Reason, "Thiếu lý do từ chối tiếp nhận hồ sơ.")
	s, err := startForm(r.Unit, r.Dossier, FormRefusal, r.Number, r.Date, "A5", p)
	if err != nil {
		return err
	}
	desk := unitTitle(r.Unit)
	s.para("", sizeBody, "J", desk+" đã tiếp nhận hồ sơ như sau:")
	s.gap(1)
	dossierFields(s, r.Dossier)
	s.gap(1)
	s.para("", sizeBody, "J", "Qua xem xét, "+desk+" thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:")
	s.para("", sizeBody, "J", r.Reason)
	if strings.TrimSpace(r.CompetentBody) != "" {
		s.gap(1)
		s.para("", sizeBody, "J", "Hồ sơ không thuộc thẩm quyền giải quyết của "+orDots(r.Unit.Name)+
			". Đề nghị Ông/Bà liên hệ "+r.CompetentBody+" để được hướng dẫn, giải quyết theo quy định.")
	}
	s.gap(1)
	s.para("", sizeBody, "J", "Xin thông báo cho Ông/Bà được biết và thực hiện./.")
	s.signature(signer{}, signer{title: "Người tiếp nhận hồ sơ", name: r.Dossier.Officer})
	return s.output(w)
}
