package demo

import (
	"context"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/app"
	"motcua/internal/calendar"
	"motcua/internal/org"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// TestDigitisation: after two months of history, the demo's electronic side gives
// QĐ 766 indicators 4.1–4.3 data, its signed results verify, and a second run adds
// nothing.
func TestDigitisation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 10, 30, 0, 0, calendar.Zone())
	st := storetest.Open(t, store.SQLite, func() time.Time { return now })
	if err := LoadBase(ctx, st, "mật-khẩu-dài"); err != nil {
		t.Fatal(err)
	}
	plan := testHistory()
	plan.Days = 60
	if _, _, err := loadHistoryPlan(ctx, st, now, plan); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	a := app.New(app.Config{DataDir: dir}, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	got, err := LoadDigitisation(ctx, st, a, dir, now)
	if err != nil {
		t.Fatal(err)
	}
	if got.Certificates != len(Units()) || got.Signed == 0 || got.Scans == 0 || got.Reused == 0 {
		t.Fatalf("got %+v, want certificates for every unit and some of each", got)
	}
	again, err := LoadDigitisation(ctx, st, a, dir, now)
	if err != nil || again.Certificates+again.Signed+again.Scans+again.Reused != 0 {
		t.Errorf("second run: got %+v, %v, want nothing added", again, err)
	}

	leader, err := st.User(ctx, "tanhoa.lanhdao")
	if err != nil {
		t.Fatal(err)
	}
	today := calendar.DateOf(now)
	x, err := a.Index766(ctx, leader, TanHoa, today.AddDays(-30).String(), today.String())
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range x.Groups {
		for _, in := range g.Indicators {
			if !strings.HasPrefix(in.Code, "4.") || in.Code > "4.3" {
				continue
			}
			if !in.HasData || in.Numerator == 0 || in.Numerator > in.Denominator {
				t.Errorf("%s: got %v %d/%d, want some of the dossiers", in.Code, in.HasData, in.Numerator, in.Denominator)
			}
		}
	}

	// A signed result of the demo downloads and verifies.
	recent, err := st.RecentDossiers(ctx, now, recentPerStatus)
	if err != nil {
		t.Fatal(err)
	}
	officer := org.User{Username: "admin", Roles: []org.Role{org.Admin}}
	verified := false
	for _, r := range recent {
		f, err := a.ResultPDF(ctx, app.Viewer{Officer: &officer}, r.Code)
		if err != nil {
			continue
		}
		body, _ := io.ReadAll(f.Content)
		f.Content.Close()
		bin, err := exec.LookPath("pdfsig")
		if err != nil {
			t.Skip("pdfsig not installed")
		}
		path := filepath.Join(t.TempDir(), "r.pdf")
		os.WriteFile(path, body, 0o600)
		out, _ := exec.Command(bin, path).CombinedOutput()
		if !strings.Contains(string(out), "Signature Validation: Signature is Valid.") {
			t.Fatalf("demo result of %s:\n%s", r.Code, out)
		}
		verified = true
		break
	}
	if !verified {
		t.Error("no demo dossier has a signed result")
	}
}
