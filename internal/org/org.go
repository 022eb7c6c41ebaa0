// Package org describes the organisation that runs motcua: units (đơn vị) in a tree of
// any depth and the officers (cán bộ) who work in them with their roles.
//
// It holds types and pure rules only and imports nothing but the standard library and
// fault; it never touches SQL or HTTP.
package org

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Level is the tier of a unit in the administrative tree (cấp).
type Level string

// The levels. Districts no longer exist since 1 July 2025 but remain valid for history.
const (
	Province Level = "province" // cấp tỉnh
	District Level = "district" // cấp huyện (before 1/7/2025)
	Commune  Level = "commune"  // cấp xã, phường, thị trấn, đặc khu
	Agency   Level = "agency"   // sở, ban, ngành
)

// Label is the level's Vietnamese name.
func (l Level) Label() string {
	switch l {
	case Province:
		return "Cấp tỉnh"
	case District:
		return "Cấp huyện"
	case Commune:
		return "Cấp xã"
	case Agency:
		return "Sở, ban, ngành"
	}
	return string(l)
}

// Levels lists the valid levels in display order.
func Levels() []Level { return []Level{Province, Agency, District, Commune} }

// Unit is an đơn vị: a People's Committee, a department or a service centre. Code is its
// electronic identifier (mã định danh điện tử), used in dossier codes.
type Unit struct {
	ID         int64  `json:"-"`
	Code       string `json:"code"`
	Name       string `json:"name"`
	ParentCode string `json:"parent_code"`
	Level      Level  `json:"level"`
	Address    string `json:"address"`
	Hotline    string `json:"hotline"`
	Email      string `json:"email"`
	// Hours describes the reception hours for people (giờ tiếp nhận), e.g.
	// "Thứ Hai – Thứ Sáu: 7:00–11:30, 13:30–17:00".
	Hours string `json:"hours"`
	// DeskName is the one-stop desk's name printed on the forms ("Trung tâm Phục vụ hành
	// chính công xã …"); empty means the default for the form's date (DefaultDeskName).
	DeskName string `json:"desk_name"`
}

// deskReform is when the commune desks became Trung tâm Phục vụ hành chính công
// (Decree 118/2025/NĐ-CP, in force 1 July 2025, 00:00 UTC+7).
var deskReform = time.Date(2025, 7, 1, 0, 0, 0, 0, time.FixedZone("ICT", 7*3600))

// Desk returns the name of the unit's one-stop desk on the date of a form: the configured
// DeskName, else DefaultDeskName.
func (u Unit) Desk(at time.Time) string {
	if n := strings.TrimSpace(u.DeskName); n != "" {
		return n
	}
	return DefaultDeskName(u.Name, at)
}

// DefaultDeskName is the desk's name when none is configured: from 1 July 2025 the
// "Trung tâm Phục vụ hành chính công" followed by the unit's name without "UBND" ("…
// thị trấn Tân Hòa"); before, the "Bộ phận Một cửa".
func DefaultDeskName(unitName string, at time.Time) string {
	if at.Before(deskReform) {
		return "Bộ phận Một cửa"
	}
	name := strings.TrimSpace(unitName)
	for _, p := range []string{"UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân "} {
		name = strings.TrimPrefix(name, p)
	}
	return strings.TrimSpace("Trung tâm Phục vụ hành chính công " + name)
}

var (
	unitCodeRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9.]{0,31}$`)
	phoneRe    = regexp.MustCompile(`^[0-9 .+()-]{3,20}$`)
	emailRe    = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
)

// Valid checks a unit and returns field → Vietnamese message; empty means valid.
func (u Unit) Valid() map[string]string {
	errs := map[string]string{}
	if !unitCodeRe.MatchString(u.Code) {
		errs["code"] = "Mã định danh chỉ gồm chữ, số và dấu chấm, tối đa 32 ký tự."
	}
	if strings.TrimSpace(u.Name) == "" {
		errs["name"] = "Vui lòng nhập tên đơn vị."
	} else if utf8.RuneCountInString(u.Name) > 200 {
		errs["name"] = "Tên đơn vị tối đa 200 ký tự."
	}
	valid := false
	for _, l := range Levels() {
		valid = valid || u.Level == l
	}
	if !valid {
		errs["level"] = "Cấp đơn vị không hợp lệ."
	}
	if u.Hotline != "" && !phoneRe.MatchString(u.Hotline) {
		errs["hotline"] = "Số đường dây nóng không hợp lệ."
	}
	if u.Email != "" && !emailRe.MatchString(u.Email) {
		errs["email"] = "Địa chỉ thư điện tử không hợp lệ."
	}
	if utf8.RuneCountInString(u.Address) > 300 {
		errs["address"] = "Địa chỉ tối đa 300 ký tự."
	}
	if utf8.RuneCountInString(u.Hours) > 300 {
		errs["hours"] = "Giờ làm việc tối đa 300 ký tự."
	}
	if utf8.RuneCountInString(u.DeskName) > 200 {
		errs["desk_name"] = "Tên bộ phận tiếp nhận tối đa 200 ký tự."
	}
	if u.ParentCode != "" && u.ParentCode == u.Code {
		errs["parent_code"] = "Đơn vị không thể là cấp trên của chính nó."
	}
	return errs
}
