package catalog

import "slices"

// Field is a lĩnh vực: the subject area a procedure belongs to (Hộ tịch,
// Chứng thực, Cư trú …).
type Field struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// OnlineLevel is the mức độ dịch vụ công trực tuyến of a procedure
// (Decree 42/2022/NĐ-CP).
type OnlineLevel string

// Online service levels.
const (
	// OnlineNone: không cung cấp dịch vụ công trực tuyến.
	OnlineNone OnlineLevel = "none"
	// OnlinePartial: dịch vụ công trực tuyến một phần.
	OnlinePartial OnlineLevel = "partial"
	// OnlineFull: dịch vụ công trực tuyến toàn trình.
	OnlineFull OnlineLevel = "full"
)

// DeadlineMode says how the legal deadline (thời hạn giải quyết) is counted.
type DeadlineMode string

// Deadline modes.
const (
	// DeadlineWorking counts ngày làm việc.
	DeadlineWorking DeadlineMode = "working"
	// DeadlineCalendar counts ngày (calendar days), as in "15 ngày" of a statute.
	DeadlineCalendar DeadlineMode = "calendar"
	// DeadlineSameDay is giải quyết trong ngày: received by 15:00 on a working day, due
	// at the end of that day; otherwise at the end of the next working day. DeadlineDays
	// is 0.
	DeadlineSameDay DeadlineMode = "same_day"
)

// SupplementRule says what a supplement request (yêu cầu bổ sung hồ sơ)
// does to the clock.
type SupplementRule string

// Supplement rules.
const (
	// SupplementPause stops the clock until the supplement arrives (tạm dừng).
	SupplementPause SupplementRule = "pause"
	// SupplementReset restarts the count from the complete dossier (tính lại từ đầu).
	SupplementReset SupplementRule = "reset"
)

// Government levels (cấp thực hiện) used in Procedure.Levels.
const (
	LevelCommune  = "xa"        // cấp xã (xã, phường, đặc khu)
	LevelDistrict = "huyen"     // cấp huyện, for catalogues before 1 July 2025
	LevelProvince = "tinh"      // cấp tỉnh
	LevelCentral  = "trunguong" // cấp bộ, trung ương
)

// Procedure is a thủ tục hành chính as published in the national database
// (CSDL quốc gia về TTHC) and posted at the desk. Money is in whole VND.
type Procedure struct {
	// Code is the national code (mã TTHC, e.g. "1.001193") or a local code.
	Code string `json:"code"`
	// CodeKind says where Code comes from; empty means not stated (older
	// files), in which case the form of the code is all that is known.
	CodeKind CodeKind `json:"code_kind,omitempty"`
	// CodeNote says where the code was checked, or why a local code is used.
	CodeNote  string   `json:"code_note,omitempty"`
	Name      string   `json:"name"`
	FieldCode string   `json:"field_code"`
	Levels    []string `json:"levels"`
	// Online is the online service level (mức độ DVCTT).
	Online OnlineLevel `json:"online"`
	// DeadlineDays is the legal deadline (thời hạn giải quyết), in working
	// or calendar days according to DeadlineMode; fractions allowed; 0 for a
	// same-day procedure.
	DeadlineDays float64 `json:"deadline_days"`
	// OnlineDeadlineDays is the deadline for online dossiers; 0 means the same.
	OnlineDeadlineDays float64 `json:"online_deadline_days,omitempty"`
	// DeadlineNote explains longer deadlines in special cases (cần xác minh …).
	DeadlineNote   string         `json:"deadline_note,omitempty"`
	DeadlineMode   DeadlineMode   `json:"deadline_mode"`
	SupplementRule SupplementRule `json:"supplement_rule"`
	// FeeVND is the main fee or charge (phí, lệ phí) in VND; 0 = free.
	FeeVND int64 `json:"fee_vnd"`
	// Fees lists the fee rules (mức thu theo trường hợp, theo bản, theo
	// trang, and the cases exempted); see FeeDue.
	Fees []Fee `json:"fees,omitempty"`
	// Documents is the thành phần hồ sơ.
	Documents []Document `json:"documents,omitempty"`
	// FormFields is the e-form (tờ khai điện tử) for online submission.
	FormFields []FormField `json:"form_fields,omitempty"`
	// Conditions is the yêu cầu, điều kiện thực hiện.
	Conditions string `json:"conditions,omitempty"`
	// Result is the kết quả thực hiện.
	Result string `json:"result"`
	// LegalBasis is the căn cứ pháp lý.
	LegalBasis string `json:"legal_basis"`
	// Agency is the cơ quan thực hiện.
	Agency string `json:"agency"`
	// StepsText is the trình tự thực hiện as published, one step a line.
	StepsText string `json:"steps_text,omitempty"`
	// Channels is the cách thức thực hiện (trực tiếp, trực tuyến, bưu chính).
	Channels string `json:"channels,omitempty"`
	// Process is the quy trình nội bộ that drives dossiers of this procedure.
	Process Process `json:"process"`
}

