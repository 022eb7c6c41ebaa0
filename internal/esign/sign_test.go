package esign_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/internal/esign"
	"motcua/internal/fault"
	"motcua/internal/pdf"
)

var now = time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)

func testSigner(t testing.TB) esign.Signer {
	t.Helper()
	ca, err := esign.NewTestCA("CA thử nghiệm", now.AddDate(-1, 0, 0), 10)
	if err != nil {
		t.Fatal(err)
	}
	s, err := ca.Issue("UBND thị trấn Tân Hòa", now.AddDate(0, -1, 0), now.AddDate(2, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func resultPDF(t testing.TB) []byte {
	t.Helper()
	var b bytes.Buffer
	err := pdf.WriteResult(&b, pdf.Result{Unit: pdf.Unit{Name: "UBND thị trấn Tân Hòa", Place: "Tân Hòa"},
		Dossier: pdf.Dossier{Code: "000.00.01.H01-261204-0001", ProcedureName: "Đăng ký khai sinh", ReceivedAt: now,
			Applicant: pdf.Applicant{Name: "Nguyễn Văn An"}},
		Title: "Giấy khai sinh", Date: now})
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func block(t testing.TB) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := pdf.WriteSignatureBlock(&b, pdf.SignatureBlock{Unit: "UBND thị trấn Tân Hòa", Signer: "Trần Thị Lãnh Đạo", At: now}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// PdfsigVerdict runs poppler's pdfsig on the file and returns its "Signature
// Validation" line; the test is skipped when pdfsig is missing outside CI.
func pdfsigVerdict(t *testing.T, b []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdfsig")
	if err != nil {
		if os.Getenv("MOTCUA_BROWSER") == "required" {
			t.Fatal("pdfsig (poppler-utils) is required")
		}
		t.Skip("pdfsig not installed")
	}
	path := filepath.Join(t.TempDir(), "signed.pdf")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	out, _ := exec.Command(bin, path).CombinedOutput()
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, "Signature Validation:") {
			return strings.TrimSpace(line)
		}
	}
	t.Fatalf("pdfsig found no signature:\n%s", out)
	return ""
}

func TestSignVerifiesWithPdfsig(t *testing.T) {
	t.Parallel()
	in := resultPDF(t)
	signed, err := esign.Sign(in, testSigner(t), esign.Options{Name: "Trần Thị Lãnh Đạo", Reason: "Kết quả giải quyết", Location: "Tân Hòa", Time: now, Block: block(t)})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(signed, in) {
		t.Fatal("the signed file does not keep the original bytes (not an incremental update)")
	}
	if got := pdfsigVerdict(t, signed); got != "- Signature Validation: Signature is Valid." {
		t.Fatalf("got %q, want a valid signature", got)
	}
	// One byte changed inside the original content breaks the signature.
	tampered := bytes.Clone(signed)
	i := bytes.Index(tampered, []byte("/Title"))
	tampered[i+1] = 'X'
	if got := pdfsigVerdict(t, tampered); strings.Contains(got, "is Valid") {
		t.Fatalf("got %q after a changed byte, want invalid", got)
	}
	// So does one changed byte in the appended update itself.
	tampered = bytes.Clone(signed)
	tampered[len(tampered)-10] ^= 1
	if got := pdfsigVerdict(t, tampered); strings.Contains(got, "is Valid") {
		t.Fatalf("got %q after a changed byte at the end, want invalid", got)
	}
}

func TestSignTwiceKeepsBoth(t *testing.T) {
	t.Parallel()
	s := testSigner(t)
	once, err := esign.Sign(resultPDF(t), s, esign.Options{Time: now, Block: block(t)})
	if err != nil {
		t.Fatal(err)
	}
	twice, err := esign.Sign(once, s, esign.Options{Time: now.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if got := pdfsigVerdict(t, twice); !strings.Contains(got, "is Valid") {
		t.Fatalf("got %q, want valid", got)
	}
}

func TestSignRefusesBadInput(t *testing.T) {
	t.Parallel()
	s := testSigner(t)
	encrypted := []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" +
		"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n" +
		"4 0 obj\n<< /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>\nendobj\n" +
		"xref\n0 5\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n0000000115 00000 n \n0000000189 00000 n \n" +
		"trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R >>\n")
	encrypted = append(encrypted, fmt.Sprintf("startxref\n%d\n%%%%EOF\n", bytes.Index(encrypted, []byte("xref")))...)
	for _, c := range []struct {
		name string
		in   []byte
		want error
	}{
		{"not a PDF", []byte("\x89PNG\r\n\x1a\n not a pdf"), esign.ErrNotPDF},
		{"truncated", resultPDF(t)[:400], esign.ErrNotPDF},
		{"encrypted", encrypted, esign.ErrEncrypted},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := esign.Sign(c.in, s, esign.Options{Time: now})
			if err != c.want || !fault.Is(err, fault.Invalid) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
		})
	}
}
