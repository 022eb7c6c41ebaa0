package app_test

import (
	"bytes"
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
	"motcua/internal/demo"
	"motcua/internal/dossier"
	"motcua/internal/esign"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// resultFixture is the demo's units, accounts and catalogue with one counter dossier at
// Tân Hòa brought to its last step.
type resultFixture struct {
	a                               *app.App
	st                              *store.Store
	code                            string
	desk, specialist, leader, admin org.User
}

func newResultFixture(t *testing.T) resultFixture {
	t.Helper()
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, calendar.Zone())
	st := storetest.Open(t, store.SQLite, func() time.Time { return now })
	ctx := context.Background()
	if err := demo.LoadBase(ctx, st, "mật-khẩu-dài"); err != nil {
		t.Fatal(err)
	}
	a := app.New(app.Config{DataDir: t.TempDir()}, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	f := resultFixture{a: a, st: st}
	for _, p := range []struct {
		dst  *org.User
		name string
	}{{&f.desk, "tanhoa.motcua"}, {&f.specialist, "tanhoa.chuyenvien"}, {&f.leader, "tanhoa.lanhdao"}, {&f.admin, "admin"}} {
		u, err := st.User(ctx, p.name)
		if err != nil {
			t.Fatal(err)
		}
		*p.dst = u
	}
	d, err := a.Receive(ctx, f.desk, app.ReceiveInput{ProcedureCode: "1.001193",
		Applicant: dossier.Applicant{FullName: "Nguyễn Văn An", Phone: "0912345678"}}, app.Origin{})
	if err != nil {
		t.Fatal(err)
	}
	f.code = d.Record.Code
	for d.State.Status != dossier.StatusProcessing || d.State.Step < app.SigningStep(d.State) {
		role := d.State.StepRole
		u := map[dossier.Role]org.User{dossier.RoleOneStop: f.desk, dossier.RoleSpecialist: f.specialist, dossier.RoleLeader: f.leader}[role]
		if d, err = a.Act(ctx, u, f.code, app.ActInput{Action: "forward"}, app.Origin{}); err != nil {
			t.Fatalf("forward at %s: %v", role, err)
		}
	}
	return f
}

func (f resultFixture) approve(t *testing.T) (store.StoredDossier, error) {
	t.Helper()
	d, err := f.st.Dossier(context.Background(), f.code)
	if err != nil {
		t.Fatal(err)
	}
	return f.a.Act(context.Background(), f.leader, f.code, app.ActInput{Action: "forward", Version: d.Dossier.Version()}, app.Origin{})
}

func pdfUpload(name string, b []byte) app.Upload {
	return app.Upload{Name: name, Size: int64(len(b)), Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil }}
}

