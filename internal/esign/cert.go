package esign

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"time"

	"software.sslmate.com/src/go-pkcs12"

	"motcua/internal/fault"
)

// MaxPKCS12Size is the largest PKCS#12 file accepted.
const MaxPKCS12Size = 256 << 10

// ParsePKCS12 reads a unit's certificate and private key from a PKCS#12 file (.p12,
// .pfx) protected by password, and checks that the key matches the certificate, that
// the certificate may sign documents and that it is valid at now. Every refusal is a
// fault.Invalid with a Vietnamese message and the field ("file" or "password").
func ParsePKCS12(data []byte, password string, now time.Time) (Signer, error) {
	invalid := func(field, msg string) error {
		return fault.WithFields(msg, map[string]string{field: msg})
	}
	if len(data) == 0 {
		return Signer{}, invalid("file", "Chưa chọn tệp chứng thư số (.p12, .pfx).")
	}
	if len(data) > MaxPKCS12Size {
		return Signer{}, invalid("file", "Tệp chứng thư số quá lớn.")
	}
	key, cert, cas, err := pkcs12.DecodeChain(data, password)
	if errors.Is(err, pkcs12.ErrIncorrectPassword) {
		return Signer{}, invalid("password", "Mật khẩu của tệp chứng thư số không đúng.")
	}
	if err != nil {
		if _, terr := pkcs12.DecodeTrustStore(data, password); terr == nil {
			return Signer{}, invalid("file", "Tệp chứng thư số không chứa khóa bí mật; cần tệp PKCS#12 có cả khóa bí mật của đơn vị.")
		}
		return Signer{}, invalid("file", "Không đọc được tệp chứng thư số: cần tệp PKCS#12 (.p12, .pfx) hợp lệ.")
	}
	signer, ok := key.(crypto.Signer)
	if !ok || key == nil {
		return Signer{}, invalid("file", "Tệp chứng thư số không chứa khóa bí mật; cần tệp PKCS#12 có cả khóa bí mật của đơn vị.")
	}
	s := Signer{Key: signer, Chain: append([]*x509.Certificate{cert}, cas...)}
	if err := s.Check(now); err != nil {
		return Signer{}, err
	}
	return s, nil
}

// Check refuses a signer whose key does not match its certificate, whose certificate
// may not sign documents, or that is not valid at now (fault.Invalid, field "file").
func (s Signer) Check(now time.Time) error {
	invalid := func(msg string) error { return fault.WithFields(msg, map[string]string{"file": msg}) }
	if len(s.Chain) == 0 || s.Key == nil {
		return invalid("Thiếu chứng thư số hoặc khóa bí mật.")
	}
	cert := s.Chain[0]
	type equaler interface{ Equal(crypto.PublicKey) bool }
	if pk, ok := s.Key.Public().(equaler); !ok || !pk.Equal(cert.PublicKey) {
		return invalid("Khóa bí mật không khớp với chứng thư số.")
	}
	switch s.Key.Public().(type) {
	case *ecdsa.PublicKey, *rsa.PublicKey:
	default:
		return invalid("Loại khóa của chứng thư số chưa được hỗ trợ (cần RSA hoặc ECDSA).")
	}
	if cert.KeyUsage != 0 && cert.KeyUsage&(x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment) == 0 {
		return invalid("Chứng thư số không được phép dùng để ký văn bản.")
	}
	if now.Before(cert.NotBefore) {
		return invalid(fmt.Sprintf("Chứng thư số chưa đến thời hạn hiệu lực (có hiệu lực từ %s).", cert.NotBefore.In(zone).Format("02/01/2006")))
	}
	if now.After(cert.NotAfter) {
		return invalid(fmt.Sprintf("Chứng thư số đã hết hạn ngày %s.", cert.NotAfter.In(zone).Format("02/01/2006")))
	}
	return nil
}

// zone is Vietnam's time zone (UTC+7, no daylight saving) for the dates in messages.
var zone = time.FixedZone("ICT", 7*3600)

// NewTestCA makes a self-signed test certification authority (ECDSA P-256) named name,
// valid from notBefore for years — for the demo and for tests only.
func NewTestCA(name string, notBefore time.Time, years int) (Signer, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return Signer{}, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial(), Subject: pkix.Name{CommonName: name, Organization: []string{"motcua (thử nghiệm)"}, Country: []string{"VN"}},
		NotBefore: notBefore, NotAfter: notBefore.AddDate(years, 0, 0),
		KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign, BasicConstraintsValid: true, IsCA: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		return Signer{}, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return Signer{}, err
	}
	return Signer{Key: key, Chain: []*x509.Certificate{cert}}, nil
}

// Issue makes a signing certificate (ECDSA P-256) for a unit named name, issued by the
// CA and valid from notBefore to notAfter.
func (ca Signer) Issue(name string, notBefore, notAfter time.Time) (Signer, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return Signer{}, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial(), Subject: pkix.Name{CommonName: name, Country: []string{"VN"}},
		NotBefore: notBefore, NotAfter: notAfter,
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.Chain[0], key.Public(), ca.Key)
	if err != nil {
		return Signer{}, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return Signer{}, err
	}
	return Signer{Key: key, Chain: append([]*x509.Certificate{cert}, ca.Chain...)}, nil
}

func serial() *big.Int {
	n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 120))
	if err != nil {
		panic(err) // crypto/rand does not fail
	}
	return n
}

// PKCS12 encodes the signer as a PKCS#12 file protected by password (AES-256, the
// modern profile).
func (s Signer) PKCS12(password string) ([]byte, error) {
	return pkcs12.Modern.Encode(s.Key, s.Chain[0], s.Chain[1:], password)
}

// ChainPEM is the certificate chain in PEM.
func (s Signer) ChainPEM() []byte {
	var out []byte
	for _, c := range s.Chain {
		out = append(out, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})...)
	}
	return out
}

// ParseChainPEM reads a certificate chain written by ChainPEM.
func ParseChainPEM(b []byte) ([]*x509.Certificate, error) {
	var out []*x509.Certificate
	for {
		var blk *pem.Block
		blk, b = pem.Decode(b)
		if blk == nil {
			break
		}
		c, err := x509.ParseCertificate(blk.Bytes)
		if err != nil {
			return nil, fmt.Errorf("esign: chain: %w", err)
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("esign: empty chain")
	}
	return out, nil
}
