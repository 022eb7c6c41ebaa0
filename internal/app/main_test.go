package app_test

import (
	"os"
	"testing"

	"motcua/internal/store/storetest"
)

// TestMain removes the template databases after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	storetest.Cleanup()
	os.Exit(code)
}
