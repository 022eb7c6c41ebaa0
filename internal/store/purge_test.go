package store_test

import (
	"context"
	"testing"
	"time"

	"motcua/internal/org"
	"motcua/internal/store"
)

func TestPurge(t *testing.T) {
	t.Parallel()
	eachWithClock(t, func(t *testing.T, s *store.Store, clock *testClock) {
		ctx := context.Background()
		start := clock.Now()
		u, err := s.CreateUser(ctx, org.User{Username: "t01.motcua", FullName: "Nguyễn Thị Lan", UnitCode: "T01", Roles: []org.Role{org.OneStop}}, "mật-khẩu-dài")
		if err != nil {
			t.Fatal(err)
		}
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		_, err = s.CreateSession(ctx, u.ID, time.Hour)
		must(err)
		live, err := s.CreateSession(ctx, u.ID, 72*time.Hour)
		must(err)
		_, _, err = s.CreateToken(ctx, u.ID, time.Hour)
		must(err)
		revoked, _, err := s.CreateToken(ctx, u.ID, 72*time.Hour)
		must(err)
		must(s.RevokeToken(ctx, revoked))
		liveToken, _, err := s.CreateToken(ctx, u.ID, 72*time.Hour)
		must(err)
		c := registerCitizen(t, s, "0912345678") // its verification token expires in an hour
		_, err = s.CreateCitizenSession(ctx, c.ID, time.Hour)
		must(err)
		must(s.RequestPasswordReset(ctx, "0912345678", time.Hour, func(c store.Citizen, tok string) store.OutboxMessage {
			return store.OutboxMessage{Recipient: c.Email, Subject: "Đặt lại mật khẩu", Body: tok}
		}))
		_, _, err = s.RecordAttempt(ctx, time.Minute, "user:a", "ip:1")
		must(err)
		if n, err := s.Purge(ctx); err != nil || n != 1 {
			t.Fatalf("purge at once: got %d rows (%v), want 1, the revoked token", n, err)
		}

		clock.Set(start.Add(48 * time.Hour))
		// One officer session, one API token, one citizen session, two citizen tokens
		// (verification, password reset), two login failures.
		if n, err := s.Purge(ctx); err != nil || n != 7 {
			t.Fatalf("purge after two days: got %d rows (%v), want 7", n, err)
		}
		counts, ids, err := s.RecordAttempt(ctx, 72*time.Hour, "user:a")
		if err != nil || counts[0] != 1 {
			t.Errorf("login failures after purge: got %v besides the probe (%v), want none", counts, err)
		}
		must(s.ForgetAttempts(ctx, ids...))
		if _, err := s.SessionUser(ctx, live); err != nil {
			t.Errorf("live session after purge: %v", err)
		}
		if _, err := s.TokenUser(ctx, liveToken); err != nil {
			t.Errorf("live token after purge: %v", err)
		}
		if n, err := s.Purge(ctx); err != nil || n != 0 {
			t.Errorf("second purge: got %d rows (%v), want 0", n, err)
		}
	})
}