// CodeKind says where a procedure code comes from.
type CodeKind string

// Code kinds.
const (
	// CodeNational: the mã TTHC of the national database (CSDL quốc gia về
	// thủ tục hành chính), as published on the Cổng Dịch vụ công quốc gia.
	CodeNational CodeKind = "national"
	// CodeLocal: a local code for a procedure that has no national code
	// (a procedure the province sets itself, or one not yet published).
	CodeLocal CodeKind = "local"
	// CodeUnconfirmed: a local code standing in for a national code that
	// may exist but could not be confirmed; CodeNote says so.
	CodeUnconfirmed CodeKind = "unconfirmed"
)

// FeeKind says what a fee rule is charged for.
type FeeKind string

// Fee kinds.
const (
	// FeePerCase: AmountVND once per dossier (mỗi hồ sơ, mỗi trường hợp,
	// mỗi hợp đồng). The empty kind means the same, as in older files.
	FeePerCase FeeKind = "case"
	// FeePerCopy: AmountVND for each copy asked for (mỗi bản).
	FeePerCopy FeeKind = "copy"
	// FeePerPage: AmountVND for each page of each copy from FromPage on,
	// until the FromPage of the next page rule; the page charge of one copy
	// is capped at MaxPerCopyVND when that is set (tối đa … đồng/bản).
	FeePerPage FeeKind = "page"
	// FeeExempt: a case in which nothing is charged (miễn phí, lệ phí),
	// named in Case, with the LegalBasis that grants it; AmountVND is 0.
	FeeExempt FeeKind = "exempt"
)

// Fee is one fee rule of a phí or lệ phí, in VND. Case names the rule and
// is unique within a procedure.
type Fee struct {
	Case      string `json:"case"`
	AmountVND int64  `json:"amount_vnd"`
	Note      string `json:"note,omitempty"`
	// Kind is what the amount is charged for; empty means per case.
	Kind FeeKind `json:"kind,omitempty"`
	// FromPage is the first page a per-page rate applies to (1 = trang
	// thứ nhất); 0 for other kinds.
	FromPage int `json:"from_page,omitempty"`
	// MaxPerCopyVND caps the per-page charge of one copy; 0 = no cap.
	MaxPerCopyVND int64 `json:"max_per_copy_vnd,omitempty"`
	// LegalBasis is the text that sets the rate or grants the exemption;
	// required for exemptions.
	LegalBasis string `json:"legal_basis,omitempty"`
}

// Document is one thành phần hồ sơ with the number of bản chính (Originals),
// bản sao chứng thực (Certified) and bản sao/photo (Copies) to hand in.
// ShowOnly means the paper may be shown (xuất trình) instead of handed in.
type Document struct {
	Name      string `json:"name"`
	Originals int    `json:"originals"`
	Certified int    `json:"certified"`
	Copies    int    `json:"copies"`
	// Template is the name of the form (mẫu đơn, tờ khai), if any.
	Template string `json:"template,omitempty"`
	ShowOnly bool   `json:"show_only,omitempty"`
	Note     string `json:"note,omitempty"`
}

// FormFieldKind is the input type of an e-form field.
type FormFieldKind string

// E-form field kinds.
const (
	KindText     FormFieldKind = "text"
	KindDate     FormFieldKind = "date"
	KindNumber   FormFieldKind = "number"
	KindTextarea FormFieldKind = "textarea"
	KindSelect   FormFieldKind = "select"
)

// FormField is one field of the tờ khai điện tử filled in online.
type FormField struct {
	Name     string        `json:"name"`
	Label    string        `json:"label"`
	Kind     FormFieldKind `json:"kind"`
	Required bool          `json:"required,omitempty"`
	Options  []string      `json:"options,omitempty"`
}

// OffersOnline reports whether the procedure is offered as an online public service
// (dịch vụ công trực tuyến một phần or toàn trình), so that a citizen may submit it online.
func (p Procedure) OffersOnline() bool {
	return p.Online == OnlinePartial || p.Online == OnlineFull
}

// EffectiveOnlineDeadline returns the deadline of an online dossier.
func (p Procedure) EffectiveOnlineDeadline() float64 {
	if p.OnlineDeadlineDays > 0 {
		return p.OnlineDeadlineDays
	}
	return p.DeadlineDays
}

// Clone returns a copy of p that shares no slice with it, so that a procedure kept by a
// cache can be handed out and changed by its receiver.
func (p Procedure) Clone() Procedure {
	p.Levels = slices.Clone(p.Levels)
	p.Fees = slices.Clone(p.Fees)
	p.Documents = slices.Clone(p.Documents)
	p.FormFields = slices.Clone(p.FormFields)
	for i := range p.FormFields {
		p.FormFields[i].Options = slices.Clone(p.FormFields[i].Options)
	}
	p.Process.Steps = slices.Clone(p.Process.Steps)
	return p
}
