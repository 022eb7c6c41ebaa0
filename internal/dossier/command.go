package dossier

import (
	"math"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxTextRunes is the longest note or reason accepted, in characters.
const MaxTextRunes = 2000

// Command is a request to act on a dossier. Actor, Role and Unit identify the caller and
// must come from the authenticated session, never from the request body: they carry no
// JSON name on purpose.
type Command struct {
	Action Action `json:"action"`
	Actor  string `json:"-"`
	Role   Role   `json:"-"`
	Unit   string `json:"-"`
	Note   string `json:"note"`
	Reason string `json:"reason"`
	// NewDue is the new appointment (extend).
	NewDue time.Time `json:"new_due,omitzero"`
	// ToUnit and StepBudget describe a transfer (liên thông).
	ToUnit     string  `json:"to_unit"`
	StepBudget float64 `json:"step_budget"`
	// Assignee is the user to assign, or the target user of a forward or send_back.
	Assignee string `json:"assignee"`
	// Documents are the missing documents a supplement request asks for (Mẫu 02).
	Documents []MissingDocument `json:"documents,omitempty"`
}

// MaxMissingDocuments is the most documents one supplement request may list.
const MaxMissingDocuments = 50

// MissingDocument is one thành phần hồ sơ a supplement request (yêu cầu bổ sung, hoàn
// thiện hồ sơ) asks the applicant for, with the number of originals (bản chính),
// certified copies (bản sao chứng thực) and copies (bản photo) wanted.
type MissingDocument struct {
	Name      string `json:"name"`
	Originals int    `json:"originals,omitempty"`
	Certified int    `json:"certified,omitempty"`
	Copies    int    `json:"copies,omitempty"`
}

// Valid returns the Vietnamese message for each invalid field (keyed by its JSON name),
// or nil. It checks the shape of the command; whether the dossier's state and the
// caller's role allow it is Decide's job.
func (c Command) Valid() map[string]string {
	f := map[string]string{}
	if _, err := ParseAction(string(c.Action)); err != nil {
		f["action"] = "Thao tác không hợp lệ."
	}
	if strings.TrimSpace(c.Actor) == "" {
		f["actor"] = "Thiếu người thực hiện."
	}
	if _, err := ParseRole(string(c.Role)); err != nil {
		f["role"] = "Vai trò không hợp lệ."
	}
	if utf8.RuneCountInString(c.Note) > MaxTextRunes {
		f["note"] = "Ghi chú không được dài quá 2000 ký tự."
	}
	if utf8.RuneCountInString(c.Reason) > MaxTextRunes {
		f["reason"] = "Lý do không được dài quá 2000 ký tự."
	}
	if utf8.RuneCountInString(c.Assignee) > 100 {
		f["assignee"] = "Tên người được phân công quá dài."
	}
	if len(c.Documents) > 0 && c.Action != ActionRequestSupplement {
		f["documents"] = "Chỉ yêu cầu bổ sung hồ sơ mới kèm danh sách giấy tờ cần bổ sung."
	}
	if len(c.Documents) > MaxMissingDocuments {
		f["documents"] = "Danh sách giấy tờ cần bổ sung tối đa 50 dòng."
	}
	for _, d := range c.Documents {
		n := utf8.RuneCountInString(strings.TrimSpace(d.Name))
		if n == 0 || n > 500 || min(d.Originals, d.Certified, d.Copies) < 0 || max(d.Originals, d.Certified, d.Copies) > 99 {
			f["documents"] = "Mỗi giấy tờ cần bổ sung cần có tên (tối đa 500 ký tự) và số bản từ 0 đến 99."
			break
		}
	}
	switch c.Action {
	case ActionRefuse:
		if strings.TrimSpace(c.Reason) == "" {
			f["reason"] = "Cần nêu rõ lý do từ chối."
		}
	case ActionExtend:
		if strings.TrimSpace(c.Reason) == "" {
			f["reason"] = "Cần nêu rõ lý do quá hạn trong phiếu xin lỗi."
		}
		if c.NewDue.IsZero() {
			f["new_due"] = "Cần chọn ngày hẹn trả kết quả mới."
		}
	case ActionTransfer:
		if strings.TrimSpace(c.ToUnit) == "" {
			f["to_unit"] = "Cần chọn đơn vị nhận liên thông."
		} else if utf8.RuneCountInString(c.ToUnit) > 100 {
			f["to_unit"] = "Mã đơn vị quá dài."
		}
		if !(c.StepBudget > 0) || math.IsInf(c.StepBudget, 0) || c.StepBudget > 365 {
			f["step_budget"] = "Thời hạn liên thông phải là số ngày làm việc lớn hơn 0."
		}
	case ActionAssign:
		if strings.TrimSpace(c.Assignee) == "" {
			f["assignee"] = "Cần chọn người được phân công."
		}
	}
	if len(f) == 0 {
		return nil
	}
	return f
}
