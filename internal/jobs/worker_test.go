package jobs_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"motcua/internal/jobs"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// recorder is a Sender that fails while failures > 0 and records what it sent.
type recorder struct {
	mu       sync.Mutex
	failures int
	sent     map[int64]int
}

func (r *recorder) Send(_ context.Context, m store.OutboxMessage) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.failures > 0 {
		r.failures--
		return errors.New("máy chủ thư tạm thời không nhận")
	}
	if r.sent == nil {
		r.sent = map[int64]int{}
	}
	r.sent[m.ID]++
	return nil
}

func each(t *testing.T, fn func(t *testing.T, s *store.Store, c *clock)) {
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			c := &clock{now: time.Date(2026, 3, 4, 2, 0, 0, 0, time.UTC)}
			fn(t, storetest.Open(t, d, c.Now), c)
		})
	}
}

func TestWorkerRetriesAfterBackoff(t *testing.T) {
	t.Parallel()
	each(t, func(t *testing.T, s *store.Store, c *clock) {
		ctx := context.Background()
		id, err := s.Enqueue(ctx, store.OutboxMessage{Recipient: "an@example.vn", Subject: "Thử", Body: "Nội dung"})
		if err != nil {
			t.Fatal(err)
		}
		rec := &recorder{failures: 2}
		w := &jobs.Worker{Store: s, Sender: rec, Name: "w1"}
		steps := []struct {
			name      string
			advance   time.Duration
			wantClaim int
			wantSent  int
		}{
			{"first attempt fails", 0, 1, 0},
			{"too early", 59 * time.Second, 0, 0},
			{"after 1 min, fails again", time.Second, 1, 0},
			{"before 2 min", time.Minute, 0, 0},
			{"after 2 min, sent", time.Minute, 1, 1},
			{"nothing left", time.Hour, 0, 1},
		}
		for _, st := range steps {
			c.Add(st.advance)
			n, err := w.RunOnce(ctx)
			if err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
			if n != st.wantClaim || rec.sent[id] != st.wantSent {
				t.Fatalf("%s: got %d claimed, sent %d times, want %d and %d", st.name, n, rec.sent[id], st.wantClaim, st.wantSent)
			}
		}
		m, err := s.OutboxMessageByID(ctx, id)
		if err != nil || m.SentAt.IsZero() || m.Attempts != 3 {
			t.Errorf("got sent %v after %d attempts (%v), want sent after 3", m.SentAt, m.Attempts, err)
		}
	})
}

func TestWorkersShareTheOutbox(t *testing.T) {
	t.Parallel()
	each(t, func(t *testing.T, s *store.Store, c *clock) {
		ctx := context.Background()
		const total = 30
		for i := range total {
			if _, err := s.Enqueue(ctx, store.OutboxMessage{Recipient: fmt.Sprintf("u%d@example.vn", i), Subject: "Thử", Body: "x"}); err != nil {
				t.Fatal(err)
			}
		}
		rec := &recorder{}
		ctx, cancel := context.WithCancel(ctx)
		var wg sync.WaitGroup
		for i := range 3 {
			w := &jobs.Worker{Store: s, Sender: rec, Name: fmt.Sprintf("w%d", i), Batch: 4, Interval: time.Millisecond}
			wg.Add(1)
			go func() { defer wg.Done(); w.Run(ctx) }()
		}
		deadline := time.After(20 * time.Second)
		for {
			rec.mu.Lock()
			n := len(rec.sent)
			rec.mu.Unlock()
			if n == total {
				break
			}
			select {
			case <-deadline:
				cancel()
				wg.Wait()
				t.Fatalf("got %d messages sent, want %d", n, total)
			case <-time.After(5 * time.Millisecond):
			}
		}
		cancel()
		wg.Wait()
		for id, times := range rec.sent {
			if times != 1 {
				t.Errorf("message %d sent %d times, want once", id, times)
			}
		}
	})
}

func TestWorkerStopsWithContext(t *testing.T) {
	t.Parallel()
	each(t, func(t *testing.T, s *store.Store, c *clock) {
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- (&jobs.Worker{Store: s, Sender: &recorder{}, Interval: time.Hour}).Run(ctx) }()
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("got %v, want nil", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("worker did not stop")
		}
	})
}

func TestLogSenderLogsTheWholeMessage(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	l := jobs.LogSender{Log: slog.New(slog.NewJSONHandler(&buf, nil))}
	body := "Kính gửi Nguyễn Văn An,\n\nVui lòng mở liên kết sau:\nhttp://127.0.0.1:8080/cong-dan/xac-thuc?token=abc_123\n\nTrân trọng."
	err := l.Send(context.Background(), store.OutboxMessage{ID: 7, Kind: store.MessageKindEmail,
		Recipient: "nguyen.van.an@example.vn", Subject: "Xác thực tài khoản công dân", Body: body})
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Level, Msg, To, Subject, Body string
		Links                         []string
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("log line %q: %v", buf.String(), err)
	}
	want := []string{"WARN", jobs.UnsentMail, "nguyen.van.an@example.vn", "Xác thực tài khoản công dân", body}
	for i, g := range []string{got.Level, got.Msg, got.To, got.Subject, got.Body} {
		if g != want[i] {
			t.Errorf("got %q, want %q", g, want[i])
		}
	}
	if len(got.Links) != 1 || got.Links[0] != "http://127.0.0.1:8080/cong-dan/xac-thuc?token=abc_123" {
		t.Errorf("links: got %q, want the verification link alone", got.Links)
	}
	if !strings.HasPrefix(jobs.UnsentMail, "THƯ CHƯA GỬI") || !strings.Contains(jobs.UnsentMail, "--smtp") {
		t.Errorf("heading %q: want it to say the mail was not sent and how to configure a server", jobs.UnsentMail)
	}
}

