package catalog

import (
	"fmt"
	"math"
	"regexp"
)

var (
	// nationalCode is the mã TTHC of the national database, e.g. 1.001193.
	nationalCode = regexp.MustCompile(`^[0-9]\.[0-9]{6}$`)
	// localCode is a code a province or commune gives a procedure that has
	// no national code, e.g. XA-HT-015: upper-case letters, digits, dots
	// and hyphens, 3–32 characters.
	localCode = regexp.MustCompile(`^[A-Z0-9][A-Z0-9.\-]{2,31}$`)
	// fieldCode is a field (lĩnh vực) code: a lower-case slug like ho-tich.
	fieldCode = regexp.MustCompile(`^[a-z0-9][a-z0-9\-]{1,31}$`)
	// formFieldName is the key of an e-form field, e.g. ho_ten_tre.
	formFieldName = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)
)

// ValidCode reports whether code is a national procedure code
// (^[0-9]\.[0-9]{6}$) or a local one (^[A-Z0-9][A-Z0-9.\-]{2,31}$).
func ValidCode(code string) bool {
	return nationalCode.MatchString(code) || localCode.MatchString(code)
}

// IsNationalCode reports whether code has the form of a national code.
func IsNationalCode(code string) bool { return nationalCode.MatchString(code) }

// ValidFieldCode reports whether code is a valid field (lĩnh vực) code.
func ValidFieldCode(code string) bool { return fieldCode.MatchString(code) }

// Validate checks a field on its own: a valid code and a name.
func (f Field) Validate() FieldErrors {
	var errs FieldErrors
	if !ValidFieldCode(f.Code) {
		errs.add("code", "Mã lĩnh vực chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (2–32 ký tự).")
	}
	errs.text("name", f.Name, true, maxNameRunes, false)
	return errs
}

// Validate checks a procedure on its own (whether its field exists is the
// catalogue's business). The internal process must add up to the legal
// deadline for working-day procedures; for calendar-day procedures the
// budgets, which are working days, must add up to at most the deadline.
func (p Procedure) Validate() FieldErrors {
	var errs FieldErrors
	if !ValidCode(p.Code) {
		errs.add("code", "Mã thủ tục không hợp lệ: dùng mã quốc gia dạng 1.001193 hoặc mã địa phương dạng XA-HT-015.")
	}
	switch p.CodeKind {
	case "":
	case CodeNational:
		if !IsNationalCode(p.Code) {
			errs.add("code_kind", "Mã quốc gia phải có dạng 1.001193.")
		}
	case CodeLocal, CodeUnconfirmed:
		if IsNationalCode(p.Code) {
			errs.add("code_kind", "Mã có dạng mã quốc gia thì loại mã phải là national.")
		}
	default:
		errs.add("code_kind", "Loại mã phải là national (mã quốc gia), local (mã địa phương) hoặc unconfirmed (chưa xác minh được mã quốc gia).")
	}
	errs.text("code_note", p.CodeNote, p.CodeKind == CodeUnconfirmed, maxLongRunes, true)
	errs.text("name", p.Name, true, maxNameRunes, false)
	if !ValidFieldCode(p.FieldCode) {
		errs.add("field_code", "Mã lĩnh vực không hợp lệ.")
	}
	p.validateLevels(&errs)
	switch p.Online {
	case OnlineNone, OnlinePartial, OnlineFull:
	default:
		errs.add("online", "Mức độ trực tuyến phải là none, partial hoặc full.")
	}
	sameDay := p.DeadlineMode == DeadlineSameDay
	deadlineOK := p.DeadlineDays > 0 && p.DeadlineDays <= maxDays
	switch {
	case sameDay && p.DeadlineDays != 0:
		errs.add("deadline_days", "Thủ tục giải quyết trong ngày có thời hạn 0 ngày (hẹn trả cuối ngày, hoặc cuối ngày làm việc tiếp theo nếu nhận sau 15 giờ).")
	case !sameDay && !deadlineOK:
		errs.add("deadline_days", "Thời hạn giải quyết phải lớn hơn 0 và không quá 365 ngày.")
	}
	if od := p.OnlineDeadlineDays; od < 0 || math.IsNaN(od) || (od > 0 && (sameDay || deadlineOK && od > p.DeadlineDays)) {
		errs.add("online_deadline_days", "Thời hạn giải quyết hồ sơ trực tuyến phải từ 0 (bằng thời hạn chung) đến thời hạn giải quyết.")
	}
	errs.text("deadline_note", p.DeadlineNote, false, maxLongRunes, true)
	switch p.DeadlineMode {
	case DeadlineWorking, DeadlineSameDay:
	case DeadlineCalendar:
		if deadlineOK && p.DeadlineDays != math.Trunc(p.DeadlineDays) {
			errs.add("deadline_days", "Thời hạn tính theo ngày (lịch) phải là số ngày nguyên; thời hạn dưới một ngày hãy tính theo ngày làm việc.")
		}
	default:
		errs.add("deadline_mode", "Cách tính thời hạn phải là working (ngày làm việc), calendar (ngày) hoặc same_day (trong ngày).")
	}
	switch p.SupplementRule {
	case SupplementPause, SupplementReset:
	default:
		errs.add("supplement_rule", "Quy tắc khi yêu cầu bổ sung phải là pause (tạm dừng) hoặc reset (tính lại).")
	}
	if p.FeeVND < 0 {
		errs.add("fee_vnd", "Phí, lệ phí không được âm.")
	}
	validateFees(&errs, p.Fees)
	for i, d := range p.Documents {
		validateDocument(&errs, fmt.Sprintf("documents[%d]", i), d)
	}
	validateFormFields(&errs, p.FormFields)
	for _, t := range []struct {
		path     string
		value    string
		required bool
	}{
		{"conditions", p.Conditions, false},
		{"result", p.Result, true},
		{"legal_basis", p.LegalBasis, true},
		{"agency", p.Agency, true},
		{"steps_text", p.StepsText, false},
		{"channels", p.Channels, false},
	} {
		errs.text(t.path, t.value, t.required, maxLongRunes, true)
	}
	switch {
	case sameDay:
		// The steps share one working day at most.
		errs.prefixed("process", p.Process.validate(1, true))
	case deadlineOK:
		errs.prefixed("process", p.Process.validate(p.DeadlineDays, p.DeadlineMode == DeadlineCalendar))
	}
	return errs
}

