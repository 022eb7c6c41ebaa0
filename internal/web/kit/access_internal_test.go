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