func TestParseSMTP(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, in       string
		wantAddr, user string
		ok             bool
	}{
		{"full", "smtp://mail:b%C3%AD-m%E1%BA%ADt@smtp.example.vn:2525?from=motcua@example.vn", "smtp.example.vn:2525", "mail", true},
		{"default port", "smtp://smtp.example.vn?from=motcua@example.vn", "smtp.example.vn:587", "", true},
		{"no from", "smtp://smtp.example.vn:587", "", "", false},
		{"wrong scheme", "http://smtp.example.vn?from=a@b.vn", "", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := jobs.ParseSMTP(c.in)
			if (err == nil) != c.ok {
				t.Fatalf("got %v, want ok=%v", err, c.ok)
			}
			if c.ok && (s.Addr != c.wantAddr || s.Username != c.user) {
				t.Errorf("got %s %s, want %s %s", s.Addr, s.Username, c.wantAddr, c.user)
			}
		})
	}
}

// TestWorkerPurges checks that a running worker purges at start: login failures recorded
// two days earlier are deleted from the real store.
func TestWorkerPurges(t *testing.T) {
	t.Parallel()
	each(t, func(t *testing.T, s *store.Store, c *clock) {
		ctx := context.Background()
		if _, _, err := s.RecordAttempt(ctx, time.Minute, "user:an", "ip:203.0.113.7"); err != nil {
			t.Fatal(err)
		}
		c.Add(48 * time.Hour)
		count := func() int {
			t.Helper()
			counts, ids, err := s.RecordAttempt(ctx, 72*time.Hour, "user:an")
			if err != nil {
				t.Fatal(err)
			}
			if err := s.ForgetAttempts(ctx, ids...); err != nil {
				t.Fatal(err)
			}
			return counts[0] - 1 // not the probe just recorded to count them
		}
		if n := count(); n != 1 {
			t.Fatalf("before the worker: got %d login failures, want 1", n)
		}
		ctx, cancel := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() { done <- (&jobs.Worker{Store: s, Sender: &recorder{}, Interval: time.Hour}).Run(ctx) }()
		defer func() { cancel(); <-done }()
		deadline := time.Now().Add(10 * time.Second)
		for count() != 0 {
			if time.Now().After(deadline) {
				t.Fatal("login failures two days old still there 10 s after the worker started, want them purged")
			}
			time.Sleep(10 * time.Millisecond)
		}
	})
}

// TestWorkerGivesUpPermanentFailures checks that a Permanent error gives the message up
// at the first attempt and that the recorded error carries no address.
func TestWorkerGivesUpPermanentFailures(t *testing.T) {
	t.Parallel()
	each(t, func(t *testing.T, s *store.Store, c *clock) {
		ctx := context.Background()
		id, err := s.Enqueue(ctx, store.OutboxMessage{Recipient: "an@example.vn", Subject: "Thử", Body: "Nội dung"})
		if err != nil {
			t.Fatal(err)
		}
		var log bytes.Buffer
		w := &jobs.Worker{Store: s, Name: "w1", Log: slog.New(slog.NewTextHandler(&log, nil)),
			Sender: senderFunc(func(context.Context, store.OutboxMessage) error {
				return jobs.Permanent(errors.New("550 <an@example.vn> no such user"))
			})}
		if n, err := w.RunOnce(ctx); err != nil || n != 1 {
			t.Fatalf("got %d claimed (%v), want 1", n, err)
		}
		m, err := s.OutboxMessageByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if m.GivenUpAt.IsZero() || m.Attempts != 1 {
			t.Errorf("got given up at %v after %d attempts, want given up after 1", m.GivenUpAt, m.Attempts)
		}
		for _, text := range []string{m.LastError, log.String()} {
			if strings.Contains(text, "an@example.vn") || !strings.Contains(text, "550") {
				t.Errorf("got %q, want the 550 reply without the address", text)
			}
		}
		c.Add(24 * time.Hour)
		if n, err := w.RunOnce(ctx); err != nil || n != 0 {
			t.Errorf("a day later: got %d claimed (%v), want 0", n, err)
		}
	})
}

type senderFunc func(context.Context, store.OutboxMessage) error

func (f senderFunc) Send(ctx context.Context, m store.OutboxMessage) error { return f(ctx, m) }
