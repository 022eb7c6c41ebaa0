package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"motcua/internal/store"
)

func TestOutboxBackoff(t *testing.T) {
	t.Parallel()
	cases := []struct {
		attempts int
		want     time.Duration
	}{
		{1, time.Minute}, {2, 2 * time.Minute}, {3, 4 * time.Minute}, {6, 32 * time.Minute},
		{7, time.Hour}, {9, time.Hour}, {40, time.Hour},
	}
	for _, c := range cases {
		t.Run(fmt.Sprint(c.attempts), func(t *testing.T) {
			if got := store.OutboxBackoff(c.attempts); got != c.want {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestOutboxRetryAndGiveUp(t *testing.T) {
	t.Parallel()
	eachWithClock(t, func(t *testing.T, s *store.Store, clock *testClock) {
		ctx := context.Background()
		id, err := s.Enqueue(ctx, store.OutboxMessage{Recipient: "a@example.vn", Subject: "Thử", Body: "Nội dung"})
		if err != nil {
			t.Fatal(err)
		}
		now := clock.Now()
		got, err := s.ClaimOutbox(ctx, "w1", 10, now, 5*time.Minute)
		if err != nil || len(got) != 1 || got[0].ID != id || got[0].Kind != store.MessageKindEmail {
			t.Fatalf("first claim: got %+v, %v, want message %d", got, err, id)
		}
		if again, _ := s.ClaimOutbox(ctx, "w2", 10, now, 5*time.Minute); len(again) != 0 {
			t.Errorf("claimed twice: got %d messages, want 0", len(again))
		}
		m := got[0]
		for attempt := 1; attempt <= store.OutboxMaxAttempts; attempt++ {
			if err := s.MarkFailed(ctx, m, "w1", now, "máy chủ thư không trả lời"); err != nil {
				t.Fatal(err)
			}
			back, err := s.OutboxMessageByID(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if back.Attempts != attempt || back.LastError == "" {
				t.Fatalf("attempt %d: got attempts %d, error %q", attempt, back.Attempts, back.LastError)
			}
			if attempt == store.OutboxMaxAttempts {
				if back.GivenUpAt.IsZero() {
					t.Fatalf("attempt %d: got not given up, want given up", attempt)
				}
				break
			}
			wait := store.OutboxBackoff(attempt)
			if !back.NextAttemptAt.Equal(now.Add(wait)) {
				t.Fatalf("attempt %d: got next attempt %v, want %v", attempt, back.NextAttemptAt, now.Add(wait))
			}
			if early, _ := s.ClaimOutbox(ctx, "w1", 10, now.Add(wait-time.Second), time.Minute); len(early) != 0 {
				t.Fatalf("attempt %d: claimed before the backoff ended", attempt)
			}
			now = now.Add(wait)
			retry, err := s.ClaimOutbox(ctx, "w1", 10, now, time.Minute)
			if err != nil || len(retry) != 1 {
				t.Fatalf("attempt %d: got %d messages, %v, want the retry", attempt, len(retry), err)
			}
			m = retry[0]
		}
		if late, _ := s.ClaimOutbox(ctx, "w1", 10, now.Add(48*time.Hour), time.Minute); len(late) != 0 {
			t.Errorf("given-up message claimed again")
		}
	})
}

func TestOutboxLeaseAndSent(t *testing.T) {
	t.Parallel()
	eachWithClock(t, func(t *testing.T, s *store.Store, clock *testClock) {
		ctx := context.Background()
		id, err := s.Enqueue(ctx, store.OutboxMessage{Recipient: "b@example.vn", Subject: "Thử", Body: "Nội dung"})
		if err != nil {
			t.Fatal(err)
		}
		now := clock.Now()
		if got, _ := s.ClaimOutbox(ctx, "crashed", 1, now, 5*time.Minute); len(got) != 1 {
			t.Fatalf("got %d messages, want 1", len(got))
		}
		// The worker stops without marking; another takes over once the lease ends.
		if got, _ := s.ClaimOutbox(ctx, "w2", 1, now.Add(4*time.Minute), 5*time.Minute); len(got) != 0 {
			t.Errorf("claimed during the lease: got %d, want 0", len(got))
		}
		got, err := s.ClaimOutbox(ctx, "w2", 1, now.Add(5*time.Minute), 5*time.Minute)
		if err != nil || len(got) != 1 {
			t.Fatalf("after the lease: got %d, %v, want 1", len(got), err)
		}
		// The first worker's late report is ignored: the message is no longer its own.
		if err := s.MarkSent(ctx, id, "crashed", now); err != nil {
			t.Fatal(err)
		}
		if back, _ := s.OutboxMessageByID(ctx, id); !back.SentAt.IsZero() {
			t.Errorf("stale worker marked the message sent")
		}
		if err := s.MarkSent(ctx, id, "w2", now.Add(5*time.Minute)); err != nil {
			t.Fatal(err)
		}
		back, err := s.OutboxMessageByID(ctx, id)
		if err != nil || back.SentAt.IsZero() || back.Attempts != 1 {
			t.Errorf("got sent %v after %d attempts (%v), want sent after 1", back.SentAt, back.Attempts, err)
		}
		if again, _ := s.ClaimOutbox(ctx, "w3", 1, now.Add(time.Hour), time.Minute); len(again) != 0 {
			t.Errorf("sent message claimed again")
		}
	})
}

func TestOutboxConcurrentClaims(t *testing.T) {
	t.Parallel()
	eachWithClock(t, func(t *testing.T, s *store.Store, clock *testClock) {
		ctx := context.Background()
		const total = 40
		for i := range total {
			if _, err := s.Enqueue(ctx, store.OutboxMessage{Recipient: fmt.Sprintf("c%d@example.vn", i), Subject: "Thử", Body: "x"}); err != nil {
				t.Fatal(err)
			}
		}
		now := clock.Now()
		var mu sync.Mutex
		seen := map[int64]string{}
		var wg sync.WaitGroup
		errs := make(chan error, 8)
		for w := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				worker := fmt.Sprintf("w%d", w)
				for {
					got, err := s.ClaimOutbox(ctx, worker, 3, now, time.Minute)
					if err != nil {
						errs <- err
						return
					}
					if len(got) == 0 {
						return
					}
					mu.Lock()
					for _, m := range got {
						if prev, dup := seen[m.ID]; dup {
							errs <- fmt.Errorf("message %d claimed by %s and %s", m.ID, prev, worker)
						}
						seen[m.ID] = worker
					}
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		if len(seen) != total {
			t.Errorf("got %d messages claimed, want %d", len(seen), total)
		}
	})
}
