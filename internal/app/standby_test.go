package app_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"io"
	"log/slog"
	"net/url"
	"testing"

	"motcua/internal/app"
	"motcua/internal/demo"
	"motcua/internal/dossier"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// TestReadsFromStandby runs the read-only use cases with a read URL (store.Config.ReadURL):
// one that answers, played by the same PostgreSQL server opened read-only under its own
// application name, and one where nothing listens. Either way intake writes to the
// primary and the lookup and rankings answer; only the first reads from its pool.
func TestReadsFromStandby(t *testing.T) {
	if storetest.PostgresURL() == "" {
		t.Skip("MOTCUA_TEST_POSTGRES is not set")
	}
	ctx := context.Background()
	primary := storetest.URL(t, store.Postgres)
	base, err := store.Open(ctx, store.Config{URL: primary})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := base.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if err := demo.LoadBase(ctx, base, "mật-khẩu-thử"); err != nil {
		t.Fatal(err)
	}
	base.Close()

	b := make([]byte, 4)
	rand.Read(b)
	appName := "motcua-read-test-" + hex.EncodeToString(b)
	u, err := url.Parse(primary)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("application_name", appName)
	q.Set("default_transaction_read_only", "on") // as a standby: any write fails
	u.RawQuery = q.Encode()

	for _, tc := range []struct {
		name, readURL string
		fromStandby   bool
	}{
		{"standby answers", u.String(), true},
		{"standby down", "postgres://postgres@127.0.0.1:1/motcua?sslmode=disable&connect_timeout=2", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := store.Open(ctx, store.Config{URL: primary, ReadURL: tc.readURL})
			if err != nil {
				t.Fatalf("open with a read URL: %v", err)
			}
			defer st.Close()
			if st.Standby() == nil {
				t.Fatal("got no standby view, want one")
			}
			a := app.New(app.Config{DataDir: t.TempDir()}, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
			officer, err := st.User(ctx, "tanhoa.motcua")
			if err != nil {
				t.Fatal(err)
			}
			d, err := a.Receive(ctx, officer, app.ReceiveInput{ProcedureCode: ratingProcedure, UnitCode: demo.TanHoa,
				Applicant: dossier.Applicant{FullName: "Phạm Thị Hồng Nhung", IDNumber: "079198765432"}}, app.Origin{})
			if err != nil {
				t.Fatalf("receive (a write, never on the standby): %v", err)
			}
			p, err := a.PublicLookup(ctx, d.Record.Code, d.Record.LookupKey)
			if err != nil {
				t.Fatalf("lookup: %v", err)
			}
			if p.Code != d.Record.Code {
				t.Errorf("lookup: got %s, want %s", p.Code, d.Record.Code)
			}
			if _, err := a.PublicLookup(ctx, d.Record.Code, "SAIKHOA1"); err == nil {
				t.Error("lookup with a wrong key: got no error, want not found")
			}
			if _, err := a.Rankings(ctx, demo.Province, "2026-01-01", "2026-12-31"); err != nil {
				t.Fatalf("rankings: %v", err)
			}
			admin, err := sql.Open("pgx", storetest.PostgresURL())
			if err != nil {
				t.Fatal(err)
			}
			defer admin.Close()
			var n int
			if err := admin.QueryRowContext(ctx, "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = $1", appName).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if got := n > 0; got != tc.fromStandby {
				t.Errorf("connections of the standby's pool: got %d, want some: %v", n, tc.fromStandby)
			}
			if !tc.fromStandby && st.Standby() != nil {
				t.Error("a standby that failed: got its view, want none while it is paused")
			}
		})
	}
}

// TestReadURLNeedsPostgres refuses a read URL beside an SQLite database.
func TestReadURLNeedsPostgres(t *testing.T) {
	_, err := store.Open(context.Background(), store.Config{URL: storetest.URL(t, store.SQLite),
		ReadURL: "postgres://postgres@127.0.0.1:1/motcua"})
	if err == nil {
		t.Fatal("got no error, want a refusal")
	}
}
