package jobs

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"time"
)

// ExportWorker makes the files of export jobs (công việc xuất tệp) one at a time: it runs
// Run (the use case that claims the oldest waiting job and makes its file) until no job
// waits, then polls again after Interval; and it runs Expire (the use case that removes
// expired files) when it starts and every ExpireEvery. When its context ends, the job
// under way is given back by Run and Run returns.
type ExportWorker struct {
	Run    func(ctx context.Context, worker string) (bool, error)
	Expire func(ctx context.Context) (int, error)
	Log    *slog.Logger
	// Name identifies the worker in claims; random when empty.
	Name string
	// Interval is the pause between two polls when no job waits; 3 s when zero.
	Interval time.Duration
	// ExpireEvery is the pause between two runs of Expire; an hour when zero.
	ExpireEvery time.Duration
}

// RunLoop works until ctx ends, then returns nil; failures are logged and retried after
// Interval.
func (w *ExportWorker) RunLoop(ctx context.Context) error {
	if w.Interval <= 0 {
		w.Interval = 3 * time.Second
	}
	if w.ExpireEvery <= 0 {
		w.ExpireEvery = time.Hour
	}
	if w.Log == nil {
		w.Log = slog.New(slog.DiscardHandler)
	}
	if w.Name == "" {
		b := make([]byte, 6)
		rand.Read(b)
		w.Name = "export-" + hex.EncodeToString(b)
	}
	var expired time.Time
	for {
		if expired.IsZero() || time.Since(expired) >= w.ExpireEvery {
			expired = time.Now()
			if n, err := w.Expire(ctx); err != nil && ctx.Err() == nil {
				w.Log.Error("export expiry failed", "worker", w.Name, "err", err)
			} else if n > 0 {
				w.Log.Info("expired export files removed", "worker", w.Name, "count", n)
			}
		}
		ran, err := w.Run(ctx, w.Name)
		if err != nil && ctx.Err() == nil {
			w.Log.Error("export job failed", "worker", w.Name, "err", err)
		}
		if ctx.Err() != nil {
			return nil
		}
		if ran && err == nil {
			continue
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(w.Interval):
		}
	}
}
