package feedback

// Kind is what a PAKN is about (nội dung phản ánh, kiến nghị), as the sender chose it.
type Kind string

// The kinds of PAKN.
const (
	KindRegulation Kind = "regulation" // về quy định, chính sách, thủ tục hành chính
	KindDossier    Kind = "dossier"    // về việc giải quyết một hồ sơ
	KindConduct    Kind = "conduct"    // về hành vi, thái độ của cán bộ, công chức
)

// Kinds lists the kinds in display order.
func Kinds() []Kind { return []Kind{KindRegulation, KindDossier, KindConduct} }

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool { return k == KindRegulation || k == KindDossier || k == KindConduct }

// Label is the kind's Vietnamese name.
func (k Kind) Label() string {
	switch k {
	case KindRegulation:
		return "Quy định, chính sách, thủ tục hành chính"
	case KindDossier:
		return "Việc giải quyết hồ sơ"
	case KindConduct:
		return "Hành vi, thái độ của cán bộ"
	}
	return string(k)
}

// Class is the phân loại an officer gives a PAKN (QĐ 766 indicator 5.1 counts the PAKN
// that have one).
type Class string

// The classes of QĐ 766 indicator 5.1.
const (
	ClassRegulation Class = "regulation" // quy định, chính sách, thủ tục
	ClassConduct    Class = "conduct"    // hành vi của cán bộ, công chức
)

// Classes lists the classes in display order.
func Classes() []Class { return []Class{ClassRegulation, ClassConduct} }

// Valid reports whether c is one of Classes.
func (c Class) Valid() bool { return c == ClassRegulation || c == ClassConduct }

// Label is the class's Vietnamese name.
func (c Class) Label() string {
	switch c {
	case ClassRegulation:
		return "Quy định, chính sách, thủ tục"
	case ClassConduct:
		return "Hành vi của cán bộ, công chức"
	}
	return string(c)
}

// Channel is how a PAKN reached the unit (kênh tiếp nhận).
type Channel string

// The channels.
const (
	ChannelWeb     Channel = "web"     // trang của đơn vị, không cần tài khoản
	ChannelAccount Channel = "account" // tài khoản công dân, mục "Hồ sơ của tôi"
	ChannelOpen311 Channel = "open311" // ứng dụng kết nối qua Open311
	ChannelHotline Channel = "hotline" // đường dây nóng, Bộ phận Một cửa ghi nhận
)

// Valid reports whether c is a known channel.
func (c Channel) Valid() bool {
	return c == ChannelWeb || c == ChannelAccount || c == ChannelOpen311 || c == ChannelHotline
}

// Label is the channel's Vietnamese name.
func (c Channel) Label() string {
	switch c {
	case ChannelWeb:
		return "Trang thông tin của đơn vị"
	case ChannelAccount:
		return "Tài khoản công dân"
	case ChannelOpen311:
		return "Ứng dụng kết nối (Open311)"
	case ChannelHotline:
		return "Đường dây nóng"
	}
	return string(c)
}

// Status is the trạng thái of a PAKN at its current unit.
type Status string

// The statuses. A transfer to the competent unit brings the PAKN back to received there.
const (
	StatusReceived      Status = "received"       // đã tiếp nhận
	StatusClassified    Status = "classified"     // đã phân loại
	StatusAssigned      Status = "assigned"       // đã giao xử lý
	StatusDrafted       Status = "drafted"        // đã dự thảo trả lời
	StatusApproved      Status = "approved"       // lãnh đạo đã duyệt, sẵn sàng trả lời
	StatusAnswered      Status = "answered"       // đã trả lời người gửi
	StatusPublished     Status = "published"      // đã công khai
	StatusRefused       Status = "refused"        // từ chối tiếp nhận
	StatusInfoRequested Status = "info_requested" // chờ người gửi bổ sung thông tin
)

// Statuses lists the statuses in the order of the flow.
func Statuses() []Status {
	return []Status{StatusReceived, StatusClassified, StatusAssigned, StatusDrafted, StatusApproved,
		StatusAnswered, StatusPublished, StatusRefused, StatusInfoRequested}
}

// Label is the status's Vietnamese name.
func (s Status) Label() string {
	switch s {
	case StatusReceived:
		return "Đã tiếp nhận"
	case StatusClassified:
		return "Đã phân loại"
	case StatusAssigned:
		return "Đang xử lý"
	case StatusDrafted:
		return "Đã dự thảo trả lời"
	case StatusApproved:
		return "Lãnh đạo đã duyệt"
	case StatusAnswered:
		return "Đã trả lời"
	case StatusPublished:
		return "Đã công khai"
	case StatusRefused:
		return "Từ chối tiếp nhận"
	case StatusInfoRequested:
		return "Chờ bổ sung thông tin"
	}
	return string(s)
}

// Closed reports whether the unit is done with the PAKN: answered, published or refused
// (Open311's status "closed").
func (s Status) Closed() bool {
	return s == StatusAnswered || s == StatusPublished || s == StatusRefused
}

// Reaction is the sender's opinion of the answer (thích / không thích).
type Reaction string

// The reactions.
const (
	ReactionNone     Reaction = ""
	ReactionLiked    Reaction = "liked"
	ReactionDisliked Reaction = "disliked"
)

// Label is the reaction's Vietnamese name.
func (r Reaction) Label() string {
	switch r {
	case ReactionLiked:
		return "Hài lòng với câu trả lời"
	case ReactionDisliked:
		return "Chưa hài lòng với câu trả lời"
	}
	return "Chưa đánh giá"
}

// Role is the part a person plays in a PAKN's flow.
type Role string

// The roles.
const (
	RoleSender     Role = "sender"     // người gửi
	RoleDesk       Role = "desk"       // cán bộ Bộ phận Một cửa
	RoleSpecialist Role = "specialist" // chuyên viên xử lý
	RoleLeader     Role = "leader"     // lãnh đạo
	RoleAdmin      Role = "admin"      // quản trị
	RoleSystem     Role = "system"     // hệ thống (Open311)
)
