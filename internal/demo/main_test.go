package demo

import (
	"os"
	"testing"

	"motcua/internal/store/storetest"
)

// TestMain runs the tests with cheap password hashes and removes the template databases
// after them.
func TestMain(m *testing.M) {
	os.Exit(storetest.Main(m))
}
