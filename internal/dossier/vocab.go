package dossier

import "motcua/internal/fault"

// Status is the trạng thái of a dossier. Its values are part of the API contract.
type Status string

// The dossier statuses. Returned, Refused and Withdrawn are final.
const (
	// StatusNew is the status of a dossier with no events yet; it is never stored.
	StatusNew                 Status = ""
	StatusSubmitted           Status = "submitted"
	StatusReceived            Status = "received"
	StatusProcessing          Status = "processing"
	StatusSupplementRequested Status = "supplement_requested"
	StatusResultReady         Status = "result_ready"
	StatusReturned            Status = "returned"
	StatusRefused             Status = "refused"
	StatusWithdrawn           Status = "withdrawn"
)

// Statuses lists every stored status in the order of the life of a dossier.
func Statuses() []Status {
	return []Status{StatusSubmitted, StatusReceived, StatusProcessing, StatusSupplementRequested,
		StatusResultReady, StatusReturned, StatusRefused, StatusWithdrawn}
}

// Final reports whether no action is possible any more (đã kết thúc).
func (s Status) Final() bool {
	return s == StatusReturned || s == StatusRefused || s == StatusWithdrawn
}

// Finished reports whether processing has ended: the result is ready or the dossier is
// final. Timeliness of a finished dossier is early, on_time or late.
func (s Status) Finished() bool {
	return s == StatusResultReady || s.Final()
}

// Label returns the Vietnamese name of the status.
func (s Status) Label() string {
	switch s {
	case StatusNew:
		return "Mới"
	case StatusSubmitted:
		return "Chờ tiếp nhận"
	case StatusReceived:
		return "Đã tiếp nhận"
	case StatusProcessing:
		return "Đang xử lý"
	case StatusSupplementRequested:
		return "Chờ bổ sung"
	case StatusResultReady:
		return "Đã có kết quả"
	case StatusReturned:
		return "Đã trả kết quả"
	case StatusRefused:
		return "Đã từ chối"
	case StatusWithdrawn:
		return "Đã rút hồ sơ"
	}
	return string(s)
}

// ParseStatus returns the Status named s, or an Invalid error.
func ParseStatus(s string) (Status, error) {
	for _, v := range Statuses() {
		if string(v) == s {
			return v, nil
		}
	}
	return "", fault.Newf(fault.Invalid, "Trạng thái hồ sơ “%s” không hợp lệ.", s)
}

// Action is a thao tác on a dossier. Its values are part of the API contract.
type Action string

// The dossier actions. Receive and Submit create a dossier.
const (
	ActionReceive            Action = "receive"
	ActionSubmit             Action = "submit"
	ActionAccept             Action = "accept"
	ActionAssign             Action = "assign"
	ActionForward            Action = "forward"
	ActionSendBack           Action = "send_back"
	ActionTransfer           Action = "transfer"
	ActionRequestSupplement  Action = "request_supplement"
	ActionSupplementReceived Action = "supplement_received"
	ActionExtend             Action = "extend"
	ActionRefuse             Action = "refuse"
	ActionReturnResult       Action = "return_result"
	ActionWithdraw           Action = "withdraw"
	// ActionPayment records that the fee was paid (online, after the gateway's IPN, or at
	// the desk) or waived; only the system writes it (payment.go).
	ActionPayment Action = "payment"
)

// Actions lists every action a person takes (ActionPayment, which only the system
// records, is not among them).
func Actions() []Action {
	return []Action{ActionReceive, ActionSubmit, ActionAccept, ActionAssign, ActionForward,
		ActionSendBack, ActionTransfer, ActionRequestSupplement, ActionSupplementReceived,
		ActionExtend, ActionRefuse, ActionReturnResult, ActionWithdraw}
}

// Label returns the Vietnamese name of the action.
func (a Action) Label() string {
	switch a {
	case ActionReceive:
		return "Tiếp nhận tại quầy"
	case ActionSubmit:
		return "Nộp trực tuyến"
	case ActionAccept:
		return "Tiếp nhận hồ sơ trực tuyến"
	case ActionAssign:
		return "Phân công"
	case ActionForward:
		return "Chuyển bước tiếp theo"
	case ActionSendBack:
		return "Trả lại bước trước"
	case ActionTransfer:
		return "Chuyển liên thông"
	case ActionRequestSupplement:
		return "Yêu cầu bổ sung"
	case ActionSupplementReceived:
		return "Nhận hồ sơ bổ sung"
	case ActionExtend:
		return "Gia hạn, hẹn lại ngày trả"
	case ActionRefuse:
		return "Từ chối giải quyết"
	case ActionReturnResult:
		return "Trả kết quả"
	case ActionWithdraw:
		return "Rút hồ sơ"
	case ActionPayment:
		return "Ghi nhận thanh toán phí, lệ phí"
	}
	return string(a)
}

