package esign

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"fmt"
	"slices"
)

// Object identifiers of the CMS signature.
var (
	oidData            = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidSignedData      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}
	oidContentType     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 3}
	oidMessageDigest   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 4}
	oidSigningCertV2   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 47}
	oidSHA256          = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}
	oidSHA256WithRSA   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 11}
	oidECDSAWithSHA256 = asn1.ObjectIdentifier{1, 2, 840, 10045, 4, 3, 2}
)

// tlv encodes one DER element with the tag and the concatenated contents.
func tlv(tag byte, parts ...[]byte) []byte {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := []byte{tag}
	switch {
	case n < 0x80:
		out = append(out, byte(n))
	case n < 0x100:
		out = append(out, 0x81, byte(n))
	case n < 0x10000:
		out = append(out, 0x82, byte(n>>8), byte(n))
	default:
		out = append(out, 0x83, byte(n>>16), byte(n>>8), byte(n))
	}
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func der(v any) []byte {
	b, err := asn1.Marshal(v)
	if err != nil {
		panic(err) // only fixed, well-formed values are marshalled here
	}
	return b
}

func seq(parts ...[]byte) []byte { return tlv(0x30, parts...) }

// setOf encodes a DER SET OF: its elements sorted by their encoding.
func setOf(tag byte, elems ...[]byte) []byte {
	s := slices.Clone(elems)
	slices.SortFunc(s, bytes.Compare)
	return tlv(tag, s...)
}

// signedData returns the DER CMS ContentInfo of a detached signature over a content
// whose SHA-256 is digest: signed attributes content-type, message-digest and
// signing-certificate-v2 (PAdES baseline B-B; the signing time is the /M of the PDF
// signature dictionary, as PAdES requires).
func signedData(s Signer, digest []byte) ([]byte, error) {
	cert := s.Chain[0]
	certHash := sha256.Sum256(cert.Raw)
	attr := func(oid asn1.ObjectIdentifier, val []byte) []byte { return seq(der(oid), tlv(0x31, val)) }
	attrs := [][]byte{
		attr(oidContentType, der(oidData)),
		attr(oidMessageDigest, der(digest)),
		// SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; the hash
		// algorithm is SHA-256, the default, so it is omitted.
		attr(oidSigningCertV2, seq(seq(seq(der(certHash[:]))))),
	}
	toSign := setOf(0x31, attrs...)
	h := sha256.Sum256(toSign)
	var sigAlg []byte
	switch s.Key.Public().(type) {
	case *rsa.PublicKey:
		sigAlg = seq(der(oidSHA256WithRSA), []byte{0x05, 0x00})
	case *ecdsa.PublicKey:
		sigAlg = seq(der(oidECDSAWithSHA256))
	default:
		return nil, fmt.Errorf("esign: unsupported key type %T", s.Key.Public())
	}
	sig, err := s.Key.Sign(rand.Reader, h[:], crypto.SHA256)
	if err != nil {
		return nil, fmt.Errorf("esign: sign: %w", err)
	}
	digestAlg := seq(der(oidSHA256))
	signerInfo := seq(
		der(1),
		seq(cert.RawIssuer, der(cert.SerialNumber)),
		digestAlg,
		setOf(0xA0, attrs...),
		sigAlg,
		der(sig),
	)
	var certs [][]byte
	for _, c := range s.Chain {
		certs = append(certs, c.Raw)
	}
	sd := seq(
		der(1),
		tlv(0x31, digestAlg),
		seq(der(oidData)),
		tlv(0xA0, certs...),
		tlv(0x31, signerInfo),
	)
	return seq(der(oidSignedData), tlv(0xA0, sd)), nil
}

// Signer is a unit's signing identity: its private key and its certificate chain, the
// signing certificate first.
type Signer struct {
	Key   crypto.Signer
	Chain []*x509.Certificate
}
