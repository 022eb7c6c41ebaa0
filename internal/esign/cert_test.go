package esign_test

import (
	"crypto"
	"path/filepath"
	"testing"
	"time"

	"software.sslmate.com/src/go-pkcs12"

	"motcua/internal/esign"
	"motcua/internal/fault"
)

func TestParsePKCS12(t *testing.T) {
	t.Parallel()
	ca, err := esign.NewTestCA("CA thử nghiệm", now.AddDate(-5, 0, 0), 10)
	if err != nil {
		t.Fatal(err)
	}
	issue := func(from, to time.Time) esign.Signer {
		s, err := ca.Issue("UBND xã A", from, to)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	good := issue(now.AddDate(0, -1, 0), now.AddDate(1, 0, 0))
	p12 := func(s esign.Signer) []byte {
		b, err := s.PKCS12("mật-khẩu")
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	noKey, err := pkcs12.Modern.EncodeTrustStore(good.Chain, "mật-khẩu")
	if err != nil {
		t.Fatal(err)
	}
	s, err := esign.ParsePKCS12(p12(good), "mật-khẩu", now)
	if err != nil {
		t.Fatal(err)
	}
	if s.Chain[0].Subject.CommonName != "UBND xã A" || len(s.Chain) != 2 {
		t.Fatalf("got %v, want the unit's certificate and its CA", s.Chain)
	}
	for _, c := range []struct {
		name, password, field, msg string
		data                       []byte
	}{
		{"wrong password", "sai", "password", "Mật khẩu của tệp chứng thư số không đúng.", p12(good)},
		{"expired", "mật-khẩu", "file", "Chứng thư số đã hết hạn ngày 04/11/2026.", p12(issue(now.AddDate(-2, 0, 0), now.AddDate(0, -1, 0)))},
		{"not yet valid", "mật-khẩu", "file", "Chứng thư số chưa đến thời hạn hiệu lực (có hiệu lực từ 04/01/2027).", p12(issue(now.AddDate(0, 1, 0), now.AddDate(2, 0, 0)))},
		{"no private key", "mật-khẩu", "file", "Tệp chứng thư số không chứa khóa bí mật; cần tệp PKCS#12 có cả khóa bí mật của đơn vị.", noKey},
		{"not PKCS#12", "mật-khẩu", "file", "Không đọc được tệp chứng thư số: cần tệp PKCS#12 (.p12, .pfx) hợp lệ.", []byte("-----BEGIN CERTIFICATE-----")},
		{"empty", "mật-khẩu", "file", "Chưa chọn tệp chứng thư số (.p12, .pfx).", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := esign.ParsePKCS12(c.data, c.password, now)
			f := fault.As(err)
			if f == nil || f.Code != fault.Invalid || f.Fields[c.field] != c.msg {
				t.Fatalf("got %v, want %s: %q", err, c.field, c.msg)
			}
		})
	}
}

func TestSealer(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "signing", "master.key")
	s1, err := esign.OpenSealer(path)
	if err != nil {
		t.Fatal(err)
	}
	key := testSigner(t).Key
	sealed, err := s1.Seal(key, "UNIT-A")
	if err != nil {
		t.Fatal(err)
	}
	s2, err := esign.OpenSealer(path) // the same master key read back
	if err != nil {
		t.Fatal(err)
	}
	back, err := s2.Open(sealed, "UNIT-A")
	if err != nil {
		t.Fatal(err)
	}
	type equaler interface{ Equal(crypto.PublicKey) bool }
	if !back.Public().(equaler).Equal(key.Public()) {
		t.Fatal("got another key back")
	}
	if _, err := s2.Open(sealed, "UNIT-B"); err == nil {
		t.Fatal("a key sealed for one unit opened for another")
	}
}