// ParseAction returns the Action named s, or an Invalid error.
func ParseAction(s string) (Action, error) {
	for _, v := range Actions() {
		if string(v) == s {
			return v, nil
		}
	}
	return "", fault.Newf(fault.Invalid, "Thao tác “%s” không hợp lệ.", s)
}

// Channel is the kênh nộp hồ sơ. Its values are part of the API contract.
type Channel string

// The submission channels.
const (
	ChannelCounter Channel = "counter"
	ChannelOnline  Channel = "online"
	ChannelPostal  Channel = "postal"
)

// Channels lists every channel.
func Channels() []Channel { return []Channel{ChannelCounter, ChannelOnline, ChannelPostal} }

// Label returns the Vietnamese name of the channel.
func (c Channel) Label() string {
	switch c {
	case ChannelCounter:
		return "Trực tiếp"
	case ChannelOnline:
		return "Trực tuyến"
	case ChannelPostal:
		return "Bưu chính công ích"
	}
	return string(c)
}

// ParseChannel returns the Channel named s, or an Invalid error.
func ParseChannel(s string) (Channel, error) {
	for _, v := range Channels() {
		if string(v) == s {
			return v, nil
		}
	}
	return "", fault.Newf(fault.Invalid, "Kênh nộp hồ sơ “%s” không hợp lệ.", s)
}

// Role is the vai trò of the person acting on a dossier.
type Role string

// The roles.
const (
	RoleOneStop    Role = "motcua"     // cán bộ Bộ phận Một cửa
	RoleSpecialist Role = "chuyenvien" // chuyên viên
	RoleLeader     Role = "lanhdao"    // lãnh đạo
	RoleAdmin      Role = "admin"      // quản trị
	RoleApplicant  Role = "applicant"  // người nộp hồ sơ (người dân, doanh nghiệp)
)

// Roles lists every role.
func Roles() []Role {
	return []Role{RoleOneStop, RoleSpecialist, RoleLeader, RoleAdmin, RoleApplicant}
}

// Officer reports whether the role belongs to a unit's staff (cán bộ, công chức), as
// opposed to the administrator and the applicant.
func (r Role) Officer() bool {
	return r == RoleOneStop || r == RoleSpecialist || r == RoleLeader
}

// Label returns the Vietnamese name of the role.
func (r Role) Label() string {
	switch r {
	case RoleOneStop:
		return "Cán bộ Một cửa"
	case RoleSpecialist:
		return "Chuyên viên"
	case RoleLeader:
		return "Lãnh đạo"
	case RoleAdmin:
		return "Quản trị hệ thống"
	case RoleApplicant:
		return "Người nộp hồ sơ"
	}
	return string(r)
}

// ParseRole returns the Role named s, or an Invalid error.
func ParseRole(s string) (Role, error) {
	for _, v := range Roles() {
		if string(v) == s {
			return v, nil
		}
	}
	return "", fault.Newf(fault.Invalid, "Vai trò “%s” không hợp lệ.", s)
}

// Timeliness is the tiến độ of a dossier. Its values are part of the API contract.
type Timeliness string

// Early, OnTime and Late apply to finished dossiers, InTime and Overdue to open ones.
const (
	Early   Timeliness = "early"
	OnTime  Timeliness = "on_time"
	Late    Timeliness = "late"
	InTime  Timeliness = "in_time"
	Overdue Timeliness = "overdue"
)

// Label returns the Vietnamese name of the timeliness.
func (t Timeliness) Label() string {
	switch t {
	case Early:
		return "Trước hạn"
	case OnTime:
		return "Đúng hạn"
	case Late:
		return "Quá hạn"
	case InTime:
		return "Trong hạn"
	case Overdue:
		return "Đang quá hạn"
	}
	return string(t)
}
