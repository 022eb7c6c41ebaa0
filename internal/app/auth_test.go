package app

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"

	"motcua/internal/store/storetest"
)

func TestPasswordHashingWaitsForASlot(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			a := New(Config{}, storetest.Open(t, d, nil), slog.New(slog.NewTextHandler(io.Discard, nil)))
			if cap(a.hashing) != hashSlots() || hashSlots() < 2 {
				t.Fatalf("got %d slots, want 2 × GOMAXPROCS", cap(a.hashing))
			}
			for range cap(a.hashing) {
				a.hashing <- struct{}{}
			}
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			ran := false
			err := a.withHashSlot(ctx, func() error { ran = true; return nil })
			if !errors.Is(err, context.Canceled) || ran {
				t.Errorf("all slots taken: got %v, ran %v, want the request's end and no hashing", err, ran)
			}
			<-a.hashing
			if err := a.withHashSlot(context.Background(), func() error { ran = true; return nil }); err != nil || !ran {
				t.Errorf("a free slot: got %v, ran %v, want the hashing done", err, ran)
			}
		})
	}
}
