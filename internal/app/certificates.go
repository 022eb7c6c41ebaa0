package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"motcua/internal/esign"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/store"
)

// sealer opens the master key that seals the units' private keys: DataDir/signing/
// master.key, created with mode 0600 on first use. Replicas share it with the data
// directory, as they share the attachments.
func (a *App) sealer() (*esign.Sealer, error) {
	return esign.OpenSealer(filepath.Join(a.cfg.DataDir, "signing", "master.key"))
}

// ImportUnitCertificate records a unit's signing certificate (nhập chứng thư số của đơn
// vị) from a PKCS#12 file: administrators only. A wrong password, a file without its
// private key, a certificate that is expired, not yet valid or not for signing are
// fault.Invalid with the field ("file", "password"); nothing is recorded then.
func (a *App) ImportUnitCertificate(ctx context.Context, u org.User, unit string, p12 []byte, password string, o Origin) (store.UnitCertificate, error) {
	if err := requireRole(u, org.Admin); err != nil {
		return store.UnitCertificate{}, err
	}
	unit = strings.TrimSpace(unit)
	if unit == "" {
		return store.UnitCertificate{}, fault.WithFields("Chưa chọn đơn vị.", map[string]string{"unit": "Chọn đơn vị dùng chứng thư số."})
	}
	un, err := a.store.Unit(ctx, unit)
	if err != nil {
		return store.UnitCertificate{}, err
	}
	s, err := esign.ParsePKCS12(p12, password, a.now())
	if err != nil {
		a.log.InfoContext(ctx, "certificate import refused", "unit", un.Code, "request_id", o.RequestID)
		return store.UnitCertificate{}, err
	}
	c, err := a.saveSigner(ctx, un.Code, s, officerAudit(u, o, "unit.certificate.import", un.Code, ""), u.Username)
	return c, err
}

// saveSigner seals the signer's key and records it as the unit's certificate.
func (a *App) saveSigner(ctx context.Context, unit string, s esign.Signer, audit store.AuditEntry, by string) (store.UnitCertificate, error) {
	sl, err := a.sealer()
	if err != nil {
		return store.UnitCertificate{}, err
	}
	sealed, err := sl.Seal(s.Key, unit)
	if err != nil {
		return store.UnitCertificate{}, err
	}
	cert := s.Chain[0]
	c := store.UnitCertificate{UnitCode: unit, Subject: cert.Subject.String(), Issuer: cert.Issuer.String(),
		Serial: fmt.Sprintf("%X", cert.SerialNumber), NotBefore: cert.NotBefore, NotAfter: cert.NotAfter,
		ChainPEM: string(s.ChainPEM()), KeySealed: sealed, ImportedBy: by}
	audit.Detail = c.Serial
	return c, a.store.SaveUnitCertificate(ctx, c, audit)
}

// UnitCertificates lists the units' certificates (without keys): administrators only.
func (a *App) UnitCertificates(ctx context.Context, u org.User) ([]store.UnitCertificate, error) {
	if err := requireRole(u, org.Admin); err != nil {
		return nil, err
	}
	return a.store.UnitCertificates(ctx)
}

// unitSigner opens the unit's certificate and key for signing now: fault.Conflict when
// the unit has none or it is no longer (or not yet) valid.
func (a *App) unitSigner(ctx context.Context, unit string) (esign.Signer, error) {
	c, err := a.store.UnitCertificate(ctx, unit)
	if fault.Is(err, fault.NotFound) {
		return esign.Signer{}, fault.New(fault.Conflict, "Đơn vị chưa có chứng thư số để ký kết quả điện tử. "+
			"Quản trị viên cần nhập chứng thư số (tệp PKCS#12) của đơn vị trước khi phê duyệt.")
	}
	if err != nil {
		return esign.Signer{}, err
	}
	chain, err := esign.ParseChainPEM([]byte(c.ChainPEM))
	if err != nil {
		return esign.Signer{}, err
	}
	sl, err := a.sealer()
	if err != nil {
		return esign.Signer{}, err
	}
	key, err := sl.Open(c.KeySealed, unit)
	if err != nil {
		return esign.Signer{}, err
	}
	s := esign.Signer{Key: key, Chain: chain}
	if err := s.Check(a.now()); err != nil {
		return esign.Signer{}, fault.New(fault.Conflict, "Không ký được kết quả điện tử. "+fault.As(err).Message+
			" Quản trị viên cần nhập chứng thư số mới của đơn vị.")
	}
	return s, nil
}

// EnsureDemoCertificates gives every unit without a certificate a test certificate
// issued by a self-signed test CA made for the purpose (the demo; never for real use).
// It reports how many it issued.
func (a *App) EnsureDemoCertificates(ctx context.Context) (int, error) {
	units, err := a.store.Units(ctx)
	if err != nil {
		return 0, err
	}
	have, err := a.store.UnitCertificates(ctx)
	if err != nil {
		return 0, err
	}
	got := map[string]bool{}
	for _, c := range have {
		got[c.UnitCode] = true
	}
	now := a.now()
	var ca esign.Signer
	n := 0
	for _, un := range units {
		if got[un.Code] {
			continue
		}
		if ca.Key == nil {
			if ca, err = esign.NewTestCA("motcua CA thử nghiệm", now.AddDate(-3, 0, 0), 20); err != nil {
				return n, err
			}
		}
		s, err := ca.Issue(un.Name, now.AddDate(-3, 0, 0), now.AddDate(5, 0, 0))
		if err != nil {
			return n, err
		}
		if _, err := a.saveSigner(ctx, un.Code, s, store.AuditEntry{}, "demo"); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// CertificateValid reports whether a stored certificate is valid at t.
func CertificateValid(c store.UnitCertificate, t time.Time) bool {
	return !t.Before(c.NotBefore) && !t.After(c.NotAfter)
}
