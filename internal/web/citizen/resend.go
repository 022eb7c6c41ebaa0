package citizen

import (
	"net/http"

	"motcua/internal/fault"
	"motcua/internal/web/kit"
)

// resendPath is the page that mails a new verification link (gửi lại thư xác thực).
const resendPath = "/cong-dan/gui-lai-xac-thuc"

func (s *Server) handleCitizenResendForm(w http.ResponseWriter, r *http.Request) {
	s.Render(w, r, http.StatusOK, "citizen_resend.html", map[string]any{"Title": "Gửi lại thư xác thực"})
}

// handleCitizenResend always answers the same way, so that it cannot tell which accounts
// exist, which are verified or how many requests were made; only a site that cannot
// mail links says so.
func (s *Server) handleCitizenResend(w http.ResponseWriter, r *http.Request) {
	err := s.App.ResendVerification(r.Context(), r.PostFormValue("login"), s.Origin(r))
	s.mailAnswer(w, r, err, map[string]any{
		"Title": "Đã gửi lại thư xác thực",
		"Message": "Nếu thông tin bạn nhập thuộc một tài khoản chưa xác thực, chúng tôi đã gửi thư xác thực mới đến " +
			"thư điện tử của tài khoản đó. Chỉ liên kết trong thư mới nhất còn dùng được (hiệu lực 24 giờ).",
		"Link": "/cong-dan/dang-nhap", "LinkText": "Đăng nhập",
	})
}

// mailAnswer answers a request that may mail a link (password reset, verification) with
// the neutral page sent, whatever happened to the account; only a site that cannot mail
// links (a conflict) says so, and other errors get the error page.
func (s *Server) mailAnswer(w http.ResponseWriter, r *http.Request, err error, sent map[string]any) {
	if err == nil {
		s.Render(w, r, http.StatusOK, "citizen_message.html", sent)
		return
	}
	e := s.Public(r, err)
	if e.Code != fault.Conflict {
		s.PageError(w, r, err)
		return
	}
	s.Render(w, r, kit.Status(e.Code), "citizen_message.html", map[string]any{
		"Title": "Chưa gửi được thư", "Message": e.Message,
	})
}
