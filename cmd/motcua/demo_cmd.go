package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"time"

	"motcua/internal/demo"
)

// demoCommand runs the demo's subcommands: generate (large synthetic histories).
func demoCommand(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "generate" {
		return errors.New("thiếu lệnh con: generate")
	}
	fs := newFlagSet("demo generate", stderr)
	var db dbFlags
	db.register(fs, getenv)
	n := fs.Int("dossiers", 0, "số hồ sơ cần tạo")
	unit := fs.String("unit", "", "mã đơn vị nhận tất cả hồ sơ (mặc định: thị trấn Tân Hòa)")
	units := fs.Int("units", 0, "chia đều cho U xã của tỉnh minh họa (tạo thêm xã mẫu nếu thiếu)")
	days := fs.Int("days", 730, "số ngày gần nhất mà hồ sơ được tiếp nhận")
	seed := fs.Uint64("seed", uint64(time.Now().UnixNano()), "hạt giống ngẫu nhiên")
	profile := fs.String("cpuprofile", "", "ghi hồ sơ CPU (pprof) vào tệp này")
	if err := fs.Parse(args[1:]); err != nil {
		return err
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
	if *n < 1 || *n > 100_000_000 {
		return errors.New("--dossiers phải từ 1 đến 100.000.000")
	}
	if *unit != "" && *units > 0 {
		return errors.New("chỉ dùng một trong hai: --unit hoặc --units")
	}
	if *days < 1 || *days > 3660 {
		return errors.New("--days phải từ 1 đến 3660")
	}
	st, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := demo.RequireDemo(ctx, st); err != nil {
		return err
	}
	var codes []string
	switch {
	case *units > 0:
		if codes, err = demo.ScaleUnits(ctx, st, *units); err != nil {
			return err
		}
	case *unit != "":
		codes = []string{*unit}
	}
	// A batch tool that allocates a great deal (about 20 GB for a million dossiers) and
	// holds little (150–360 MB live): collecting less often saves processor time for some
	// more memory (400 against 200: 50.1–56.5 s against 53.0–58.0 s for a million).
	debug.SetGCPercent(400)
	began := time.Now()
	last, lastDone := began, 0
	stats, err := demo.Generate(ctx, st, demo.GenerateOptions{Dossiers: *n, Units: codes, Days: *days, Seed: *seed,
		Progress: func(done int) {
			if now := time.Now(); now.Sub(last) >= 2*time.Second {
				fmt.Fprintf(stderr, "… %d/%d hồ sơ, %.0f hồ sơ/giây (trung bình %.0f)\n", done, *n,
					float64(done-lastDone)/now.Sub(last).Seconds(), float64(done)/now.Sub(began).Seconds())
				last, lastDone = now, done
			}
		}})
	if err != nil {
		return err
	}
	secs := stats.Elapsed.Seconds()
	fmt.Fprintf(stdout, "Đã tạo %d hồ sơ (%d sự kiện) tại %d đơn vị trong %.1f giây: %.0f hồ sơ/giây.\n",
		stats.Dossiers, stats.Events, max(1, len(codes)), secs, float64(stats.Dossiers)/secs)
	return nil
}
