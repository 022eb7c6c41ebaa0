package app_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"motcua/internal/app"
	"motcua/internal/calendar"
	"motcua/internal/demo"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// TestUnitBookVolumes asks for the dossier book of three busy days: the answer is split
// into volumes of at most BookVolumeRows rows that together hold every dossier, a volume
// past the last and a period over a year are refused in Vietnamese, and a cancelled
// request stops.
func TestUnitBookVolumes(t *testing.T) {
	storetest.SkipVolume(t)
	t.Parallel()
	now := time.Date(2026, 3, 4, 9, 0, 0, 0, calendar.Zone())
	st := storetest.Open(t, store.SQLite, func() time.Time { return now })
	ctx := context.Background()
	if err := demo.LoadBase(ctx, st, "mật-khẩu-dài"); err != nil {
		t.Fatal(err)
	}
	const n = 2*app.BookVolumeRows + 600
	if _, err := demo.Generate(ctx, st, demo.GenerateOptions{Dossiers: n, Days: 3, Now: now}); err != nil {
		t.Fatal(err)
	}
	a := app.New(app.Config{DataDir: t.TempDir()}, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	officer := org.User{Username: "tanhoa.motcua", UnitCode: demo.TanHoa, Roles: []org.Role{org.OneStop}}
	today := calendar.DateOf(now)
	from, to := today.AddDays(-3), today.AddDays(-1)
	count, err := st.DossierBookCount(ctx, demo.TanHoa, from.Start(), to.AddDays(1).Start())
	if err != nil || count <= 2*app.BookVolumeRows {
		t.Fatalf("got %d dossiers received in the period (%v), want more than two volumes", count, err)
	}
	rows, volumes := 0, 1
	for v := 1; v <= volumes; v++ {
		b, err := a.UnitBookVolume(ctx, officer, demo.TanHoa, from, to, v, app.Origin{})
		if err != nil {
			t.Fatal(err)
		}
		volumes = b.Volumes
		if b.Volume != v || b.Volumes != 3 || b.Rows > app.BookVolumeRows || b.PDF.Len() == 0 {
			t.Fatalf("volume %d: got volume %d of %d with %d rows", v, b.Volume, b.Volumes, b.Rows)
		}
		rows += b.Rows
	}
	if rows != count {
		t.Fatalf("the volumes hold %d rows, want the %d dossiers received in the period", rows, count)
	}
	if _, err := a.UnitBookVolume(ctx, officer, demo.TanHoa, from, to, volumes+1, app.Origin{}); !fault.Is(err, fault.NotFound) {
		t.Fatalf("volume 4 of 3: got %v, want not found", err)
	}
	if _, err := a.UnitBookVolume(ctx, officer, demo.TanHoa, today.AddDays(-800), to, 1, app.Origin{}); !fault.Is(err, fault.Invalid) {
		t.Fatalf("two years at once: got %v, want invalid", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := a.UnitBookVolume(cancelled, officer, demo.TanHoa, from, to, 1, app.Origin{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled request: got %v, want it to stop with context.Canceled", err)
	}
	// The slots of heavy exports were all given back.
	for range 3 {
		if _, err := a.UnitBookVolume(ctx, officer, demo.TanHoa, to, to, 1, app.Origin{}); err != nil {
			t.Fatal(err)
		}
	}
}
