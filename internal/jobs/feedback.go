package jobs

import (
	"context"
	"log/slog"
	"time"
)

// DeadlineWatch runs Warn (the use case that queues warnings about PAKN falling due or
// overdue) when it starts and every Every until its context ends.
type DeadlineWatch struct {
	Warn func(ctx context.Context) (int, error)
	Log  *slog.Logger
	// Every is the pause between two runs; 15 minutes when zero.
	Every time.Duration
}

// Run checks until ctx ends, then returns nil; a failure is logged and retried at the
// next turn.
func (d *DeadlineWatch) Run(ctx context.Context) error {
	if d.Every <= 0 {
		d.Every = 15 * time.Minute
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	for {
		n, err := d.Warn(ctx)
		if err != nil && ctx.Err() == nil {
			d.Log.Error("feedback deadline warnings failed", "err", err)
		} else if n > 0 {
			d.Log.Info("feedback deadline warnings queued", "count", n)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(d.Every):
		}
	}
}
