// Package notify holds the texts of the messages motcua sends (thư thông báo): one
// function per kind of message, taking what the text needs and returning the subject and
// the body. Links in messages are built from the site's configured public address only,
// never from a request.
//
// It imports only the standard library; the store queues what it is given and never
// builds a text.
package notify

import (
	"errors"
	"net/url"
	"strings"
)

// ErrNoBaseURL is returned for a message with a link when the public address of the site
// is not configured.
var ErrNoBaseURL = errors.New("notify: no base URL configured for links in messages")

// Mail is the subject and plain-text body of an e-mail.
type Mail struct {
	Subject string
	Body    string
}

// Paths of the pages that mailed links open.
const (
	VerifyPath = "/cong-dan/xac-thuc"
	ResetPath  = "/cong-dan/dat-lai-mat-khau"
	LoginPath  = "/cong-dan/dang-nhap"
	ForgotPath = "/cong-dan/quen-mat-khau"
)

// Link is the absolute address of path on the site at base, with the token in its query
// when there is one. An empty base is ErrNoBaseURL.
func Link(base, path, token string) (string, error) {
	base = strings.TrimRight(strings.TrimSpace(base), "/")
	if base == "" {
		return "", ErrNoBaseURL
	}
	link := base + path
	if token != "" {
		link += "?token=" + url.QueryEscape(token)
	}
	return link, nil
}

// Verification is the mail asking a new citizen to confirm the address (xác thực tài
// khoản); the link carries the token and stays valid for 24 hours.
func Verification(base, fullName, token string) (Mail, error) {
	link, err := Link(base, VerifyPath, token)
	if err != nil {
		return Mail{}, err
	}
	return Mail{Subject: "Xác thực tài khoản công dân",
		Body: "Kính gửi " + fullName + ",\n\nVui lòng mở liên kết sau trong 24 giờ để xác thực tài khoản:\n" + link +
			"\n\nNếu bạn không đăng ký, hãy bỏ qua thư này."}, nil
}

// PasswordReset is the mail with the link to choose a new password (đặt lại mật khẩu),
// valid for 24 hours.
func PasswordReset(base, fullName, token string) (Mail, error) {
	link, err := Link(base, ResetPath, token)
	if err != nil {
		return Mail{}, err
	}
	return Mail{Subject: "Đặt lại mật khẩu tài khoản công dân",
		Body: "Kính gửi " + fullName + ",\n\nĐể đặt mật khẩu mới, vui lòng mở liên kết sau trong 24 giờ:\n" + link +
			"\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên."}, nil
}

// RegistrationAttempt tells the owner of an account that someone tried to register again
// with its address; it carries no token, only the pages to sign in or reset the password.
func RegistrationAttempt(base, fullName string) (Mail, error) {
	login, err := Link(base, LoginPath, "")
	if err != nil {
		return Mail{}, err
	}
	forgot, _ := Link(base, ForgotPath, "")
	return Mail{Subject: "Có người vừa đăng ký bằng địa chỉ của bạn",
		Body: "Kính gửi " + fullName + ",\n\nVừa có yêu cầu đăng ký tài khoản công dân mới bằng địa chỉ thư điện tử hoặc số điện thoại " +
			"đã gắn với tài khoản của bạn. Tài khoản của bạn không thay đổi.\n\n" +
			"Nếu đó là bạn, hãy đăng nhập tại " + login + " hoặc đặt lại mật khẩu tại " + forgot + ".\n" +
			"Nếu không phải bạn, hãy bỏ qua thư này."}, nil
}
