package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"motcua/internal/demo"
	"motcua/internal/store"
)

// startDemoHistory loads the demo's two years of dossiers in the background, so that a
// fresh demo server answers at once, or resumes a load that a stop or crash interrupted;
// it says so on stdout and in the log when it starts and ends. The returned function waits
// for the load to end (it stops early when ctx is cancelled; the next start resumes it)
// and must run before the store is closed.
func startDemoHistory(ctx context.Context, st *store.Store, resume bool, dataDir string, stdout io.Writer, log *slog.Logger) (wait func()) {
	if resume {
		fmt.Fprintln(stdout, "Đang nạp tiếp lịch sử hồ sơ minh họa bị gián đoạn trong nền…")
		log.Info("demo history: resuming an interrupted load")
	} else {
		fmt.Fprintln(stdout, "Đang nạp lịch sử hồ sơ minh họa (2 năm) trong nền…")
		log.Info("demo history: loading")
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		start, historyStart := time.Now(), st.Now()
		n, resumed, err := demo.LoadHistory(ctx, st, historyStart)
		if err != nil {
			log.Error("demo history: not loaded; the next start resumes it", "err", err)
			return
		}
		log.Info("demo history: loaded", "dossiers", n, "resumed", resumed, "seconds", time.Since(start).Seconds())
		fmt.Fprintf(stdout, "Đã nạp lịch sử minh họa: %d hồ sơ trong %.1f giây.\n", n, time.Since(start).Seconds())
		loadDemoDigitisation(ctx, st, dataDir, historyStart, log)
	}()
	return func() { <-done }
}
