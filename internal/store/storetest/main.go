package storetest

import (
	"testing"

	"motcua/internal/password"
)

// TestPasswords are the argon2id costs of the passwords that a test binary stores: the
// same hashing and checking code as in production, at a small fraction of the cost (the
// demo's accounts, and every sign-in of a test, hash a password, several times slower
// under the race detector). Stored hashes carry their costs, so checking is unchanged;
// the password package's own tests keep password.Default.
var TestPasswords = password.Params{Memory: 1024, Time: 1, Threads: 2}

// Main runs a test binary's tests with TestPasswords as the cost of new passwords, then
// removes its templates; a package's TestMain calls os.Exit(storetest.Main(m)).
func Main(m *testing.M) int {
	password.Default = TestPasswords
	code := m.Run()
	Cleanup()
	return code
}

// SkipVolume skips, under go test -short, a test that needs a volume of data: the demo's
// two years of dossiers, or thousands of generated ones. CI runs these tests in full
// without the race detector, and its race-detector phase with -short.
func SkipVolume(tb testing.TB) {
	tb.Helper()
	if testing.Short() {
		tb.Skip("a test over a volume of data: skipped with -short")
	}
}
