package esign_test

import (
	"testing"

	"motcua/internal/esign"
)

// BenchmarkSignResult measures one demo result: the document, its signature block and
// the signature (ECDSA P-256), against making the document alone.
func BenchmarkSignResult(b *testing.B) {
	s := testSigner(b)
	b.Run("document_only", func(b *testing.B) {
		for b.Loop() {
			resultPDF(b)
		}
	})
	b.Run("document_block_sign", func(b *testing.B) {
		for b.Loop() {
			if _, err := esign.Sign(resultPDF(b), s, esign.Options{Time: now, Block: block(b)}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
