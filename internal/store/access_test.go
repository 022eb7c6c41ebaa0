package store_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"motcua/internal/demo"
	"motcua/internal/fault"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

func TestParallelAttemptsCountEachOther(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		const n = 40
		counts := make([]int, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c, _, err := s.RecordAttempt(ctx, time.Minute, "login:a")
				if err != nil {
					t.Error(err)
					return
				}
				counts[i] = c[0]
			}()
		}
		wg.Wait()
		within := 0
		for _, c := range counts {
			if c <= 5 {
				within++
			}
		}
		if within > 5 {
			t.Errorf("got %d attempts counted within the limit of 5 (%v), want at most 5", within, counts)
		}
		_, ids, err := s.RecordAttempt(ctx, time.Minute, "ip:1")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.ForgetAttempts(ctx, ids...); err != nil {
			t.Fatal(err)
		}
		if c, _, _ := s.RecordAttempt(ctx, time.Minute, "ip:1"); c[0] != 1 {
			t.Errorf("after forgetting: got %d attempts, want 1", c[0])
		}
	})
}

func TestPasswordChangeRevokesAccess(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if err := demo.LoadBase(ctx, s, "mật-khẩu-thử-nghiệm"); err != nil {
			t.Fatal(err)
		}
		u, err := s.User(ctx, "tanhoa.motcua")
		if err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct {
			name   string
			change func() error
		}{
			{"password change", func() error { return s.SetPassword(ctx, u.Username, "mật-khẩu-mới-123") }},
			{"disable", func() error { return s.SetActive(ctx, u.Username, false) }},
		} {
			t.Run(tt.name, func(t *testing.T) {
				if err := s.SetActive(ctx, u.Username, true); err != nil {
					t.Fatal(err)
				}
				token, _, err := s.CreateToken(ctx, u.ID, time.Hour)
				if err != nil {
					t.Fatal(err)
				}
				sess, err := s.CreateSession(ctx, u.ID, time.Hour)
				if err != nil {
					t.Fatal(err)
				}
				if err := tt.change(); err != nil {
					t.Fatal(err)
				}
				if err := s.SetActive(ctx, u.Username, true); err != nil {
					t.Fatal(err)
				}
				if _, err := s.TokenUser(ctx, token); fault.CodeOf(err) != fault.Unauthorized {
					t.Errorf("API token: got %v, want unauthorized", err)
				}
				if _, err := s.SessionUser(ctx, sess); fault.CodeOf(err) != fault.Unauthorized {
					t.Errorf("session: got %v, want unauthorized", err)
				}
			})
		}
	})
}

func TestOnlyTheLatestResetLinkWorks(t *testing.T) {
	t.Parallel()
	eachWithClock(t, func(t *testing.T, s *store.Store, clock *testClock) {
		ctx := context.Background()
		registerCitizen(t, s, "0912345678")
		var tokens []string
		mail := func(c store.Citizen, tok string) store.OutboxMessage {
			tokens = append(tokens, tok)
			return store.OutboxMessage{}
		}
		for range 3 {
			if err := s.RequestPasswordReset(ctx, "0912345678", time.Hour, mail); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.ResetCitizenPassword(ctx, tokens[0], "mật-khẩu-mới-dài"); fault.CodeOf(err) != fault.Invalid {
			t.Errorf("token issued before a newer one: got %v, want invalid", err)
		}
		if _, err := s.ResetCitizenPassword(ctx, tokens[2], "mật-khẩu-mới-dài"); err != nil {
			t.Fatalf("latest token: got %v, want success", err)
		}
		if _, err := s.ResetCitizenPassword(ctx, tokens[1], "mật-khẩu-khác-dài"); fault.CodeOf(err) != fault.Invalid {
			t.Errorf("older token after a reset: got %v, want invalid", err)
		}
	})
}

func TestCitizenStorageQuota(t *testing.T) {
	t.Parallel()
	eachWithClock(t, func(t *testing.T, s *store.Store, clock *testClock) {
		ctx := context.Background()
		s.SetCitizenQuota(1000)
		c := registerCitizen(t, s, "0912345678")
		add := func(procedure string, size int64) error {
			d, err := s.SaveDraft(ctx, store.Draft{CitizenID: c.ID, ProcedureCode: procedure})
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.AddAttachment(ctx, store.Attachment{DraftID: d.ID, DocName: "Tờ khai", SHA256: strings.Repeat("a", 64),
				Size: size, ContentType: "application/pdf", FileName: "to-khai.pdf", UploadedKind: store.UploaderCitizen, UploadedBy: c.Actor()}, store.AuditEntry{})
			return err
		}
		if err := add("P1", 600); err != nil {
			t.Fatal(err)
		}
		err := add("P2", 600)
		if fault.CodeOf(err) != fault.TooLarge || !strings.Contains(fault.As(err).Message, "Bạn đã dùng hết dung lượng lưu trữ") {
			t.Errorf("over the quota across drafts: got %v, want too_large", err)
		}
		if err := add("P2", 400); err != nil {
			t.Errorf("within the quota: got %v, want success", err)
		}
		if n, err := s.CitizenStorage(ctx, c.ID); err != nil || n != 1000 {
			t.Errorf("storage: got %d, %v, want 1000", n, err)
		}
	})
}
