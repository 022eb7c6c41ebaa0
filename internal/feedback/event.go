package feedback

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"motcua/internal/fault"
)

// Action is a thao tác on a PAKN.
type Action string

// The actions.
const (
	ActionSubmit       Action = "submit"        // gửi (hoặc Bộ phận Một cửa ghi nhận cuộc gọi)
	ActionClassify     Action = "classify"      // phân loại
	ActionAssign       Action = "assign"        // giao chuyên viên xử lý
	ActionDraft        Action = "draft"         // dự thảo trả lời
	ActionApprove      Action = "approve"       // lãnh đạo duyệt
	ActionAnswer       Action = "answer"        // trả lời người gửi
	ActionPublish      Action = "publish"       // công khai câu trả lời
	ActionRefuse       Action = "refuse"        // từ chối tiếp nhận, có lý do
	ActionRequestInfo  Action = "request_info"  // đề nghị bổ sung thông tin
	ActionInfoReceived Action = "info_received" // người gửi đã bổ sung thông tin
	ActionTransfer     Action = "transfer"      // chuyển cơ quan có thẩm quyền
	ActionReact        Action = "react"         // người gửi đánh giá câu trả lời
	ActionFollowUp     Action = "follow_up"     // người gửi phản hồi thêm
)

// OfficerActions lists the actions officers take, in the order of the flow.
func OfficerActions() []Action {
	return []Action{ActionClassify, ActionAssign, ActionDraft, ActionApprove, ActionAnswer, ActionPublish,
		ActionRequestInfo, ActionInfoReceived, ActionRefuse, ActionTransfer}
}

// Label is the action's Vietnamese name.
func (a Action) Label() string {
	switch a {
	case ActionSubmit:
		return "Tiếp nhận phản ánh, kiến nghị"
	case ActionClassify:
		return "Phân loại"
	case ActionAssign:
		return "Giao xử lý"
	case ActionDraft:
		return "Dự thảo trả lời"
	case ActionApprove:
		return "Lãnh đạo duyệt"
	case ActionAnswer:
		return "Trả lời người gửi"
	case ActionPublish:
		return "Công khai câu trả lời"
	case ActionRefuse:
		return "Từ chối tiếp nhận"
	case ActionRequestInfo:
		return "Đề nghị bổ sung thông tin"
	case ActionInfoReceived:
		return "Đã nhận thông tin bổ sung"
	case ActionTransfer:
		return "Chuyển cơ quan có thẩm quyền"
	case ActionReact:
		return "Người gửi đánh giá câu trả lời"
	case ActionFollowUp:
		return "Người gửi phản hồi thêm"
	}
	return string(a)
}

// Event is one sự kiện in the append-only history of a PAKN. Seq numbers the events from
// 1; the number of events is the PAKN's version. Events are stored as JSON.
type Event struct {
	Seq      int       `json:"seq"`
	Action   Action    `json:"action"`
	Actor    string    `json:"actor"`
	Role     Role      `json:"role"`
	Unit     string    `json:"unit,omitempty"` // the unit the PAKN was at
	At       time.Time `json:"at"`
	Note     string    `json:"note,omitempty"`
	Reason   string    `json:"reason,omitempty"`
	Class    Class     `json:"class,omitempty"`
	Assignee string    `json:"assignee,omitempty"`
	ToUnit   string    `json:"to_unit,omitempty"`
	Answer   string    `json:"answer,omitempty"`
	Reaction Reaction  `json:"reaction,omitempty"`
}

// Limits on the text of a PAKN and its actions (in characters).
const (
	MaxTitle   = 200
	MaxContent = 5000
	MaxNote    = 5000
)

// Command is what an actor asks to do to a PAKN.
type Command struct {
	Action   Action
	Actor    string
	Role     Role
	At       time.Time
	Note     string
	Reason   string
	Class    Class
	Assignee string
	ToUnit   string
	Answer   string
	Reaction Reaction
}

