package main

import (
	"context"
	"log/slog"
	"time"

	"motcua/internal/app"
	"motcua/internal/demo"
	"motcua/internal/store"
)

// loadDemoCertificates gives every demo unit a test certificate issued by a self-signed
// test CA made for the purpose, so that its results are signed from the first approval.
func loadDemoCertificates(ctx context.Context, st *store.Store, dataDir string, log *slog.Logger) error {
	n, err := app.New(app.Config{DataDir: dataDir}, st, log).EnsureDemoCertificates(ctx)
	if err != nil {
		return err
	}
	log.Info("demo certificates: issued by a test CA", "units", n)
	return nil
}

// loadDemoDigitisation gives the loaded demo history its test certificates, signed
// electronic results, digitised copies and reused documents (demo.LoadDigitisation). A
// failure is logged: the demo still works without them.
func loadDemoDigitisation(ctx context.Context, st *store.Store, dataDir string, before time.Time, log *slog.Logger) {
	start := time.Now()
	a := app.New(app.Config{DataDir: dataDir}, st, log)
	n, err := demo.LoadDigitisation(ctx, st, a, dataDir, before)
	if err != nil {
		log.Error("demo digitisation: not loaded", "err", err)
		return
	}
	log.Info("demo digitisation: loaded", "certificates", n.Certificates, "signed", n.Signed, "scans", n.Scans,
		"reused", n.Reused, "seconds", time.Since(start).Seconds())
}
