package store_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"motcua/internal/org"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// testClock is a settable clock for the store.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// eachWithClock runs fn once per dialect with a fresh store on a settable clock and one
// commune unit, "T01".
func eachWithClock(t *testing.T, fn func(t *testing.T, s *store.Store, clock *testClock)) {
	t.Helper()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			clock := &testClock{now: time.Date(2026, 3, 4, 2, 0, 0, 0, time.UTC)}
			s := storetest.Open(t, d, clock.Now)
			if _, err := s.CreateUnit(context.Background(), org.Unit{Code: "T01", Name: "UBND xã Thử nghiệm", Level: org.Commune}); err != nil {
				t.Fatal(err)
			}
			fn(t, s, clock)
		})
	}
}

// registerCitizen registers and verifies a citizen and returns it.
func registerCitizen(t *testing.T, s *store.Store, login string) store.Citizen {
	t.Helper()
	ctx := context.Background()
	var token string
	c, err := s.RegisterCitizen(ctx, store.NewCitizen{Login: login, FullName: "Trần Thị Hoa", Email: "hoa@example.vn", Password: "mật-khẩu-dài"},
		time.Hour, func(c store.Citizen, tok string) store.OutboxMessage {
			token = tok
			return store.OutboxMessage{Recipient: c.Email, Subject: "Xác thực", Body: "/cong-dan/xac-thuc?token=" + tok}
		})
	if err != nil {
		t.Fatalf("register %s: %v", login, err)
	}
	if _, err := s.VerifyCitizen(ctx, token); err != nil {
		t.Fatalf("verify %s: %v", login, err)
	}
	return c
}
