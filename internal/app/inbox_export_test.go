package app_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
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

// TestInboxExportBounded exports the inbox read a chunk at a time: the whole list when
// it fits, every dossier once; a list over the cap is refused in Vietnamese before any
// file is made; a cancelled request stops without a list.
func TestInboxExportBounded(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 4, 9, 0, 0, 0, calendar.Zone())
	st := storetest.Open(t, store.SQLite, func() time.Time { return now })
	ctx := context.Background()
	if err := demo.LoadBase(ctx, st, "mật-khẩu-dài"); err != nil {
		t.Fatal(err)
	}
	const n = 1200 // more than two chunks of 500
	if _, err := demo.Generate(ctx, st, demo.GenerateOptions{Dossiers: n, Days: 30, Now: now}); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	officer := org.User{Username: "tanhoa.motcua", UnitCode: demo.TanHoa, Roles: []org.Role{org.OneStop}}
	all := app.InboxFilter{View: string(app.ViewAll)}

	rows, err := app.New(app.Config{}, st, log).InboxExport(ctx, officer, all)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for i, r := range rows {
		if seen[r.Code] {
			t.Fatalf("row %d: %s exported twice", i, r.Code)
		}
		seen[r.Code] = true
		if i > 0 && r.ID >= rows[i-1].ID {
			t.Fatalf("row %d: not newest first", i)
		}
	}
	if len(rows) < n {
		t.Fatalf("got %d rows, want every one of the %d dossiers generated", len(rows), n)
	}

	capped := app.New(app.Config{InboxExportRows: n / 2}, st, log)
	if _, err := capped.InboxExport(ctx, officer, all); !fault.Is(err, fault.Invalid) ||
		!strings.Contains(fault.As(err).Message, "quá lớn để xuất") || !app.NeedsBackground(err) {
		t.Fatalf("over the cap: got %v, want a Vietnamese refusal", err)
	}

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if got, err := capped.InboxExport(cancelled, officer, all); !errors.Is(err, context.Canceled) || got != nil {
		t.Fatalf("cancelled: got %d rows, %v; want context.Canceled and no list", len(got), err)
	}
}
