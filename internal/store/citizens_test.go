package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"motcua/internal/fault"
	"motcua/internal/store"
)

func TestNormaliseLogin(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, in, want string
		ok             bool
	}{
		{"email lower-cased", " Hoa.Tran@Example.VN ", "hoa.tran@example.vn", true},
		{"mobile", "0912 345 678", "0912345678", true},
		{"international prefix", "+84912345678", "0912345678", true},
		{"too short", "091234", "", false},
		{"letters", "09123abc78", "", false},
		{"display name", "Hoa <hoa@example.vn>", "", false},
		{"empty", "", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := store.NormaliseLogin(c.in)
			if got != c.want || ok != c.ok {
				t.Errorf("got %q, %v, want %q, %v", got, ok, c.want, c.ok)
			}
		})
	}
}

func TestCitizenAccount(t *testing.T) {
	t.Parallel()
	eachWithClock(t, func(t *testing.T, s *store.Store, clock *testClock) {
		ctx := context.Background()
		var token string
		mail := func(c store.Citizen, tok string) store.OutboxMessage {
			token = tok
			return store.OutboxMessage{Recipient: c.Email, Subject: "Xác thực tài khoản", Body: "token=" + tok}
		}
		c, err := s.RegisterCitizen(ctx, store.NewCitizen{Login: "0912345678", FullName: " Trần  Thị Hoa ",
			Email: "Hoa@Example.vn", Password: "mật-khẩu-dài"}, time.Hour, mail)
		if err != nil {
			t.Fatal(err)
		}
		if c.Login != "0912345678" || c.Phone != "0912345678" || c.Email != "hoa@example.vn" || c.FullName != "Trần Thị Hoa" {
			t.Errorf("got %+v, want normalised login, phone, e-mail and name", c)
		}
		msgs, err := s.OutboxFor(ctx, "hoa@example.vn", 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(msgs) != 1 || !strings.Contains(msgs[0].Body, token) {
			t.Fatalf("got %d messages, want 1 carrying the token", len(msgs))
		}
		if _, err := s.AuthenticateCitizen(ctx, "0912345678", "mật-khẩu-dài"); fault.CodeOf(err) != fault.Forbidden {
			t.Errorf("unverified login: got %v, want forbidden", err)
		}
		if _, err := s.VerifyCitizen(ctx, token); err != nil {
			t.Fatal(err)
		}
		if _, err := s.VerifyCitizen(ctx, token); fault.CodeOf(err) != fault.Invalid {
			t.Errorf("token reused: got %v, want invalid", err)
		}
		for _, tc := range []struct {
			name, login, pw string
			want            fault.Code
		}{
			{"right", "+84 912 345 678", "mật-khẩu-dài", ""},
			{"wrong password", "0912345678", "sai-mật-khẩu", fault.Unauthorized},
			{"unknown", "0999999999", "mật-khẩu-dài", fault.Unauthorized},
			{"not a login", "xyz", "mật-khẩu-dài", fault.Unauthorized},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := s.AuthenticateCitizen(ctx, tc.login, tc.pw)
				if fault.CodeOf(err) != tc.want {
					t.Errorf("got %v, want %q", err, tc.want)
				}
			})
		}
		_, err = s.RegisterCitizen(ctx, store.NewCitizen{Login: "0912 345 678", FullName: "Khác", Email: "k@example.vn",
			Password: "mật-khẩu-dài"}, time.Hour, mail)
		if fault.CodeOf(err) != fault.Conflict {
			t.Errorf("duplicate login: got %v, want conflict", err)
		}
		_, err = s.RegisterCitizen(ctx, store.NewCitizen{Login: "0911111111", FullName: "", Password: "ngắn"}, time.Hour, mail)
		if e := fault.As(err); e == nil || e.Fields["full_name"] == "" || e.Fields["email"] == "" || e.Fields["password"] == "" {
			t.Errorf("invalid registration: got %v, want full_name, email and password field errors", err)
		}

		session, err := s.CreateCitizenSession(ctx, c.ID, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := s.SessionCitizen(ctx, session); err != nil || got.ID != c.ID || !got.Verified() {
			t.Fatalf("session: got %+v, %v, want the verified citizen", got, err)
		}
		token = ""
		if err := s.RequestPasswordReset(ctx, "0900000000", time.Hour, mail); err != nil || token != "" {
			t.Errorf("unknown login reset: got %v and token %q, want nothing", err, token)
		}
		if err := s.RequestPasswordReset(ctx, "0912345678", time.Hour, mail); err != nil || token == "" {
			t.Fatalf("reset: got %v, want a token", err)
		}
		if _, err := s.ResetCitizenPassword(ctx, token, "mật-khẩu-mới-dài"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SessionCitizen(ctx, session); fault.CodeOf(err) != fault.Unauthorized {
			t.Errorf("session after reset: got %v, want unauthorized", err)
		}
		if _, err := s.AuthenticateCitizen(ctx, "0912345678", "mật-khẩu-mới-dài"); err != nil {
			t.Errorf("new password: got %v, want success", err)
		}
		if err := s.RequestPasswordReset(ctx, "0912345678", time.Hour, mail); err != nil {
			t.Fatal(err)
		}
		clock.Set(clock.Now().Add(2 * time.Hour))
		if _, err := s.ResetCitizenPassword(ctx, token, "mật-khẩu-khác-dài"); fault.CodeOf(err) != fault.Invalid {
			t.Errorf("expired token: got %v, want invalid", err)
		}
	})
}
