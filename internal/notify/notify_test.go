package notify_test

import (
	"errors"
	"strings"
	"testing"

	"motcua/internal/notify"
)

func TestLinksComeFromTheBaseURL(t *testing.T) {
	tests := []struct {
		name string
		mail func(base string) (notify.Mail, error)
		want string
	}{
		{"verification", func(b string) (notify.Mail, error) { return notify.Verification(b, "Lan", "a+b") }, "https://dvc.example.vn/cong-dan/xac-thuc?token=a%2Bb"},
		{"reset", func(b string) (notify.Mail, error) { return notify.PasswordReset(b, "Lan", "t") }, "https://dvc.example.vn/cong-dan/dat-lai-mat-khau?token=t"},
		{"registration attempt", func(b string) (notify.Mail, error) { return notify.RegistrationAttempt(b, "Lan") }, "https://dvc.example.vn/cong-dan/dang-nhap"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := tt.mail("https://dvc.example.vn/")
			if err != nil || !strings.Contains(m.Body, tt.want) || m.Subject == "" {
				t.Errorf("got %q, %v, want a body with %s", m.Body, err, tt.want)
			}
			if _, err := tt.mail(""); !errors.Is(err, notify.ErrNoBaseURL) {
				t.Errorf("no base URL: got %v, want ErrNoBaseURL", err)
			}
		})
	}
}
