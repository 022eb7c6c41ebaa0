package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/pprof"
	"slices"
	"time"

	"motcua/internal/app"
	"motcua/internal/calendar"
	"motcua/internal/demo"
	"motcua/internal/report"
	"motcua/internal/store"
)

// benchRankingsCommand measures the QĐ 766 rankings of the units directly below a parent
// (the province by default) over one statutory year (or, with --month, one statutory
// month of it) on an existing database (the demo,
// with motcua demo generate for size): the use case behind /xep-hang and the rankings
// API, and its parts, the sums of the maintained counts alone and every count of the
// store. Each is timed as the first run (cold: a fresh process, caches of the database as
// they are) and the p50/min–max of --n more, with the CPU time of this process per run
// beside the wall time (on SQLite the database works in this process; on PostgreSQL its
// server's time is not in it), since wall time on a loaded machine measures the load.
func benchRankingsCommand(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlagSet("bench rankings", stderr)
	var db dbFlags
	db.register(fs, getenv)
	n := fs.Int("n", 5, "số lần đo mỗi cách (sau lần đầu)")
	parent := fs.String("parent", demo.Province, "đơn vị cấp trên của các đơn vị được xếp hạng")
	year := fs.Int("year", 0, "năm thống kê (15/12 năm trước – 14/12), mặc định năm hiện tại")
	month := fs.Int("month", 0, "tháng thống kê của năm (15 tháng trước – 14 tháng này); 0: cả năm")
	profile := fs.String("cpuprofile", "", "ghi hồ sơ CPU (pprof) của các lần đo xếp hạng vào tệp này")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *n < 1 || *n > 1000 {
		return errors.New("--n phải từ 1 đến 1.000")
	}
	st, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	if *year == 0 {
		*year = report.StatutoryMonth(calendar.DateOf(time.Now())).To.Year
	}
	p, err := report.Named(report.Year, *year, 0)
	if *month != 0 {
		p, err = report.Named(report.Month, *year, *month)
	}
	if err != nil {
		return err
	}
	a := app.New(app.Config{DataDir: db.data}, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	var ranking app.Ranking
	roots := store.IndexRoots{Parent: *parent}
	ways := []struct {
		name string
		fn   func() error
	}{
		{"xếp hạng (use case)", func() error {
			r, err := a.Rankings(ctx, *parent, p.From.String(), p.To.String())
			ranking = r
			return err
		}},
		{"tổng số liệu theo ngày", func() error {
			_, err := st.IndexCountSums(ctx, roots, p)
			return err
		}},
		{"mọi số đếm của chỉ số", func() error {
			_, err := st.IndexCounts(ctx, roots, p)
			return err
		}},
	}
	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	fmt.Fprintf(stdout, "motcua bench rankings: %s, đơn vị cấp trên %s, %s, n=%d\n", benchDurability(st), *parent, p.Name, *n)
	fmt.Fprintf(stdout, "%-26s %10s %10s %10s %10s %12s\n", "cách", "lần đầu", "p50", "min", "max", "CPU p50")
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	for _, w := range ways {
		var lat, cpu []time.Duration
		var first time.Duration
		for i := 0; i <= *n; i++ {
			c0, t0 := processCPU(), time.Now()
			if err := w.fn(); err != nil {
				return fmt.Errorf("%s: %w", w.name, err)
			}
			if i == 0 {
				first = time.Since(t0)
				continue
			}
			lat, cpu = append(lat, time.Since(t0)), append(cpu, processCPU()-c0)
		}
		slices.Sort(lat)
		slices.Sort(cpu)
		fmt.Fprintf(stdout, "%-26s %8.1fms %8.1fms %8.1fms %8.1fms %10.1fms\n", w.name, ms(first), ms(lat[len(lat)/2]),
			ms(lat[0]), ms(lat[len(lat)-1]), ms(cpu[len(cpu)/2]))
	}
	fmt.Fprintf(stdout, "đơn vị được xếp hạng: %d\n", len(ranking.Items))
	for _, it := range ranking.Items[:min(3, len(ranking.Items))] {
		fmt.Fprintf(stdout, "  %d. %s %s: %.2f\n", it.Rank, it.UnitCode, it.UnitName, it.Score)
	}
	return nil
}
