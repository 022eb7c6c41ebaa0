package main

import (
	"context"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/demo"
	"motcua/internal/report"
	"motcua/internal/store"
)

// TestBenchRankings runs motcua bench rankings on a small generated history and checks
// that it times the three ways and ranks the demo's communes.
func TestBenchRankings(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := store.Open(ctx, store.Config{DataDir: dir, Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if err := demo.LoadBase(ctx, st, "mật-khẩu"); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Generate(ctx, st, demo.GenerateOptions{Dossiers: 200, Days: 60, Now: time.Now(), Seed: 1}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	year := report.StatutoryMonth(calendar.DateOf(time.Now())).To.Year
	var out strings.Builder
	args := []string{"motcua", "bench", "rankings", "--data", dir, "--n", "1", "--year", strconv.Itoa(year)}
	if err := run(ctx, args, func(string) string { return "" }, strings.NewReader(""), &out, io.Discard); err != nil {
		t.Fatalf("bench rankings: %v\n%s", err, out.String())
	}
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^xếp hạng \(use case\) +[\d.]+ms +[\d.]+ms`),
		regexp.MustCompile(`(?m)^tổng số liệu theo ngày +[\d.]+ms`),
		regexp.MustCompile(`(?m)^mọi số đếm của chỉ số +[\d.]+ms`),
		regexp.MustCompile(`(?m)^đơn vị được xếp hạng: 4$`),
		regexp.MustCompile(`(?m)^  1\. ` + regexp.QuoteMeta(demo.TanHoa) + ` `),
	} {
		if !want.MatchString(out.String()) {
			t.Errorf("got output\n%s\nwant a line matching %s", out.String(), want)
		}
	}
}
