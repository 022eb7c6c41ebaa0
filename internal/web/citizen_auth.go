package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"motcua/internal/fault"
	"motcua/internal/store"
)

const (
	// citizenCookie holds a citizen's session, separate from the officers' session.
	citizenCookie = "motcua_citizen"
	// citizenTokenTTL is how long a verification or reset link stays valid.
	citizenTokenTTL = 24 * time.Hour
)

// currentCitizen is the citizen signed in on the request, if any.
func (s *Server) currentCitizen(r *http.Request) (store.Citizen, bool) {
	c, err := r.Cookie(citizenCookie)
	if err != nil || c.Value == "" {
		return store.Citizen{}, false
	}
	citizen, err := s.store.SessionCitizen(r.Context(), c.Value)
	return citizen, err == nil
}

// citizenPage lets through signed-in citizens and sends others to the citizens' login.
func (s *Server) citizenPage(h func(http.ResponseWriter, *http.Request, store.Citizen)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, ok := s.currentCitizen(r)
		if !ok {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, "/cong-dan/dang-nhap?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			s.pageError(w, r, fault.New(fault.Unauthorized, "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại."))
			return
		}
		h(w, r, c)
	})
}

// citizenLink is the absolute address of a page, for messages.
func (s *Server) citizenLink(r *http.Request, path string, token string) string {
	return s.baseURL(r) + path + "?token=" + url.QueryEscape(token)
}

func (s *Server) handleCitizenRegisterForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "citizen_register.html", map[string]any{"Title": "Đăng ký tài khoản công dân"})
}

func (s *Server) handleCitizenRegister(w http.ResponseWriter, r *http.Request) {
	in := store.NewCitizen{
		Login: r.PostFormValue("login"), FullName: r.PostFormValue("full_name"),
		Email: r.PostFormValue("email"), Password: r.PostFormValue("password"),
	}
	data := map[string]any{"Title": "Đăng ký tài khoản công dân", "In": in}
	if in.Password != r.PostFormValue("password2") {
		data["Fields"] = map[string]string{"password2": "Mật khẩu nhập lại không khớp."}
		s.render(w, r, http.StatusBadRequest, "citizen_register.html", data)
		return
	}
	_, err := s.store.RegisterCitizen(r.Context(), in, citizenTokenTTL, func(c store.Citizen, token string) store.OutboxMessage {
		return store.OutboxMessage{Kind: store.MessageKindEmail, Recipient: c.Email,
			Subject: "Xác thực tài khoản công dân",
			Body: "Kính gửi " + c.FullName + ",\n\nVui lòng mở liên kết sau trong 24 giờ để xác thực tài khoản:\n" +
				s.citizenLink(r, "/cong-dan/xac-thuc", token) +
				"\n\nNếu bạn không đăng ký, hãy bỏ qua thư này."}
	})
	if err != nil {
		e := s.public(r, err)
		if e.Code != fault.Invalid && e.Code != fault.Conflict {
			s.pageError(w, r, err)
			return
		}
		data["Error"], data["Fields"] = e.Message, e.Fields
		s.render(w, r, status(e.Code), "citizen_register.html", data)
		return
	}
	s.render(w, r, http.StatusOK, "citizen_message.html", map[string]any{
		"Title":   "Đăng ký thành công",
		"Message": "Chúng tôi đã gửi thư xác thực đến địa chỉ thư điện tử của bạn. Vui lòng mở liên kết trong thư để kích hoạt tài khoản.",
	})
}

func (s *Server) handleCitizenVerify(w http.ResponseWriter, r *http.Request) {
	if _, err := s.store.VerifyCitizen(r.Context(), r.URL.Query().Get("token")); err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "citizen_message.html", map[string]any{
		"Title": "Tài khoản đã được xác thực", "Message": "Bạn có thể đăng nhập và nộp hồ sơ trực tuyến.",
		"Link": "/cong-dan/dang-nhap", "LinkText": "Đăng nhập",
	})
}

func (s *Server) handleCitizenLoginForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "citizen_login.html", map[string]any{
		"Title": "Đăng nhập công dân", "Next": r.URL.Query().Get("next"),
	})
}

func (s *Server) handleCitizenLogin(w http.ResponseWriter, r *http.Request) {
	login := strings.TrimSpace(r.PostFormValue("login"))
	next := r.PostFormValue("next")
	data := map[string]any{"Title": "Đăng nhập công dân", "Next": next, "Login": login}
	c, err := s.citizenLogin(r, login, r.PostFormValue("password"))
	if err != nil {
		e := s.public(r, err)
		if e.Code == fault.Internal {
			s.pageError(w, r, err)
			return
		}
		data["Error"] = e.Message
		s.render(w, r, status(e.Code), "citizen_login.html", data)
		return
	}
	token, err := s.store.CreateCitizenSession(r.Context(), c.ID, s.cfg.SessionTTL)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: citizenCookie, Value: token, Path: "/", HttpOnly: true,
		Secure: r.TLS != nil, SameSite: http.SameSiteLaxMode, MaxAge: int(s.cfg.SessionTTL.Seconds())})
	if next == "" {
		next = "/cong-dan/ho-so"
	}
	http.Redirect(w, r, safeNext(next), http.StatusSeeOther)
}

