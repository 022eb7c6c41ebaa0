package citizen

import (
	"net/http"
	"strings"

	"motcua/internal/fault"
	"motcua/internal/store"
	"motcua/internal/web/kit"
)

func (s *Server) handleCitizenRegisterForm(w http.ResponseWriter, r *http.Request) {
	s.Render(w, r, http.StatusOK, "citizen_register.html", map[string]any{"Title": "Đăng ký tài khoản công dân"})
}

func (s *Server) handleCitizenRegister(w http.ResponseWriter, r *http.Request) {
	in := store.NewCitizen{
		Login: r.PostFormValue("login"), FullName: r.PostFormValue("full_name"),
		Email: r.PostFormValue("email"), Password: r.PostFormValue("password"),
	}
	data := map[string]any{"Title": "Đăng ký tài khoản công dân", "In": in}
	if in.Password != r.PostFormValue("password2") {
		data["Fields"] = map[string]string{"password2": "Mật khẩu nhập lại không khớp."}
		s.Render(w, r, http.StatusBadRequest, "citizen_register.html", data)
		return
	}
	if err := s.App.RegisterCitizen(r.Context(), in, s.Origin(r)); err != nil {
		e := s.Public(r, err)
		if e.Code != fault.Invalid && e.Code != fault.Conflict {
			s.PageError(w, r, err)
			return
		}
		data["Error"], data["Fields"] = e.Message, e.Fields
		s.Render(w, r, kit.Status(e.Code), "citizen_register.html", data)
		return
	}
	s.Render(w, r, http.StatusOK, "citizen_message.html", map[string]any{
		"Title": "Đã nhận yêu cầu đăng ký",
		"Message": "Nếu địa chỉ hợp lệ, chúng tôi đã gửi thư xác thực đến địa chỉ thư điện tử đã đăng ký. " +
			"Vui lòng mở liên kết trong thư (hiệu lực 24 giờ) để kích hoạt tài khoản. " +
			"Nếu địa chỉ này đã có tài khoản, bạn có thể đăng nhập hoặc dùng chức năng quên mật khẩu. " +
			"Chưa nhận được thư sau vài phút? Hãy xem cả hộp thư rác, rồi yêu cầu gửi lại.",
		"Link": resendPath, "LinkText": "Gửi lại thư xác thực",
	})
}

func (s *Server) handleCitizenVerify(w http.ResponseWriter, r *http.Request) {
	if _, err := s.App.VerifyCitizen(r.Context(), r.URL.Query().Get("token")); err != nil {
		s.PageError(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "citizen_message.html", map[string]any{
		"Title": "Tài khoản đã được xác thực", "Message": "Bạn có thể đăng nhập và nộp hồ sơ trực tuyến.",
		"Link": "/cong-dan/dang-nhap", "LinkText": "Đăng nhập",
	})
}

func (s *Server) handleCitizenLoginForm(w http.ResponseWriter, r *http.Request) {
	s.Render(w, r, http.StatusOK, "citizen_login.html", map[string]any{
		"Title": "Đăng nhập công dân", "Next": r.URL.Query().Get("next"),
	})
}

func (s *Server) handleCitizenLogin(w http.ResponseWriter, r *http.Request) {
	login := strings.TrimSpace(r.PostFormValue("login"))
	next := r.PostFormValue("next")
	data := map[string]any{"Title": "Đăng nhập công dân", "Next": next, "Login": login}
	_, token, err := s.App.LoginCitizen(r.Context(), login, r.PostFormValue("password"), s.Origin(r))
	s.FinishLogin(w, r, kit.Login{Page: "citizen_login.html", Data: data, Cookie: kit.CitizenCookie, Next: next, Default: "/cong-dan/ho-so"}, token, err)
}

func (s *Server) handleCitizenLogout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(kit.CitizenCookie); err == nil {
		if err := s.App.LogoutCitizen(r.Context(), c.Value); err != nil {
			s.PageError(w, r, err)
			return
		}
	}
	kit.SetCookie(w, r, &http.Cookie{Name: kit.CitizenCookie, Value: "", MaxAge: -1})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (s *Server) handleCitizenForgotForm(w http.ResponseWriter, r *http.Request) {
	s.Render(w, r, http.StatusOK, "citizen_forgot.html", map[string]any{"Title": "Quên mật khẩu"})
}

// handleCitizenForgot always answers the same way, so that it cannot tell which accounts
// exist or how many requests were made; only a site that cannot mail links says so.
func (s *Server) handleCitizenForgot(w http.ResponseWriter, r *http.Request) {
	err := s.App.RequestPasswordReset(r.Context(), r.PostFormValue("login"), s.Origin(r))
	s.mailAnswer(w, r, err, map[string]any{
		"Title":   "Đã gửi hướng dẫn",
		"Message": "Nếu thông tin bạn nhập thuộc một tài khoản, chúng tôi đã gửi liên kết đặt lại mật khẩu đến thư điện tử của tài khoản đó.",
	})
}

func (s *Server) handleCitizenResetForm(w http.ResponseWriter, r *http.Request) {
	s.Render(w, r, http.StatusOK, "citizen_reset.html", map[string]any{
		"Title": "Đặt lại mật khẩu", "Token": r.URL.Query().Get("token"),
	})
}

func (s *Server) handleCitizenReset(w http.ResponseWriter, r *http.Request) {
	token, pw := r.PostFormValue("token"), r.PostFormValue("password")
	data := map[string]any{"Title": "Đặt lại mật khẩu", "Token": token}
	if pw != r.PostFormValue("password2") {
		data["Error"] = "Mật khẩu nhập lại không khớp."
		s.Render(w, r, http.StatusBadRequest, "citizen_reset.html", data)
		return
	}
	if _, err := s.App.ResetCitizenPassword(r.Context(), token, pw); err != nil {
		e := s.Public(r, err)
		if e.Code != fault.Invalid {
			s.PageError(w, r, err)
			return
		}
		data["Error"] = e.Message
		s.Render(w, r, http.StatusBadRequest, "citizen_reset.html", data)
		return
	}
	s.Render(w, r, http.StatusOK, "citizen_message.html", map[string]any{
		"Title": "Đã đặt mật khẩu mới", "Message": "Vui lòng đăng nhập bằng mật khẩu mới.",
		"Link": "/cong-dan/dang-nhap", "LinkText": "Đăng nhập",
	})
}
