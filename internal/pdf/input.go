package pdf

import (
	"strings"
	"time"

	"motcua/internal/fault"
)

// Unit is the receiving unit (đơn vị, cơ quan) as printed in the header and on the back of
// the receipt.
type Unit struct {
	// Name is the unit, e.g. "UBND thị trấn Tân Hòa".
	Name string
	// Parent is the governing body line (cơ quan chủ quản), e.g. "UBND tỉnh Lâm Đồng", or empty.
	Parent string
	// DeskName is the one-stop desk, e.g. "Bộ phận Một cửa" or
	// "Trung tâm Phục vụ hành chính công"; may be empty.
	DeskName string
	// Place is the place name (địa danh) of the date line, e.g. "Tân Hòa".
	Place string
	// Address, Hotline (đường dây nóng) and Email are printed on the back of the receipt.
	Address, Hotline, Email string
	// FeedbackURL is where citizens send feedback (phản ánh, kiến nghị) online.
	FeedbackURL string
}

// Applicant is the person or organisation that submits the dossier (người nộp hồ sơ).
type Applicant struct {
	Name, Address, Phone, Email string
}

// Doc is one document of a dossier (thành phần hồ sơ) with the number of originals (bản
// chính), certified copies (bản sao chứng thực) and plain copies (bản photo).
type Doc struct {
	Name                         string
	Originals, Certified, Copies int
}

// Dossier is the hồ sơ as the forms show it.
type Dossier struct {
	// Code is the dossier code (mã hồ sơ), required.
	Code string
	// ProcedureName is the requested procedure (nội dung yêu cầu giải quyết).
	ProcedureName string
	Applicant     Applicant
	// Documents are the documents received (thành phần hồ sơ).
	Documents []Doc
	// Sets is the number of dossier sets (số lượng hồ sơ, bộ).
	Sets int
	// DeadlineDays is the statutory time limit (0 for a same-day procedure);
	// DeadlineCalendarDays is true when it
	// counts calendar days rather than working days.
	DeadlineDays         float64
	DeadlineCalendarDays bool
	// ReceivedAt is the receipt instant (required: it selects the rule set) and DueAt the
	// appointment (hẹn trả kết quả).
	ReceivedAt, DueAt time.Time
	// ResultAt is where the result is collected (đăng ký nhận kết quả tại).
	ResultAt string
	// Officer is the receiving officer (người tiếp nhận), printed under the signature.
	Officer string
	// LookupURL goes into the QR code; LookupKey is the key citizens type to look up the
	// dossier without the QR code.
	LookupURL, LookupKey string
	// Fee is the fee (phí, lệ phí) in đồng; zero prints nothing.
	Fee int64
}

// problems collects field → Vietnamese message for one input.
type problems map[string]string

// need records msg for field when s is blank.
func (p problems) need(field, s, msg string) {
	if strings.TrimSpace(s) == "" {
		p[field] = msg
	}
}

// needTime records msg for field when t is zero.
func (p problems) needTime(field string, t time.Time, msg string) {
	if t.IsZero() {
		p[field] = msg
	}
}

// err returns an Invalid fault listing the problems, or nil when there are none.
func (p problems) err() error {
	if len(p) == 0 {
		return nil
	}
	return fault.WithFields("Không thể in biểu mẫu: dữ liệu chưa đầy đủ hoặc không hợp lệ.", p)
}

// checkDossier records what every form needs from a dossier.
func (p problems) checkDossier(d Dossier) {
	p.need("code", d.Code, "Thiếu mã hồ sơ.")
	p.needTime("received_at", d.ReceivedAt, "Thiếu thời điểm tiếp nhận hồ sơ.")
}

// checkDocs records documents without a name or with negative counts.
func (p problems) checkDocs(field string, docs []Doc) {
	for _, d := range docs {
		if strings.TrimSpace(d.Name) == "" {
			p[field] = "Thành phần hồ sơ phải có tên giấy tờ."
		}
		if d.Originals < 0 || d.Certified < 0 || d.Copies < 0 {
			p[field] = "Số lượng bản giấy tờ không được âm."
		}
	}
}
