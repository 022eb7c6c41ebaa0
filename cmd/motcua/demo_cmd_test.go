package main

import (
	"errors"
	"strings"
	"testing"

	"motcua/internal/demo"
)

// TestDemoGenerateWithoutDemo: on a fresh data directory, demo generate tells the user to
// start motcua serve once, whether the dossiers go to one unit or to U communes.
func TestDemoGenerateWithoutDemo(t *testing.T) {
	env := map[string]string{"MOTCUA_DATA": t.TempDir()}
	for _, args := range [][]string{{"--dossiers", "10"}, {"--dossiers", "10", "--units", "3"}} {
		_, err := runCLI(t, env, "", append([]string{"demo", "generate"}, args...)...)
		if !errors.Is(err, demo.ErrNoDemo) || !strings.Contains(err.Error(), "motcua serve") {
			t.Fatalf("%v: got %v, want the message that asks to start motcua serve once", args, err)
		}
	}
}
