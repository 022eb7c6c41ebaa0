package admin

import (
	"net/http"
	"net/url"
	"strings"

	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/web/kit"
)

// userForm is the account form as posted: the account's fields and, when creating or
// resetting, the password typed twice.
type userForm struct {
	User             org.User
	Password, Repeat string
}

func userFromForm(r *http.Request) userForm {
	f := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	u := org.User{Username: strings.ToLower(f("username")), FullName: f("full_name"), UnitCode: f("unit_code")}
	for _, v := range r.PostForm["roles"] {
		if role := org.Role(v); !u.Has(role) {
			u.Roles = append(u.Roles, role)
		}
	}
	return userForm{User: u, Password: r.PostFormValue("password"), Repeat: r.PostFormValue("password_repeat")}
}

// Valid checks what the form adds to the account's own rules (checked by the use case):
// a known role, and the password typed the same twice.
func (f userForm) Valid(withPassword bool) map[string]string {
	errs := map[string]string{}
	for _, r := range f.User.Roles {
		if r.Label() == string(r) {
			errs["roles"] = "Vai trò không hợp lệ."
		}
	}
	if withPassword && f.Password != f.Repeat {
		errs["password_repeat"] = "Hai lần nhập mật khẩu không khớp."
	}
	return errs
}

func (s *Server) handleUserList(w http.ResponseWriter, r *http.Request) {
	admin, _ := kit.CurrentUser(r)
	users, err := s.App.Officers(r.Context(), admin)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "admin_users.html", map[string]any{
		"Title": "Tài khoản cán bộ", "Users": users,
	})
}

// doneMessage confirms the change a redirect came from.
func doneMessage(code string) string {
	switch code {
	case "tao":
		return "Đã tạo tài khoản."
	case "sua":
		return "Đã lưu tài khoản."
	case "mat-khau":
		return "Đã đặt lại mật khẩu. Mọi phiên đăng nhập và mã truy cập API của tài khoản đã kết thúc."
	case "khoa":
		return "Đã khóa tài khoản. Mọi phiên đăng nhập và mã truy cập API của tài khoản đã kết thúc."
	case "mo-khoa":
		return "Đã mở khóa tài khoản."
	}
	return ""
}

// userPage shows the form to create an account (oldName "") or the page of one account
// with its three forms (details, password, lock); errs and msg belong to the form named
// by part ("", "password" or "active").
func (s *Server) userPage(w http.ResponseWriter, r *http.Request, st int, f userForm, oldName, part string, errs map[string]string, msg string) {
	units, err := s.Store.Units(r.Context())
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	title := "Thêm tài khoản cán bộ"
	if oldName != "" {
		title = "Tài khoản " + oldName
	}
	if part == "" {
		part = "details"
	}
	s.Render(w, r, st, "admin_user_form.html", map[string]any{
		"Title": title, "F": f, "OldName": oldName, "Part": part, "Errors": errs, "Message": msg,
		"Units": units, "Roles": org.Roles(), "Done": doneMessage(r.URL.Query().Get("xong")),
	})
}

func (s *Server) handleUserNew(w http.ResponseWriter, r *http.Request) {
	s.userPage(w, r, http.StatusOK, userForm{}, "", "", nil, "")
}

func (s *Server) handleUserEdit(w http.ResponseWriter, r *http.Request) {
	admin, _ := kit.CurrentUser(r)
	u, err := s.App.Officer(r.Context(), admin, r.PathValue("username"))
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	s.userPage(w, r, http.StatusOK, userForm{User: u}, u.Username, "", nil, "")
}

// formFault shows the page again with the use case's messages when they concern the
// input (invalid or conflicting), or the error page otherwise.
func (s *Server) formFault(w http.ResponseWriter, r *http.Request, err error, again func(st int, fields map[string]string, msg string)) {
	e := s.Public(r, err)
	if e.Code == fault.Invalid || e.Code == fault.Conflict {
		again(kit.Status(e.Code), e.Fields, e.Message)
		return
	}
	s.PageError(w, r, err)
}

const invalidForm = "Thông tin chưa hợp lệ. Vui lòng sửa các mục được đánh dấu."

func (s *Server) handleUserCreate(w http.ResponseWriter, r *http.Request) {
	f := userFromForm(r)
	again := func(st int, errs map[string]string, msg string) {
		f.Password, f.Repeat = "", ""
		s.userPage(w, r, st, f, "", "", errs, msg)
	}
	if errs := f.Valid(true); len(errs) > 0 {
		again(http.StatusBadRequest, errs, invalidForm)
		return
	}
	admin, _ := kit.CurrentUser(r)
	u, err := s.App.AddOfficer(r.Context(), admin, f.User, f.Password, s.Origin(r))
	if err != nil {
		s.formFault(w, r, err, again)
		return
	}
	http.Redirect(w, r, "/quan-tri/tai-khoan/"+url.PathEscape(u.Username)+"?xong=tao", http.StatusSeeOther)
}

func (s *Server) handleUserUpdate(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("username")
	f := userFromForm(r)
	f.User.Username = name
	admin, _ := kit.CurrentUser(r)
	cur, err := s.App.Officer(r.Context(), admin, name)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	f.User.Active = cur.Active
	again := func(st int, errs map[string]string, msg string) { s.userPage(w, r, st, f, name, "", errs, msg) }
	if errs := f.Valid(false); len(errs) > 0 {
		again(http.StatusBadRequest, errs, invalidForm)
		return
	}
	if _, err := s.App.UpdateOfficer(r.Context(), admin, f.User, s.Origin(r)); err != nil {
		s.formFault(w, r, err, again)
		return
	}
	http.Redirect(w, r, "/quan-tri/tai-khoan/"+url.PathEscape(name)+"?xong=sua", http.StatusSeeOther)
}

func (s *Server) handleUserPassword(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("username")
	admin, _ := kit.CurrentUser(r)
	cur, err := s.App.Officer(r.Context(), admin, name)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	posted := userFromForm(r)
	f := userForm{User: cur, Password: posted.Password, Repeat: posted.Repeat}
	again := func(st int, errs map[string]string, msg string) {
		f.Password, f.Repeat = "", ""
		s.userPage(w, r, st, f, name, "password", errs, msg)
	}
	if errs := f.Valid(true); len(errs) > 0 {
		again(http.StatusBadRequest, errs, invalidForm)
		return
	}
	if err := s.App.ResetOfficerPassword(r.Context(), admin, name, f.Password, s.Origin(r)); err != nil {
		s.formFault(w, r, err, again)
		return
	}
	http.Redirect(w, r, "/quan-tri/tai-khoan/"+url.PathEscape(name)+"?xong=mat-khau", http.StatusSeeOther)
}

func (s *Server) handleUserActive(active bool) http.HandlerFunc {
	done := "khoa"
	if active {
		done = "mo-khoa"
	}
	return func(w http.ResponseWriter, r *http.Request) {
		name := r.PathValue("username")
		admin, _ := kit.CurrentUser(r)
		err := s.App.SetOfficerActive(r.Context(), admin, name, active, s.Origin(r))
		if err != nil {
			s.formFault(w, r, err, func(st int, errs map[string]string, msg string) {
				cur, err := s.App.Officer(r.Context(), admin, name)
				if err != nil {
					s.PageError(w, r, err)
					return
				}
				s.userPage(w, r, st, userForm{User: cur}, name, "active", errs, msg)
			})
			return
		}
		http.Redirect(w, r, "/quan-tri/tai-khoan/"+url.PathEscape(name)+"?xong="+done, http.StatusSeeOther)
	}
}