// allowed lists, per action, the statuses it applies to and the roles that may take it.
var allowed = map[Action]struct {
	from  []Status
	roles []Role
}{
	ActionClassify:     {[]Status{StatusReceived, StatusClassified, StatusAssigned}, []Role{RoleDesk, RoleLeader, RoleAdmin}},
	ActionAssign:       {[]Status{StatusClassified, StatusAssigned, StatusDrafted}, []Role{RoleDesk, RoleLeader, RoleAdmin}},
	ActionDraft:        {[]Status{StatusAssigned, StatusDrafted}, []Role{RoleSpecialist, RoleLeader, RoleAdmin}},
	ActionApprove:      {[]Status{StatusDrafted}, []Role{RoleLeader, RoleAdmin}},
	ActionAnswer:       {[]Status{StatusApproved}, []Role{RoleDesk, RoleLeader, RoleAdmin}},
	ActionPublish:      {[]Status{StatusAnswered}, []Role{RoleDesk, RoleLeader, RoleAdmin}},
	ActionRefuse:       {[]Status{StatusReceived, StatusClassified, StatusAssigned}, []Role{RoleDesk, RoleLeader, RoleAdmin}},
	ActionRequestInfo:  {[]Status{StatusReceived, StatusClassified, StatusAssigned}, []Role{RoleDesk, RoleSpecialist, RoleLeader, RoleAdmin}},
	ActionInfoReceived: {[]Status{StatusInfoRequested}, []Role{RoleSender, RoleDesk, RoleLeader, RoleAdmin}},
	ActionTransfer:     {[]Status{StatusReceived, StatusClassified, StatusAssigned, StatusInfoRequested}, []Role{RoleDesk, RoleLeader, RoleAdmin}},
	ActionReact:        {[]Status{StatusAnswered, StatusPublished}, []Role{RoleSender}},
	ActionFollowUp:     {[]Status{StatusAnswered, StatusPublished}, []Role{RoleSender}},
}

// Can answers nil when the role may take the action in the state, else a fault:
// Conflict when the status does not allow it, Forbidden when the role does not.
func Can(s State, a Action, r Role) error {
	rule, ok := allowed[a]
	if !ok {
		return fault.Newf(fault.Invalid, "Thao tác “%s” không hợp lệ.", clip(string(a), 40))
	}
	if !slices.Contains(rule.from, s.Status) {
		return fault.Newf(fault.Conflict, "Không thể “%s” khi phản ánh, kiến nghị đang ở trạng thái “%s”.",
			a.Label(), s.Status.Label())
	}
	if !slices.Contains(rule.roles, r) {
		return fault.Newf(fault.Forbidden, "Vai trò của bạn không được “%s”.", a.Label())
	}
	return nil
}

// Available lists the officer actions the role may take in the state.
func Available(s State, r Role) []Action {
	var out []Action
	for _, a := range OfficerActions() {
		if Can(s, a, r) == nil {
			out = append(out, a)
		}
	}
	return out
}

// Decide checks the command against the state and returns the event it makes.
func Decide(s State, c Command) (Event, error) {
	if err := Can(s, c.Action, c.Role); err != nil {
		return Event{}, err
	}
	note := strings.TrimSpace(c.Note)
	errs := map[string]string{}
	long := func(field, v string, n int) {
		if utf8.RuneCountInString(v) > n {
			errs[field] = "Nội dung quá dài (tối đa " + itoa(n) + " ký tự)."
		}
	}
	e := Event{Seq: s.Version + 1, Action: c.Action, Actor: c.Actor, Role: c.Role, Unit: s.Unit, At: c.At, Note: note}
	long("note", note, MaxNote)
	switch c.Action {
	case ActionClassify:
		if !c.Class.Valid() {
			errs["class"] = "Chọn loại phản ánh, kiến nghị."
		}
		e.Class = c.Class
	case ActionAssign:
		if strings.TrimSpace(c.Assignee) == "" {
			errs["assignee"] = "Chọn cán bộ xử lý."
		}
		e.Assignee = strings.TrimSpace(c.Assignee)
	case ActionDraft, ActionApprove:
		e.Answer = strings.TrimSpace(c.Answer)
		if e.Answer == "" && c.Action == ActionApprove {
			e.Answer = s.Draft
		}
		if e.Answer == "" {
			errs["answer"] = "Nhập nội dung trả lời."
		}
		long("answer", e.Answer, MaxNote)
	case ActionRefuse:
		e.Reason = strings.TrimSpace(c.Reason)
		if e.Reason == "" {
			errs["reason"] = "Nêu lý do từ chối."
		}
		long("reason", e.Reason, MaxNote)
	case ActionRequestInfo, ActionInfoReceived, ActionFollowUp:
		if note == "" {
			errs["note"] = "Nhập nội dung."
		}
	case ActionTransfer:
		e.ToUnit = strings.TrimSpace(c.ToUnit)
		if e.ToUnit == "" {
			errs["to_unit"] = "Chọn cơ quan có thẩm quyền."
		} else if e.ToUnit == s.Unit {
			errs["to_unit"] = "Phản ánh, kiến nghị đang ở chính đơn vị này."
		}
	case ActionReact:
		if c.Reaction != ReactionLiked && c.Reaction != ReactionDisliked {
			errs["reaction"] = "Chọn hài lòng hoặc chưa hài lòng."
		}
		e.Reaction = c.Reaction
	}
	if len(errs) > 0 {
		return Event{}, fault.WithFields("Thông tin thao tác chưa hợp lệ.", errs)
	}
	return e, nil
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// clip shortens s to at most n runes for an error message.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