func (p Procedure) validateLevels(errs *FieldErrors) {
	if len(p.Levels) == 0 {
		errs.add("levels", "Phải có ít nhất một cấp thực hiện.")
	}
	seen := map[string]bool{}
	for i, l := range p.Levels {
		switch l {
		case LevelCommune, LevelDistrict, LevelProvince, LevelCentral:
		default:
			errs.add(fmt.Sprintf("levels[%d]", i), fmt.Sprintf("Cấp thực hiện %q không hợp lệ (xa, huyen, tinh, trunguong).", l))
		}
		if seen[l] {
			errs.add(fmt.Sprintf("levels[%d]", i), "Cấp thực hiện bị lặp.")
		}
		seen[l] = true
	}
}

func validateDocument(errs *FieldErrors, path string, d Document) {
	errs.text(path+".name", d.Name, true, maxNameRunes, false)
	if d.Originals < 0 || d.Certified < 0 || d.Copies < 0 {
		errs.add(path, "Số lượng bản chính, bản sao không được âm.")
	} else if d.Originals+d.Certified+d.Copies == 0 {
		errs.add(path, "Phải có ít nhất một bản (bản chính, bản sao chứng thực hoặc bản sao).")
	}
	if d.ShowOnly && d.Originals == 0 {
		errs.add(path+".show_only", "Giấy tờ chỉ xuất trình phải là bản chính.")
	}
	errs.text(path+".template", d.Template, false, maxNameRunes, false)
	errs.text(path+".note", d.Note, false, maxLongRunes, true)
}

func validateFormFields(errs *FieldErrors, fields []FormField) {
	seen := map[string]bool{}
	for i, f := range fields {
		path := fmt.Sprintf("form_fields[%d]", i)
		if !formFieldName.MatchString(f.Name) {
			errs.add(path+".name", "Tên trường chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ.")
		} else if seen[f.Name] {
			errs.add(path+".name", "Tên trường bị trùng.")
		}
		seen[f.Name] = true
		errs.text(path+".label", f.Label, true, maxNameRunes, false)
		switch f.Kind {
		case KindText, KindDate, KindNumber, KindTextarea:
			if len(f.Options) > 0 {
				errs.add(path+".options", "Chỉ trường kiểu select mới có danh sách lựa chọn.")
			}
		case KindSelect:
			if len(f.Options) == 0 {
				errs.add(path+".options", "Trường kiểu select phải có ít nhất một lựa chọn.")
			}
		default:
			errs.add(path+".kind", "Kiểu trường phải là text, date, number, textarea hoặc select.")
		}
		for j, o := range f.Options {
			errs.text(fmt.Sprintf("%s.options[%d]", path, j), o, true, maxNameRunes, false)
		}
	}
}
