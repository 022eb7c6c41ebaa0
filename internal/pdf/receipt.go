package pdf

import (
	"io"
	"strconv"
)

// Receipt is the Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01): the receipt and
// appointment slip given at the desk.
type Receipt struct {
	Unit    Unit
	Dossier Dossier
	// Number is printed after "Số:"; the dossier code when empty.
	Number string
	// BookNumber and BookIndex are where the dossier is entered in the dossier book
	// (Vào Sổ theo dõi hồ sơ, Quyển số …, Số thứ tự …); dots to fill in when empty.
	BookNumber, BookIndex string
}

// The copy given to the applicant (liên 2); copy 1 is kept at the desk.
const copyGiven = "Liên 2: Giao người nộp hồ sơ"

// WriteReceipt writes the receipt as an A5 PDF of four pages: copy 1 (kept at the desk)
// front and back, then copy 2 (given to the applicant) front and back. The front carries
// the form, a QR code of Dossier.LookupURL and the lookup key; the back the unit's
// hotline, address, e-mail, how to send feedback and how to look up the dossier. A front
// with many documents may run onto a second page before its back. It needs the dossier
// code, receipt and appointment times.
func WriteReceipt(w io.Writer, r Receipt) error {
	d := r.Dossier
	p := problems{}
	p.checkDossier(d)
	p.needTime("due_at", d.DueAt, "Thiếu thời điểm hẹn trả kết quả.")
	p.checkDocs("documents", d.Documents)
	if err := p.err(); err != nil {
		return err
	}
	rules := RulesAt(d.ReceivedAt)
	form, err := rules.Form(FormReceipt)
	if err != nil {
		return err
	}
	basis, _ := rules.Basis(FormReceipt)
	s, err := newSheet("P", "A5", form.Title+" "+d.Code)
	if err != nil {
		return err
	}
	number := r.Number
	if number == "" {
		number = d.Code
	}
	desk := r.Unit.DeskName
	if desk == "" {
		desk = "Bộ phận Một cửa"
	}
	for _, copyLabel := range []string{"Liên 1: Lưu tại " + desk, copyGiven} {
		s.f.AddPage()
		s.header(r.Unit, basis, number, d.ReceivedAt, form.Title)
		if err := receiptFront(s, r, copyLabel); err != nil {
			return err
		}
		s.f.AddPage()
		receiptBack(s, r)
	}
	return s.output(w)
}

// receiptFront draws the body of one copy below the header.
func receiptFront(s *sheet, r Receipt, copyLabel string) error {
	f, d := s.f, r.Dossier
	s.para("I", sizeSmall+0.5, "C", "("+copyLabel+")")
	s.gap(2)

	// Identification fields, beside the QR code when there is one.
	const qrSize = 24.0
	fieldW := s.width
	qrBottom := f.GetY()
	if d.LookupURL != "" {
		x, y := s.left+s.width-qrSize, f.GetY()
		if err := s.qr(d.LookupURL, x, y, qrSize); err != nil {
			return err
		}
		s.font("I", 6.5)
		f.SetXY(x-3, y+qrSize)
		f.MultiCell(qrSize+6, 2.8, "Quét mã để tra cứu tình trạng hồ sơ", "", "C", false)
		if d.LookupKey != "" {
			s.font("B", 7)
			f.SetX(x - 3)
			f.MultiCell(qrSize+6, 3.2, "Mã tra cứu: "+d.LookupKey, "", "C", false)
		}
		qrBottom = f.GetY()
		fieldW = s.width - qrSize - 4
		f.SetY(y)
	}
	a := d.Applicant
	s.field("Mã hồ sơ:", d.Code, fieldW)
	s.field("Tiếp nhận hồ sơ của:", orDots(a.Name), fieldW)
	s.field("Địa chỉ:", orDots(a.Address), fieldW)
	s.field("Số điện thoại:", orDots(a.Phone), fieldW)
	s.field("Email:", orDots(a.Email), fieldW)
	s.field("Nội dung yêu cầu giải quyết:", orDots(d.ProcedureName), fieldW)
	f.SetY(max(f.GetY(), qrBottom) + 1)

	s.field("1. Thành phần hồ sơ nộp gồm:", "", s.width)
	docTable(s, d.Documents)
	s.gap(1.5)
	sets := "……"
	if d.Sets > 0 {
		sets = strconv.Itoa(d.Sets)
	}
	s.field("2. Số lượng hồ sơ:", sets+" (bộ)", s.width)
	s.field("3. Thời gian giải quyết hồ sơ theo quy định:", daysText(d.DeadlineDays, d.DeadlineCalendarDays), s.width)
	s.field("4. Thời gian nhận hồ sơ:", clockText(d.ReceivedAt), s.width)
	s.field("5. Thời gian trả kết quả giải quyết hồ sơ:", clockText(d.DueAt), s.width)
	s.field("6. Đăng ký nhận kết quả tại:", orDots(d.ResultAt), s.width)
	if d.Fee > 0 {
		s.field("7. Phí, lệ phí:", moneyText(d.Fee), s.width)
	}
	s.field("Vào Sổ theo dõi hồ sơ, Quyển số:", orDots(r.BookNumber)+", Số thứ tự: "+orDots(r.BookIndex), s.width)
	s.signature(
		signer{title: "Người nộp hồ sơ", name: d.Applicant.Name},
		signer{title: "Người tiếp nhận hồ sơ", name: d.Officer},
	)
	return nil
}

// docTable draws the documents as a table TT / Tên giấy tờ / Bản chính / Bản sao / Bản
// photo.
func docTable(s *sheet, docs []Doc) {
	t := newTable(s, sizeSmall, column{8, "C"}, column{70, "L"}, column{14, "C"}, column{14, "C"}, column{14, "C"})
	t.headerRow("TT", "Tên giấy tờ", "Bản chính", "Bản sao", "Bản photo")
	if len(docs) == 0 {
		t.row("", "", "", "", "")
	}
	for i, doc := range docs {
		t.row(strconv.Itoa(i+1), doc.Name, countText(doc.Originals), countText(doc.Certified), countText(doc.Copies))
	}
}
