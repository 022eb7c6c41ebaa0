package org

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Role is what an officer may do (vai trò).
type Role string

// The officer roles.
const (
	Admin      Role = "admin"      // quản trị hệ thống
	OneStop    Role = "motcua"     // cán bộ Bộ phận Một cửa
	Specialist Role = "chuyenvien" // chuyên viên xử lý
	Leader     Role = "lanhdao"    // lãnh đạo phê duyệt
	Inspector  Role = "thanhtra"   // cấp trên, thanh tra: chỉ xem đơn vị và các đơn vị trực thuộc
	Editor     Role = "editor"     // biên tập viên cổng thông tin: soạn bài, lãnh đạo duyệt
)

// Roles lists every role in display order.
func Roles() []Role { return []Role{Admin, OneStop, Specialist, Leader, Inspector, Editor} }

// Label is the role's Vietnamese name.
func (r Role) Label() string {
	switch r {
	case Admin:
		return "Quản trị"
	case OneStop:
		return "Cán bộ một cửa"
	case Specialist:
		return "Chuyên viên"
	case Leader:
		return "Lãnh đạo"
	case Inspector:
		return "Thanh tra, giám sát"
	case Editor:
		return "Biên tập viên"
	}
	return string(r)
}

// ParseRoles reads a comma-separated role list; ok is false on an unknown role.
func ParseRoles(s string) (roles []Role, ok bool) {
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		r := Role(part)
		if !slices.Contains(Roles(), r) {
			return nil, false
		}
		if !slices.Contains(roles, r) {
			roles = append(roles, r)
		}
	}
	return roles, len(roles) > 0
}

// JoinRoles is the inverse of ParseRoles.
func JoinRoles(roles []Role) string {
	parts := make([]string, len(roles))
	for i, r := range roles {
		parts[i] = string(r)
	}
	return strings.Join(parts, ",")
}

// User is an officer account (tài khoản cán bộ). The password hash never leaves the store.
type User struct {
	ID       int64  `json:"-"`
	Username string `json:"username"`
	FullName string `json:"full_name"`
	UnitCode string `json:"unit_code"`
	UnitName string `json:"unit_name"`
	Roles    []Role `json:"roles"`
	Active   bool   `json:"active"`
}

// Has reports whether the user holds the role.
func (u User) Has(r Role) bool { return slices.Contains(u.Roles, r) }

// HasAny reports whether the user holds any of the roles.
func (u User) HasAny(rs ...Role) bool {
	for _, r := range rs {
		if u.Has(r) {
			return true
		}
	}
	return false
}

var usernameRe = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,63}$`)

// MinPasswordLength is the shortest password accepted for an officer.
const MinPasswordLength = 8

// Valid checks a new or edited user (the password separately, with ValidPassword).
func (u User) Valid() map[string]string {
	errs := map[string]string{}
	if !usernameRe.MatchString(u.Username) {
		errs["username"] = "Tên đăng nhập gồm 2–64 ký tự thường: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới."
	}
	if strings.TrimSpace(u.FullName) == "" {
		errs["full_name"] = "Vui lòng nhập họ và tên."
	} else if utf8.RuneCountInString(u.FullName) > 200 {
		errs["full_name"] = "Họ và tên tối đa 200 ký tự."
	}
	if u.UnitCode == "" {
		errs["unit_code"] = "Vui lòng chọn đơn vị."
	}
	if len(u.Roles) == 0 {
		errs["roles"] = "Vui lòng chọn ít nhất một vai trò."
	}
	return errs
}

// ValidPassword returns a Vietnamese message when the password is too weak, or "".
func ValidPassword(p string) string {
	if utf8.RuneCountInString(p) < MinPasswordLength {
		return "Mật khẩu phải có ít nhất 8 ký tự."
	}
	if len(p) > 256 {
		return "Mật khẩu tối đa 256 byte."
	}
	return ""
}
