// Package jobs runs motcua's background work: it sends the notifications of the outbox
// (hộp thư đi) with retries and backoff, claiming messages so that several servers can
// share the work and a stopped server leaves nothing behind, and it purges expired
// sessions and tokens from the store. ExportWorker makes the files of export jobs, one at a
// time, through the use cases it is given.
//
// It imports the store and the standard library; it never imports web.
package jobs

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"time"

	"motcua/internal/store"
)

// Sender delivers one message. An error means "try again later", unless it is marked
// Permanent: then the message is given up at once.
type Sender interface {
	Send(ctx context.Context, m store.OutboxMessage) error
}

// Worker claims due messages from the outbox, sends them and records the outcome, and
// purges expired sessions, tokens and old login failures (Store.Purge) when it starts and
// every PurgeEvery, until its context ends.
type Worker struct {
	Store  *store.Store
	Sender Sender
	Log    *slog.Logger
	// Interval is the pause between two polls when the outbox is empty; 5 s when zero.
	Interval time.Duration
	// Name identifies the worker in claims; random when empty.
	Name string
	// Batch is how many messages one poll claims; 20 when zero.
	Batch int
	// Lease is how long a claim lasts before another worker may take the message;
	// 5 minutes when zero.
	Lease time.Duration
	// PurgeEvery is the pause between two runs of Store.Purge; an hour when zero.
	PurgeEvery time.Duration
}

func (w *Worker) defaults() {
	if w.Interval <= 0 {
		w.Interval = 5 * time.Second
	}
	if w.Batch <= 0 {
		w.Batch = 20
	}
	if w.Lease <= 0 {
		w.Lease = 5 * time.Minute
	}
	if w.PurgeEvery <= 0 {
		w.PurgeEvery = time.Hour
	}
	if w.Name == "" {
		b := make([]byte, 6)
		rand.Read(b)
		w.Name = "worker-" + hex.EncodeToString(b)
	}
	if w.Log == nil {
		w.Log = slog.New(slog.DiscardHandler)
	}
}

// Run polls the outbox until ctx ends, then returns nil. A full batch is followed at once
// by the next poll; errors of the database are logged and retried after Interval. It runs
// Store.Purge first and then whenever PurgeEvery has passed.
func (w *Worker) Run(ctx context.Context) error {
	w.defaults()
	var purged time.Time
	for {
		if purged.IsZero() || time.Since(purged) >= w.PurgeEvery {
			purged = time.Now()
			w.purge(ctx)
		}
		n, err := w.RunOnce(ctx)
		if err != nil && ctx.Err() == nil {
			w.Log.Error("outbox poll failed", "worker", w.Name, "err", err)
		}
		if ctx.Err() != nil {
			return nil
		}
		if n == w.Batch && err == nil {
			continue
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(w.Interval):
		}
	}
}

// purge runs Store.Purge and logs the outcome; a failure waits for the next turn.
func (w *Worker) purge(ctx context.Context) {
	n, err := w.Store.Purge(ctx)
	if err != nil {
		if ctx.Err() == nil {
			w.Log.Error("purge failed", "worker", w.Name, "err", err)
		}
		return
	}
	w.Log.Info("purged expired sessions and tokens", "worker", w.Name, "rows", n)
}

// RunOnce claims one batch of due messages, sends each and marks it sent, failed (to be
// retried) or, after a Permanent error, given up; it returns how many it claimed. The
// error texts it logs and records carry no e-mail address (Redact).
func (w *Worker) RunOnce(ctx context.Context) (int, error) {
	w.defaults()
	msgs, err := w.Store.ClaimOutbox(ctx, w.Name, w.Batch, w.Store.Now(), w.Lease)
	if err != nil {
		return 0, err
	}
	for _, m := range msgs {
		if ctx.Err() != nil {
			// Unsent claims return to the others when the lease ends.
			return len(msgs), nil
		}
		sendErr := w.Sender.Send(ctx, m)
		now := w.Store.Now()
		if sendErr == nil {
			if err := w.Store.MarkSent(ctx, m.ID, w.Name, now); err != nil {
				return len(msgs), err
			}
			continue
		}
		cause, permanent := Redact(sendErr.Error()), IsPermanent(sendErr)
		w.Log.Warn("notification not sent", "worker", w.Name, "id", m.ID, "attempt", m.Attempts+1,
			"permanent", permanent, "err", cause)
		mark := w.Store.MarkFailed
		if permanent {
			mark = w.Store.MarkGivenUp
		}
		if err := mark(ctx, m, w.Name, now, cause); err != nil {
			return len(msgs), err
		}
	}
	return len(msgs), nil
}
