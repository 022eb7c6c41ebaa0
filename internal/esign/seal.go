package esign

import (
	"crypto"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Sealer encrypts private keys for storage (AES-256-GCM) under a master key kept in a
// file readable only by the server's account.
type Sealer struct{ aead cipher.AEAD }

// OpenSealer reads the 32-byte master key at path, creating it (mode 0600, its directory
// 0700) when it does not exist.
func OpenSealer(path string) (*Sealer, error) {
	key, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		key = make([]byte, 32)
		if _, err := rand.Read(key); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("esign: master key: %w", err)
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) {
			return OpenSealer(path) // made meanwhile by another start
		}
		if err != nil {
			return nil, fmt.Errorf("esign: master key: %w", err)
		}
		if _, err := f.Write(key); err != nil {
			f.Close()
			return nil, fmt.Errorf("esign: master key: %w", err)
		}
		if err := f.Sync(); err != nil {
			f.Close()
			return nil, fmt.Errorf("esign: master key: %w", err)
		}
		if err := f.Close(); err != nil {
			return nil, fmt.Errorf("esign: master key: %w", err)
		}
	} else if err != nil {
		return nil, fmt.Errorf("esign: master key: %w", err)
	}
	if len(key) != 32 {
		return nil, fmt.Errorf("esign: master key %s: want 32 bytes", path)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &Sealer{aead: aead}, nil
}

// Seal encrypts the private key (PKCS#8) with label (the unit code) as associated data,
// so that a sealed key copied to another unit's row does not open.
func (s *Sealer) Seal(key crypto.Signer, label string) (string, error) {
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return "", fmt.Errorf("esign: seal: %w", err)
	}
	nonce := make([]byte, s.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(s.aead.Seal(nonce, nonce, der, []byte(label))), nil
}

// Open decrypts a key sealed with the same label.
func (s *Sealer) Open(sealed, label string) (crypto.Signer, error) {
	b, err := base64.StdEncoding.DecodeString(sealed)
	if err != nil || len(b) < s.aead.NonceSize() {
		return nil, fmt.Errorf("esign: sealed key unreadable")
	}
	der, err := s.aead.Open(nil, b[:s.aead.NonceSize()], b[s.aead.NonceSize():], []byte(label))
	if err != nil {
		return nil, fmt.Errorf("esign: sealed key does not open: %w", err)
	}
	k, err := x509.ParsePKCS8PrivateKey(der)
	if err != nil {
		return nil, fmt.Errorf("esign: sealed key: %w", err)
	}
	signer, ok := k.(crypto.Signer)
	if !ok {
		return nil, fmt.Errorf("esign: sealed key is not a signer")
	}
	return signer, nil
}