func pdfsigValid(t *testing.T, b []byte) bool {
	t.Helper()
	bin, err := exec.LookPath("pdfsig")
	if err != nil {
		if os.Getenv("MOTCUA_BROWSER") == "required" {
			t.Fatal("pdfsig (poppler-utils) is required")
		}
		t.Skip("pdfsig not installed")
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	out, _ := exec.Command(bin, path).CombinedOutput()
	return strings.Contains(string(out), "Signature Validation: Signature is Valid.")
}

func TestApprovalSignsTheResult(t *testing.T) {
	t.Parallel()
	f := newResultFixture(t)
	ctx := context.Background()

	// Bad results are refused at attachment.
	for _, c := range []struct {
		name string
		body []byte
	}{
		{"image", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")},
		{"damaged PDF", []byte("%PDF-1.7\nnot really a pdf")},
		{"encrypted PDF", []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Size 2 /Root 1 0 R /Encrypt << /Filter /Standard >> >>\nstartxref\n9\n%%EOF\n")},
	} {
		if _, err := f.a.AttachResult(ctx, f.specialist, f.code, pdfUpload("kq.pdf", c.body), app.Origin{}); fault.CodeOf(err) != fault.Invalid {
			t.Errorf("%s: got %v, want invalid", c.name, err)
		}
	}

	// Without a certificate the approval is refused and nothing is signed.
	if _, err := f.a.GenerateResult(ctx, f.specialist, f.code, app.Origin{}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.approve(t); fault.CodeOf(err) != fault.Conflict || !strings.Contains(fault.As(err).Message, "chứng thư số") {
		t.Fatalf("approval without a certificate: got %v, want a conflict naming the certificate", err)
	}
	// An expired certificate cannot be imported, nor can a wrong password.
	ca, err := esign.NewTestCA("CA", f.a.Now().AddDate(-3, 0, 0), 10)
	if err != nil {
		t.Fatal(err)
	}
	expired, _ := ca.Issue("UBND thị trấn Tân Hòa", f.a.Now().AddDate(-2, 0, 0), f.a.Now().AddDate(0, 0, -1))
	p12, _ := expired.PKCS12("pw")
	if _, err := f.a.ImportUnitCertificate(ctx, f.admin, demo.TanHoa, p12, "pw", app.Origin{}); fault.CodeOf(err) != fault.Invalid {
		t.Fatalf("expired certificate: got %v, want invalid", err)
	}
	good, _ := ca.Issue("UBND thị trấn Tân Hòa", f.a.Now().AddDate(0, -1, 0), f.a.Now().AddDate(2, 0, 0))
	p12, _ = good.PKCS12("pw")
	if _, err := f.a.ImportUnitCertificate(ctx, f.admin, demo.TanHoa, p12, "sai", app.Origin{}); fault.CodeOf(err) != fault.Invalid {
		t.Fatalf("wrong password: got %v, want invalid", err)
	}
	if _, err := f.a.ImportUnitCertificate(ctx, f.leader, demo.TanHoa, p12, "pw", app.Origin{}); fault.CodeOf(err) != fault.Forbidden {
		t.Fatalf("a leader importing: got %v, want forbidden", err)
	}
	if _, err := f.a.ResultPDF(ctx, app.Viewer{Officer: &f.leader}, f.code); fault.CodeOf(err) != fault.NotFound {
		t.Fatalf("result before signing: got %v, want not_found", err)
	}
	if d, _ := f.st.Dossier(ctx, f.code); d.State.Status != dossier.StatusProcessing {
		t.Fatalf("a refused approval moved the dossier to %s", d.State.Status)
	}

	if _, err := f.a.ImportUnitCertificate(ctx, f.admin, demo.TanHoa, p12, "pw", app.Origin{}); err != nil {
		t.Fatal(err)
	}
	d, err := f.approve(t)
	if err != nil {
		t.Fatal(err)
	}
	if d.State.Status != dossier.StatusProcessing || d.State.StepRole != dossier.RoleOneStop {
		t.Fatalf("got %s at %s, want processing at the desk's return step", d.State.Status, d.State.StepRole)
	}
	r, err := f.a.ResultPDF(ctx, app.Viewer{Officer: &f.desk}, f.code)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(r.Content)
	r.Content.Close()
	if !pdfsigValid(t, body) {
		t.Fatal("the signed result does not verify")
	}
	body[len(body)/3] ^= 0x20
	if pdfsigValid(t, body) {
		t.Fatal("a changed byte still verifies")
	}
	// The applicant downloads it with the lookup key; a wrong key finds nothing.
	if _, err := f.a.LookupResultPDF(ctx, f.code, d.Record.LookupKey); err != nil {
		t.Fatalf("lookup: %v", err)
	}
	if _, err := f.a.LookupResultPDF(ctx, f.code, "AAAAAAAA"); fault.CodeOf(err) != fault.NotFound {
		t.Fatalf("wrong key: got %v, want not_found", err)
	}
	if d, err = f.a.Act(ctx, f.desk, f.code, app.ActInput{Action: "forward"}, app.Origin{}); err != nil || d.State.Status != dossier.StatusResultReady {
		t.Fatalf("return step: got %s, %v", d.State.Status, err)
	}
	dig, err := f.a.DossierDigitisation(ctx, d)
	if err != nil || len(dig.Result) != 1 {
		t.Fatalf("digitisation: got %+v, %v, want the signed result", dig, err)
	}
}
