package pdf

import (
	"fmt"
	"time"

	"motcua/internal/fault"
)

// FormKind names an official form independently of its number, which changes between
// rule sets.
type FormKind string

// The form kinds. Their string values match the {form} of the HTTP contract
// (/forms/{form}.pdf).
const (
	FormReceipt    FormKind = "receipt"    // Giấy tiếp nhận hồ sơ và hẹn trả kết quả
	FormSupplement FormKind = "supplement" // Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ
	FormRefusal    FormKind = "refusal"    // Phiếu từ chối tiếp nhận giải quyết hồ sơ
	FormApology    FormKind = "apology"    // Phiếu xin lỗi và hẹn lại ngày trả kết quả / đề nghị gia hạn
	FormStop       FormKind = "stop"       // Thông báo dừng giải quyết hồ sơ (2025 only)
	FormControl    FormKind = "control"    // Phiếu kiểm soát quá trình giải quyết hồ sơ
	FormBook       FormKind = "book"       // Sổ theo dõi hồ sơ
)

// Form is one form (biểu mẫu) of a rule set: its number ("01") and its title in
// sentence case, as written in the circular.
type Form struct {
	Kind   FormKind
	Number string
	Title  string
}

// RuleSet is the body of one-stop rules (bộ quy định) in force over a period: the decree,
// the guiding circular and its numbered forms.
type RuleSet struct {
	// Name identifies the set: "2018" or "2025".
	Name string
	// From is the first instant the set applies; Until the first instant it no longer
	// does (zero when still in force).
	From, Until time.Time
	// Decree and Circular are the legal texts, as cited on the forms.
	Decree   string
	Circular string
	// Forms lists the forms of the circular in number order.
	Forms []Form
}

// reform2025 is the instant Decree 118/2025/NĐ-CP took effect: 1 July 2025, 00:00 in UTC+7.
func reform2025() time.Time {
	return time.Date(2025, 7, 1, 0, 0, 0, 0, ict())
}

// RulesAt returns the rule set in force at t: Decree 61/2018 (amended by 107/2021) with
// Circular 01/2018/TT-VPCP before 1 July 2025 (UTC+7), Decree 118/2025 with Circular
// 03/2025/TT-VPCP from then on. Pass the dossier's receipt time: a dossier keeps the rule
// set in force when it was received.
func RulesAt(t time.Time) RuleSet {
	if t.Before(reform2025()) {
		return RuleSet{
			Name:     "2018",
			Until:    reform2025(),
			Decree:   "Nghị định số 61/2018/NĐ-CP",
			Circular: "Thông tư số 01/2018/TT-VPCP",
			Forms: []Form{
				{FormReceipt, "01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"},
				{FormSupplement, "02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"},
				{FormRefusal, "03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"},
				{FormApology, "04", "Phiếu xin lỗi và hẹn lại ngày trả kết quả"},
				{FormControl, "05", "Phiếu kiểm soát quá trình giải quyết hồ sơ"},
				{FormBook, "06", "Sổ theo dõi hồ sơ"},
			},
		}
	}
	return RuleSet{
		Name:     "2025",
		From:     reform2025(),
		Decree:   "Nghị định số 118/2025/NĐ-CP",
		Circular: "Thông tư số 03/2025/TT-VPCP",
		Forms: []Form{
			{FormReceipt, "01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"},
			{FormSupplement, "02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"},
			{FormRefusal, "03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"},
			// The 2025 set merges the apology with the request to extend the time limit.
			{FormApology, "04", "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết hồ sơ"},
			{FormStop, "05", "Thông báo dừng giải quyết hồ sơ"},
			{FormControl, "06", "Phiếu kiểm soát quá trình giải quyết hồ sơ"},
			{FormBook, "07", "Sổ theo dõi hồ sơ"},
		},
	}
}

// Form returns the form of the given kind, or an Invalid error when the rule set has no
// such form (the notice of stopping before 1 July 2025).
func (rs RuleSet) Form(kind FormKind) (Form, error) {
	for _, f := range rs.Forms {
		if f.Kind == kind {
			return f, nil
		}
	}
	return Form{}, fault.Newf(fault.Invalid,
		"Biểu mẫu %q không có trong bộ biểu mẫu ban hành kèm theo %s.", kindLabel(kind), rs.Circular)
}

// Basis returns the line printed under the form number, e.g.
// "Mẫu số 01 – Ban hành kèm theo Thông tư số 03/2025/TT-VPCP".
func (rs RuleSet) Basis(kind FormKind) (string, error) {
	f, err := rs.Form(kind)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("Mẫu số %s – Ban hành kèm theo %s", f.Number, rs.Circular), nil
}

// kindLabel is the Vietnamese name of a form kind for error messages.
func kindLabel(kind FormKind) string {
	switch kind {
	case FormReceipt:
		return "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
	case FormSupplement:
		return "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"
	case FormRefusal:
		return "Phiếu từ chối tiếp nhận giải quyết hồ sơ"
	case FormApology:
		return "Phiếu xin lỗi"
	case FormStop:
		return "Thông báo dừng giải quyết hồ sơ"
	case FormControl:
		return "Phiếu kiểm soát quá trình giải quyết hồ sơ"
	case FormBook:
		return "Sổ theo dõi hồ sơ"
	}
	return string(kind)
}
