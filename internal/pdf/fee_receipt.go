package pdf

import (
	"io"
	"time"
)

// FeeReceipt is the biên lai thu phí, lệ phí that the desk hands over for a fee collected
// in cash or by transfer. Its layout follows the usual content of a fee receipt (unit,
// number per unit and year, payer, item, amount, method, collector); the official
// template of the Ministry of Finance (biên lai under Decree 11/2020 and its circulars)
// is not confirmed here, so the number and its series are motcua's own.
type FeeReceipt struct {
	Unit    Unit
	Dossier Dossier
	// Number is the receipt number, e.g. "0000012/2026", required.
	Number string
	// Date is when the fee was collected, required.
	Date time.Time
	// AmountVND is the amount collected.
	AmountVND int64
	// Method is how it was paid, in words ("Tiền mặt", "Chuyển khoản").
	Method string
	// Collector is the officer who collected it (người thu tiền).
	Collector string
}

// WriteFeeReceipt writes the fee receipt as an A5 PDF.
func WriteFeeReceipt(w io.Writer, r FeeReceipt) error {
	p := problems{}
	p.need("number", r.Number, "Thiếu số biên lai.")
	p.need("code", r.Dossier.Code, "Thiếu mã hồ sơ.")
	p.needTime("date", r.Date, "Thiếu ngày thu.")
	if err := p.err(); err != nil {
		return err
	}
	s, err := newSheet("P", "A5", "Biên lai thu phí, lệ phí "+r.Number)
	if err != nil {
		return err
	}
	s.f.AddPage()
	s.header(r.Unit, "", r.Number, r.Date, "BIÊN LAI THU PHÍ, LỆ PHÍ")
	s.gap(1)
	s.field("Số biên lai:", r.Number, s.width)
	s.field("Đơn vị thu:", orDots(r.Unit.Name), s.width)
	s.field("Họ tên người nộp tiền:", orDots(r.Dossier.Applicant.Name), s.width)
	s.field("Địa chỉ:", orDots(r.Dossier.Applicant.Address), s.width)
	s.field("Mã hồ sơ:", r.Dossier.Code, s.width)
	s.field("Nội dung thu:", "Phí, lệ phí giải quyết thủ tục: "+orDots(r.Dossier.ProcedureName), s.width)
	s.field("Số tiền:", moneyText(r.AmountVND), s.width)
	s.field("Hình thức thanh toán:", orDots(r.Method), s.width)
	s.field("Thời điểm thu:", clockText(r.Date), s.width)
	s.gap(2)
	s.signature(signer{title: "NGƯỜI NỘP TIỀN", hint: "(Ký, ghi rõ họ tên)", name: r.Dossier.Applicant.Name},
		signer{title: "NGƯỜI THU TIỀN", hint: "(Ký, ghi rõ họ tên)", name: r.Collector})
	return s.output(w)
}
