package demo

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"motcua/internal/fault"
	"motcua/internal/store"
)

// historySetting is the store setting that records the demo history's progress, so that
// a load interrupted by a stop or a crash is resumed at the next start: "loading" once
// Load has loaded the base, "loading <instant>" once LoadHistory has started with that
// instant as now, "done" when the history is complete. A database loaded before the
// setting existed has none, and nothing is resumed.
const historySetting = "demo.history"

const (
	historyLoading = "loading"
	historyDone    = "done"
)

// HistoryPending reports whether a demo history was planned or started and has not
// finished: LoadHistory then resumes it.
func HistoryPending(ctx context.Context, st *store.Store) (bool, error) {
	v, err := st.Setting(ctx, historySetting, "")
	if err != nil {
		return false, fmt.Errorf("demo: history state: %w", err)
	}
	return strings.HasPrefix(v, historyLoading), nil
}

// historyStart returns the instant the history is generated for: the one recorded by an
// interrupted load (the generation is deterministic for a given instant, so the same
// dossiers come out again), or now, which it records. resumed says which.
func historyStart(ctx context.Context, st *store.Store, now time.Time) (start time.Time, resumed, done bool, err error) {
	v, err := st.Setting(ctx, historySetting, "")
	if err != nil {
		return time.Time{}, false, false, fmt.Errorf("demo: history state: %w", err)
	}
	if v == historyDone {
		return time.Time{}, false, true, nil
	}
	if at, ok := strings.CutPrefix(v, historyLoading+" "); ok {
		t, err := time.Parse(time.RFC3339Nano, at)
		if err != nil {
			return time.Time{}, false, false, fmt.Errorf("demo: history state %q: %w", v, err)
		}
		return t, true, false, nil
	}
	if err := st.PutSetting(ctx, historySetting, historyLoading+" "+now.UTC().Format(time.RFC3339Nano)); err != nil {
		return time.Time{}, false, false, fmt.Errorf("demo: history state: %w", err)
	}
	return now, false, false, nil
}

// storedPrefix returns how many of a unit's history dossiers an interrupted load has
// already written. The load writes them in order, in transactions, so what is stored is
// a prefix of the list: a binary search over the codes finds its length.
func storedPrefix(ctx context.Context, st *store.Store, ds []store.ImportedDossier) (int, error) {
	var firstErr error
	n := sort.Search(len(ds), func(i int) bool {
		if firstErr != nil {
			return true
		}
		_, err := st.Dossier(ctx, ds[i].Record.Code)
		if fault.Is(err, fault.NotFound) {
			return true
		}
		if err != nil {
			firstErr = err
		}
		return false
	})
	if firstErr != nil {
		return 0, fmt.Errorf("demo: history: %w", firstErr)
	}
	return n, nil
}
