package pdf

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// Result is a kết quả giải quyết generated from the procedure's result template: the
// document the unit issues, to be signed electronically by its leader.
type Result struct {
	Unit    Unit
	Dossier Dossier
	// Title is the procedure's result (e.g. "Giấy chứng nhận đăng ký hộ kinh doanh"), required.
	Title string
	// Date is the issue date, required.
	Date time.Time
	// Lines are the e-form's values printed as "label: value".
	Lines [][2]string
}

// WriteResult writes the result as an A4 PDF, leaving the bottom right of the page free
// for the visible signature block.
func WriteResult(w io.Writer, r Result) error {
	p := problems{}
	p.need("title", r.Title, "Thiếu tên kết quả giải quyết.")
	p.needTime("date", r.Date, "Thiếu ngày ban hành.")
	p.checkDossier(r.Dossier)
	if err := p.err(); err != nil {
		return err
	}
	s, err := newSheet("P", "A4", r.Title+" "+r.Dossier.Code)
	if err != nil {
		return err
	}
	s.f.SetAutoPageBreak(true, 45)
	s.f.AddPage()
	s.header(r.Unit, "", r.Dossier.Code, r.Date, r.Title)
	s.gap(2)
	s.field("Mã hồ sơ:", r.Dossier.Code, s.width)
	s.field("Cấp cho Ông/Bà:", orDots(r.Dossier.Applicant.Name), s.width)
	s.field("Thủ tục hành chính:", orDots(r.Dossier.ProcedureName), s.width)
	for _, l := range r.Lines {
		if strings.TrimSpace(l[1]) != "" {
			s.field(l[0]+":", l[1], s.width)
		}
	}
	s.gap(2)
	s.para("", sizeBody, "J", "Văn bản này là kết quả giải quyết thủ tục hành chính, được "+orDots(r.Unit.Name)+
		" ký số theo quy định. Bản điện tử có giá trị pháp lý như bản giấy khi chữ ký số hợp lệ.")
	return s.output(w)
}

// SignatureBlock is the visible block of an electronic signature: who signed (the unit),
// the officer who approved, and when.
type SignatureBlock struct {
	Unit   string
	Signer string
	At     time.Time
}

// WriteSignatureBlock writes the block as a one-page PDF of 78 × 26 mm, which the
// signing package places on the signed document.
func WriteSignatureBlock(w io.Writer, b SignatureBlock) error {
	f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: 78, Ht: 26}})
	f.AddUTF8FontFromBytes(family, "", fontRegular)
	f.AddUTF8FontFromBytes(family, "B", fontBold)
	if err := f.Error(); err != nil {
		return fmt.Errorf("pdf: load fonts: %w", err)
	}
	f.SetMargins(2, 2, 2)
	f.SetAutoPageBreak(false, 0)
	f.AddPage()
	f.SetDrawColor(200, 30, 30)
	f.SetTextColor(200, 30, 30)
	f.SetLineWidth(0.5)
	f.Rect(0.6, 0.6, 76.8, 24.8, "D")
	f.SetXY(3, 3)
	f.SetFont(family, "B", 8)
	f.CellFormat(72, 4, "Ký số bởi: "+b.Unit, "", 2, "L", false, 0, "")
	f.SetFont(family, "", 7.5)
	f.SetX(3)
	f.MultiCell(72, 3.8, "Người phê duyệt: "+b.Signer, "", "L", false)
	f.SetX(3)
	f.CellFormat(72, 3.8, "Thời gian ký: "+b.At.In(ict()).Format("15:04:05 02/01/2006")+" (UTC+7)", "", 2, "L", false, 0, "")
	f.SetX(3)
	f.SetFont(family, "", 6.5)
	f.MultiCell(72, 3.2, "Chữ ký số PAdES; kiểm tra bằng phần mềm đọc PDF.", "", "L", false)
	if err := f.Output(w); err != nil {
		return fmt.Errorf("pdf: signature block: %w", err)
	}
	return nil
}
