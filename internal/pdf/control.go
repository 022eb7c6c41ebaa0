package pdf

import (
	"io"
	"strconv"
	"strings"
	"time"
)

// The per-step results of the process control sheet (kết quả giải quyết hồ sơ).
const (
	ResultEarly  = "Trước hạn"
	ResultOnTime = "Đúng hạn"
	ResultLate   = "Quá hạn"
)

// Handover is one hand-over of the dossier (giao, nhận hồ sơ) between two bodies, one row
// of the process control sheet.
type Handover struct {
	// Body is the unit that receives the dossier (tên cơ quan), e.g. "UBND thị trấn Tân
	// Hòa", or the other unit of a liên thông step; may be empty.
	Body string
	// From gives the dossier; To receives it, e.g. "Bộ phận Một cửa" → "Công chức Tư pháp - Hộ tịch".
	From, To string
	// Giver and Receiver are the people who hand over and receive (full names), printed
	// above their signatures; either may be empty.
	Giver, Receiver string
	// At is when the dossier changed hands, required.
	At time.Time
	// Due is when the receiving step must finish, Done when it did; either may be zero.
	Due, Done time.Time
	// Result is ResultEarly, ResultOnTime, ResultLate or empty while the step is open.
	Result string
	// Note is the remark column (ghi chú).
	Note string
}

// Control is the Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05 of Circular
// 01/2018/TT-VPCP, Mẫu 06 of Circular 03/2025/TT-VPCP), which travels with the paper
// dossier.
type Control struct {
	Unit    Unit
	Dossier Dossier
	// Number is printed after "Số:"; the dossier code when empty.
	Number string
	// Handovers are the rows in order; the first is usually the desk → the processing
	// office, the last the office → the desk to return the result.
	Handovers []Handover
}

// controlA5Rows is the most hand-overs printed on A5; longer sheets use A4.
const controlA5Rows = 4

// WriteControl writes the process control sheet, dated on the receipt date, on A5 (A4
// when it has more than four hand-overs), with a table TÊN CƠ QUAN / THỜI GIAN GIAO, NHẬN
// HỒ SƠ / KẾT QUẢ GIẢI QUYẾT HỒ SƠ / GHI CHÚ and room for both signatures on each row.
func WriteControl(w io.Writer, r Control) error {
	p := problems{}
	for i, h := range r.Handovers {
		field := "handovers." + strconv.Itoa(i)
		if strings.TrimSpace(h.From) == "" || strings.TrimSpace(h.To) == "" {
			p[field] = "Thiếu tên cơ quan giao hoặc nhận hồ sơ."
		}
		if h.At.IsZero() {
			p[field] = "Thiếu thời gian giao, nhận hồ sơ."
		}
		switch h.Result {
		case "", ResultEarly, ResultOnTime, ResultLate:
		default:
			p[field] = "Kết quả phải là Trước hạn, Đúng hạn hoặc Quá hạn."
		}
	}
	size := "A5"
	if len(r.Handovers) > controlA5Rows {
		size = "A4"
	}
	d := r.Dossier
	s, err := startForm(r.Unit, d, FormControl, r.Number, d.ReceivedAt, size, p)
	if err != nil {
		return err
	}
	s.pageNumbers()
	s.field("Mã hồ sơ:", d.Code, s.width)
	s.field("Kèm theo hồ sơ của:", orDots(d.Applicant.Name), s.width)
	s.field("Số điện thoại:", orDots(d.Applicant.Phone), s.width)
	s.field("Nội dung yêu cầu giải quyết:", orDots(d.ProcedureName), s.width)
	s.field("Ngày nhận hồ sơ:", clockText(d.ReceivedAt), s.width)
	if !d.DueAt.IsZero() {
		s.field("Ngày hẹn trả kết quả:", clockText(d.DueAt), s.width)
	}
	s.gap(1)
	t := newTable(s, sizeSmall, column{30, "L"}, column{38, "L"}, column{20, "C"}, column{12, "L"})
	t.headerRow("TÊN CƠ QUAN", "THỜI GIAN GIAO, NHẬN HỒ SƠ",
		"KẾT QUẢ GIẢI QUYẾT HỒ SƠ\n(Trước hạn/Đúng hạn/Quá hạn)", "GHI CHÚ")
	if len(r.Handovers) == 0 {
		t.rowCells([]cell{{text: "1. Giao: \nNhận: "}, {text: "Giao: …… giờ …… phút, ngày ……\nNhận: "}, {}, {}}, 24)
	}
	for i, h := range r.Handovers {
		result := h.Result
		if !h.Due.IsZero() {
			result += "\nHạn: " + shortClock(h.Due)
		}
		if !h.Done.IsZero() {
			result += "\nXong: " + shortClock(h.Done)
		}
		body := ""
		if h.Body != "" {
			body = h.Body + "\n"
		}
		t.rowCells([]cell{
			{text: strconv.Itoa(i+1) + ". " + body + "Giao: " + h.From + "\nNhận: " + h.To},
			{text: "Giao, nhận: " + clockText(h.At) + "\nNgười giao: " + h.Giver + "\n\n\nNgười nhận: " + h.Receiver + "\n\n"},
			{text: strings.TrimPrefix(result, "\n")},
			{text: h.Note},
		}, 24)
	}
	return s.output(w)
}

// shortClock formats an instant compactly for a table cell: "10:00 24/04/2026" in UTC+7.
func shortClock(t time.Time) string {
	return t.In(ict()).Format("15:04 02/01/2006")
}
