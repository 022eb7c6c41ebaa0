package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"time"

	"motcua/internal/app"
	"motcua/internal/calendar"
	"motcua/internal/catalog"
	"motcua/internal/demo"
	"motcua/internal/org"
	"motcua/internal/report"
)

// benchReportCommand measures Biểu II.06a on an existing database (the demo, with
// motcua demo generate for size): the use case, which reads the maintained daily counts,
// against the classification of every dossier of the period (the reference the counts
// must equal), each as the first run (cold: a fresh process, caches of the database as
// they are) and the p50/min–max of --n more, with a one-row read as the baseline. It
// checks that both give the same report, and with --rebuild times a rebuild of the
// counts from the dossiers first.
func benchReportCommand(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlagSet("bench report", stderr)
	var db dbFlags
	db.register(fs, getenv)
	n := fs.Int("n", 5, "số lần đo mỗi cách (sau lần đầu)")
	unit := fs.String("unit", demo.Province, "đơn vị báo cáo")
	subtree := fs.Bool("subtree", true, "gồm các đơn vị trực thuộc")
	year := fs.Int("year", 0, "năm thống kê (15/12 năm trước – 14/12), mặc định năm hiện tại")
	rebuild := fs.Bool("rebuild", false, "dựng lại số liệu theo ngày từ hồ sơ trước khi đo")
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
	if err != nil {
		return err
	}
	if *rebuild {
		t0 := time.Now()
		if err := st.RebuildDossierCounts(ctx); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "dựng lại số liệu theo ngày: %.1f s\n", time.Since(t0).Seconds())
	}
	dayRows, halfRows, yearRows, err := st.DossierCountRows(ctx, *unit, *subtree)
	if err != nil {
		return err
	}
	a := app.New(app.Config{DataDir: db.data}, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	admin := org.User{Username: "admin", Roles: []org.Role{org.Admin}}
	fc, err := st.Fields(ctx)
	if err != nil {
		return err
	}
	fields := make([]catalog.Field, len(fc))
	for i, f := range fc {
		fields[i] = f.Field
	}
	var fromCounts, reference report.II06a
	dossiers := 0
	ways := []struct {
		name string
		fn   func() error
	}{
		{"II.06a từ số liệu theo ngày", func() error {
			r, err := a.ReportII06a(ctx, admin, *unit, p.From.String(), p.To.String(), *subtree)
			fromCounts = r.II06a
			return err
		}},
		{"II.06a phân loại từng hồ sơ", func() error {
			ds, err := st.ReportDossiers(ctx, *unit, *subtree, p)
			dossiers = len(ds)
			reference = report.BuildII06a(p, fields, ds)
			return err
		}},
		{"đọc một dòng (mốc so sánh)", func() error {
			_, err := st.Unit(ctx, *unit)
			return err
		}},
	}
	fmt.Fprintf(stdout, "motcua bench report: %s, đơn vị %s (trực thuộc: %v), %s, n=%d\n", benchDurability(st), *unit, *subtree, p.Name, *n)
	fmt.Fprintf(stdout, "%-30s %10s %10s %10s %10s\n", "cách", "lần đầu", "p50", "min", "max")
	for _, w := range ways {
		var lat []time.Duration
		var first time.Duration
		for i := 0; i <= *n; i++ {
			t0 := time.Now()
			if err := w.fn(); err != nil {
				return fmt.Errorf("%s: %w", w.name, err)
			}
			if i == 0 {
				first = time.Since(t0)
				continue
			}
			lat = append(lat, time.Since(t0))
		}
		slices.Sort(lat)
		ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
		fmt.Fprintf(stdout, "%-30s %8.1fms %8.1fms %8.1fms %8.1fms\n", w.name, ms(first), ms(lat[len(lat)/2]), ms(lat[0]), ms(lat[len(lat)-1]))
	}
	fmt.Fprintf(stdout, "hồ sơ đọc khi phân loại: %d; dòng số liệu của phạm vi: %d theo ngày, %d theo nửa tháng, %d theo năm; hồ sơ tính trong kỳ: %d\n",
		dossiers, dayRows, halfRows, yearRows, fromCounts.Total.Received.Total)
	// The periods differ by name only (a named year, the same dates typed in).
	if fmt.Sprint(fromCounts.Rows, fromCounts.Total) != fmt.Sprint(reference.Rows, reference.Total) {
		return fmt.Errorf("hai cách cho kết quả khác nhau: %+v và %+v", fromCounts.Total, reference.Total)
	}
	fmt.Fprintln(stdout, "hai cách cho cùng một báo cáo")
	return nil
}
