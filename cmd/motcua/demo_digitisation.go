package main

import (
	"context"
	"log/slog"
	"time"

	"motcua/internal/app"
	"motcua/internal/demo"
	"motcua/internal/store"
)

// loadDemoDigitisation gives the loaded demo history its test certificates, signed
// electronic results, digitised copies and reused documents (demo.LoadDigitisation). A
// failure is logged: the demo still works without them.
func loadDemoDigitisation(ctx context.Context, st *store.Store, dataDir string, log *slog.Logger) {
	start := time.Now()
	a := app.New(app.Config{DataDir: dataDir}, st, log)
	n, err := demo.LoadDigitisation(ctx, st, a, dataDir)
	if err != nil {
		log.Error("demo digitisation: not loaded", "err", err)
		return
	}
	log.Info("demo digitisation: loaded", "certificates", n.Certificates, "signed", n.Signed, "scans", n.Scans,
		"reused", n.Reused, "seconds", time.Since(start).Seconds())
}