// citizenLogin checks a citizen's credentials with the same throttling as officers',
// counted under the key "citizen:"+login.
func (s *Server) citizenLogin(r *http.Request, login, pw string) (store.Citizen, error) {
	ctx := r.Context()
	if login == "" || pw == "" {
		return store.Citizen{}, fault.New(fault.Invalid, "Vui lòng nhập thư điện tử hoặc số điện thoại và mật khẩu.")
	}
	key := "citizen:" + strings.ToLower(login)
	if norm, ok := store.NormaliseLogin(login); ok {
		key = "citizen:" + norm
	}
	ip := "ip:" + clientIP(r)
	for _, c := range []struct {
		key   string
		limit int
	}{{key, loginLimitUser}, {ip, loginLimitIP}} {
		n, err := s.store.LoginFailures(ctx, c.key, loginWindow)
		if err != nil {
			return store.Citizen{}, err
		}
		if n >= c.limit {
			return store.Citizen{}, fault.New(fault.RateLimited, "Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau 1 phút.")
		}
	}
	c, err := s.store.AuthenticateCitizen(ctx, login, pw)
	if fault.Is(err, fault.Unauthorized) {
		s.store.RecordLoginFailure(ctx, key, ip)
		n, _ := s.store.LoginFailures(ctx, key, loginWindow)
		time.Sleep(min(time.Duration(n)*100*time.Millisecond, time.Second))
		return store.Citizen{}, err
	}
	if err != nil {
		return store.Citizen{}, err
	}
	s.store.ClearLoginFailures(ctx, key)
	return c, nil
}

func (s *Server) handleCitizenLogout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(citizenCookie); err == nil {
		if err := s.store.DeleteCitizenSession(r.Context(), c.Value); err != nil {
			s.pageError(w, r, err)
			return
		}
	}
	http.SetCookie(w, &http.Cookie{Name: citizenCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (s *Server) handleCitizenForgotForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "citizen_forgot.html", map[string]any{"Title": "Quên mật khẩu"})
}

// handleCitizenForgot always answers the same way, so that it cannot tell which accounts
// exist.
func (s *Server) handleCitizenForgot(w http.ResponseWriter, r *http.Request) {
	err := s.store.RequestPasswordReset(r.Context(), r.PostFormValue("login"), citizenTokenTTL,
		func(c store.Citizen, token string) store.OutboxMessage {
			return store.OutboxMessage{Kind: store.MessageKindEmail, Recipient: c.Email,
				Subject: "Đặt lại mật khẩu tài khoản công dân",
				Body: "Kính gửi " + c.FullName + ",\n\nĐể đặt mật khẩu mới, vui lòng mở liên kết sau trong 24 giờ:\n" +
					s.citizenLink(r, "/cong-dan/dat-lai-mat-khau", token) +
					"\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên."}
		})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "citizen_message.html", map[string]any{
		"Title":   "Đã gửi hướng dẫn",
		"Message": "Nếu thông tin bạn nhập thuộc một tài khoản, chúng tôi đã gửi liên kết đặt lại mật khẩu đến thư điện tử của tài khoản đó.",
	})
}

func (s *Server) handleCitizenResetForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "citizen_reset.html", map[string]any{
		"Title": "Đặt lại mật khẩu", "Token": r.URL.Query().Get("token"),
	})
}

func (s *Server) handleCitizenReset(w http.ResponseWriter, r *http.Request) {
	token, pw := r.PostFormValue("token"), r.PostFormValue("password")
	data := map[string]any{"Title": "Đặt lại mật khẩu", "Token": token}
	if pw != r.PostFormValue("password2") {
		data["Error"] = "Mật khẩu nhập lại không khớp."
		s.render(w, r, http.StatusBadRequest, "citizen_reset.html", data)
		return
	}
	if _, err := s.store.ResetCitizenPassword(r.Context(), token, pw); err != nil {
		e := s.public(r, err)
		if e.Code != fault.Invalid {
			s.pageError(w, r, err)
			return
		}
		data["Error"] = e.Message
		s.render(w, r, http.StatusBadRequest, "citizen_reset.html", data)
		return
	}
	s.render(w, r, http.StatusOK, "citizen_message.html", map[string]any{
		"Title": "Đã đặt mật khẩu mới", "Message": "Vui lòng đăng nhập bằng mật khẩu mới.",
		"Link": "/cong-dan/dang-nhap", "LinkText": "Đăng nhập",
	})
}
