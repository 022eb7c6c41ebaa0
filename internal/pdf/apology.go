package pdf

import (
	"io"
	"time"
)

// Apology is the Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04 of Circular
// 01/2018/TT-VPCP) or, for dossiers received from 1 July 2025, the Văn bản xin lỗi và đề
// nghị gia hạn thời gian giải quyết hồ sơ (Mẫu 04 of Circular 03/2025/TT-VPCP), which
// merges the apology with the request to extend the time limit. It may be issued only
// once per dossier. Issued before the appointment (as the law requires, at least one
// working day before), it says the dossier cannot be finished in time; it says the
// dossier was not finished in time only when issued on or after the appointment's date.
type Apology struct {
	Unit    Unit
	Dossier Dossier
	// Number is printed after "Số:"; the dossier code when empty.
	Number string
	// Date is the issue date, required.
	Date time.Time
	// PreviousDue is the appointment on the receipt; NewDue the new one, after it. Both
	// are required.
	PreviousDue, NewDue time.Time
	// Reason explains the delay, required.
	Reason string
	// SignerTitle is the signing office, e.g. "Chủ tịch UBND thị trấn"; Signer the name.
	SignerTitle, Signer string
}

// WriteApology writes the apology as an A5 PDF, with the old and new appointments, the
// reason and the rule that the appointment is moved only once.
func WriteApology(w io.Writer, r Apology) error {
	p := problems{}
	p.needTime("previous_due", r.PreviousDue, "Thiếu ngày hẹn trả kết quả ban đầu.")
	p.needTime("new_due", r.NewDue, "Thiếu ngày hẹn trả kết quả mới.")
	if !r.PreviousDue.IsZero() && !r.NewDue.IsZero() && !r.NewDue.After(r.PreviousDue) {
		p["new_due"] = "Ngày hẹn trả kết quả mới phải sau ngày hẹn ban đầu."
	}
	p.need("reason", r.Reason, "Thiếu lý do chậm trả kết quả.")
	s, err := startForm(r.Unit, r.Dossier, FormApology, r.Number, r.Date, "A5", p)
	if err != nil {
		return err
	}
	d := r.Dossier
	extension := RulesAt(d.ReceivedAt).Name == "2025"
	s.field("Kính gửi:", orDots(d.Applicant.Name), s.width)
	s.gap(1)
	s.para("", sizeBody, "J", upperFirst(dateWords(d.ReceivedAt))+", "+unitTitle(r.Unit)+" tiếp nhận hồ sơ đề nghị giải quyết thủ tục "+
		orDots(d.ProcedureName)+" của Ông/Bà.")
	s.field("Mã hồ sơ:", d.Code, s.width)
	s.field("Thời gian hẹn trả kết quả giải quyết hồ sơ:", clockText(r.PreviousDue), s.width)
	if r.Date.In(ict()).Format("2006-01-02") < r.PreviousDue.In(ict()).Format("2006-01-02") {
		s.para("", sizeBody, "J", "Hồ sơ của Ông/Bà đang được giải quyết nhưng dự kiến không thể hoàn thành đúng thời hạn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.")
	} else {
		s.para("", sizeBody, "J", "Tuy nhiên đến nay, hồ sơ của Ông/Bà chưa được giải quyết đúng thời hạn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.")
	}
	s.field("Lý do:", r.Reason, s.width)
	s.para("", sizeBody, "J", "Việc chậm trả kết quả gây phiền hà cho Ông/Bà. "+orDots(r.Unit.Name)+" xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ vào thời gian sau:")
	label := "Thời gian hẹn trả kết quả lại:"
	if extension {
		label = "Thời gian đề nghị gia hạn giải quyết đến:"
	}
	s.field(label, clockText(r.NewDue), s.width)
	s.para("I", sizeBody, "J", "Việc hẹn lại ngày trả kết quả chỉ thực hiện một lần.")
	s.para("", sizeBody, "J", "Mong nhận được sự thông cảm của Ông/Bà./.")
	s.signature(signer{}, signer{title: orDots(r.SignerTitle), hint: "(Ký, ghi rõ họ tên và đóng dấu)", name: r.Signer})
	return s.output(w)
}
