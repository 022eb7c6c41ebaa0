package catalog

import (
	"bytes"
	"io/fs"
	"testing"
)

// TestDemoFilesCanonical checks that every embedded data file is exactly what
// Encode writes, so an export of the demo diffs cleanly against the sources.
func TestDemoFilesCanonical(t *testing.T) {
	names, err := fs.Glob(demoFiles, "data/*.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			raw, err := fs.ReadFile(demoFiles, name)
			if err != nil {
				t.Fatal(err)
			}
			c, probs, err := Decode(bytes.NewReader(raw))
			if err != nil {
				t.Fatalf("Decode: %v (%+v)", err, probs)
			}
			var out bytes.Buffer
			if err := Encode(&out, c); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out.Bytes(), raw) {
				i := 0
				for i < len(raw) && i < out.Len() && raw[i] == out.Bytes()[i] {
					i++
				}
				t.Errorf("got a re-encoded file differing at byte %d, want identical bytes (…%q… vs …%q…)", i, out.Bytes()[max(0, i-40):min(out.Len(), i+40)], raw[max(0, i-40):min(len(raw), i+40)])
			}
		})
	}
}
