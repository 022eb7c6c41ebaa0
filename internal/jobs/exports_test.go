package jobs_test

import (
	"context"
	"strings"
	"testing"

	"motcua/internal/jobs"
)

// TestExportWorkerLoop: the worker removes expired files first, runs jobs one after
// another while there are some, and returns when its context ends.
func TestExportWorkerLoop(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	var calls []string
	waiting := 2
	w := &jobs.ExportWorker{
		Name: "w1",
		Expire: func(context.Context) (int, error) {
			calls = append(calls, "expire")
			return 0, nil
		},
		Run: func(_ context.Context, worker string) (bool, error) {
			if worker != "w1" {
				t.Errorf("got worker %q, want w1", worker)
			}
			calls = append(calls, "run")
			if waiting == 0 {
				cancel()
				return false, nil
			}
			waiting--
			return true, nil
		},
	}
	if err := w.RunLoop(ctx); err != nil {
		t.Fatal(err)
	}
	if want := "expire run run run"; strings.Join(calls, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(calls, " "), want)
	}
}
