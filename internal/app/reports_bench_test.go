package app_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"motcua/internal/app"
	"motcua/internal/calendar"
	"motcua/internal/demo"
	"motcua/internal/org"
	"motcua/internal/report"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// BenchmarkII06aCommuneYear measures Biểu II.06a of Tân Hòa (about 2,100 dossiers a
// year) for the statutory year 2025 on SQLite with the demo's two years of history: the
// whole use case (which reads the maintained daily counts), its sums read, the reference
// that classifies every dossier (store read, then counting alone), and a one-row read as
// the baseline.
func BenchmarkII06aCommuneYear(b *testing.B) {
	now := time.Date(2026, 3, 4, 9, 0, 0, 0, calendar.Zone())
	st := storetest.Open(b, store.SQLite, func() time.Time { return now })
	ctx := context.Background()
	if err := demo.LoadBase(ctx, st, "mật-khẩu"); err != nil {
		b.Fatal(err)
	}
	if _, _, err := demo.LoadHistory(ctx, st, now); err != nil {
		b.Fatal(err)
	}
	a := app.New(app.Config{DataDir: b.TempDir()}, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	leader := org.User{Username: "tanhoa.lanhdao", UnitCode: demo.TanHoa, Roles: []org.Role{org.Leader}}
	p, _ := report.Named(report.Year, 2025, 0)
	from, to := p.From.String(), p.To.String()

	b.Run("use_case", func(b *testing.B) {
		for b.Loop() {
			r, err := a.ReportII06a(ctx, leader, demo.TanHoa, from, to, false)
			if err != nil || r.Total.Received.Total == 0 {
				b.Fatal(err, r.Total)
			}
		}
	})
	b.Run("store_sums", func(b *testing.B) {
		for b.Loop() {
			if _, err := st.II06aSums(ctx, demo.TanHoa, false, p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("reference_store_read", func(b *testing.B) {
		for b.Loop() {
			if _, err := st.ReportDossiers(ctx, demo.TanHoa, false, p); err != nil {
				b.Fatal(err)
			}
		}
	})
	ds, err := st.ReportDossiers(ctx, demo.TanHoa, false, p)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("reference_count", func(b *testing.B) {
		for b.Loop() {
			report.BuildII06a(p, nil, ds)
		}
	})
	b.Run("baseline_one_row", func(b *testing.B) {
		for b.Loop() {
			if _, err := st.Unit(ctx, demo.TanHoa); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.ReportMetric(float64(len(ds)), "dossiers")
}
