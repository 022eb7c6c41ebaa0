package kit

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// TestRateLimiterWindows checks the in-memory limiter's counting per client and window.
func TestRateLimiterWindows(t *testing.T) {
	ctx := context.Background()
	l := NewRateLimiter(2, time.Minute)
	t0 := time.Date(2026, 12, 4, 8, 0, 0, 0, time.UTC)
	for i, want := range []bool{true, true, false} {
		if got := l.allow(ctx, "10.0.0.1", t0.Add(time.Duration(i)*time.Second)); got != want {
			t.Fatalf("request %d: allowed %v, want %v", i+1, got, want)
		}
	}
	if !l.allow(ctx, "10.0.0.2", t0) {
		t.Fatal("another client is refused")
	}
	if !l.allow(ctx, "10.0.0.1", t0.Add(time.Minute)) {
		t.Fatal("the client is still refused after its window ended")
	}
}

// TestRateLimiterSweepsRarely fills the table with many clients in their window (as a
// flood of distinct addresses does): no client's count is lost, the table is not swept
// on every request (it once was, past 50,000 clients: a scan of the whole table per
// lookup), and once the windows end the table shrinks again.
func TestRateLimiterSweepsRarely(t *testing.T) {
	ctx := context.Background()
	l := NewRateLimiter(1, time.Minute)
	t0 := time.Date(2026, 12, 4, 8, 0, 0, 0, time.UTC)
	const clients = 3 * minSweep
	for i := range clients {
		l.allow(ctx, fmt.Sprint("c", i), t0)
	}
	if len(l.hits) != clients {
		t.Fatalf("table holds %d clients, want %d", len(l.hits), clients)
	}
	if l.sweepAt < len(l.hits) {
		t.Fatalf("next sweep at %d with %d clients: every request would sweep", l.sweepAt, len(l.hits))
	}
	if l.allow(ctx, "c0", t0.Add(time.Second)) {
		t.Fatal("the first client's count was lost")
	}
	later := t0.Add(2 * time.Minute)
	added := 0
	for ; len(l.hits) >= clients; added++ {
		if added > l.sweepAt {
			t.Fatalf("no sweep after %d new clients (table %d, next sweep at %d)", added, len(l.hits), l.sweepAt)
		}
		l.allow(ctx, fmt.Sprint("n", added), later)
	}
	if len(l.hits) != added {
		t.Fatalf("after the windows ended the table holds %d clients, want the %d new ones", len(l.hits), added)
	}
}

// TestRateLimiterKeys checks the table's keys: one per address whatever its spelling,
// distinct addresses apart, and text that is not an address still counted on its own.
func TestRateLimiterKeys(t *testing.T) {
	ctx := context.Background()
	l := NewRateLimiter(1, time.Minute)
	t0 := time.Date(2026, 12, 4, 8, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		client string
		want   bool
	}{
		{"203.0.113.7", true},
		{"::ffff:203.0.113.7", false}, // the same address, mapped into IPv6
		{"203.0.113.8", true},
		{"2001:db8::1", true},
		{"2001:0db8:0000::0001", false}, // the same, spelled out
		{"2001:db8::2", true},
		{"unix-socket", true},
		{"unix-socket", false},
		{"other-peer", true},
	} {
		if got := l.allow(ctx, tt.client, t0); got != tt.want {
			t.Errorf("%s: allowed %v, want %v", tt.client, got, tt.want)
		}
	}
	if len(l.hits) != 6 {
		t.Errorf("table holds %d clients, want 6", len(l.hits))
	}
	// Counting stops at the limit, so a client refused for ever stays refused.
	for range 100 {
		l.allow(ctx, "203.0.113.7", t0)
	}
	if w := l.hits[l.keyOf("203.0.113.7")]; w.count() != 2 {
		t.Errorf("count %d past the limit of 1, want it held at 2", w.count())
	}
}
