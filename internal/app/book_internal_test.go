package app

import (
	"context"
	"errors"
	"testing"
)

// TestExportGate: once every slot is taken, a further heavy export waits, and stops when
// its request is cancelled; a slot given back lets the next one in.
func TestExportGate(t *testing.T) {
	t.Parallel()
	var g exportGate
	var releases []func()
	for range heavyExportSlots {
		r, err := g.enter(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		releases = append(releases, r)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := g.enter(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("all slots taken: got %v, want the cancelled request to stop", err)
	}
	releases[0]()
	r, err := g.enter(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	r()
}
