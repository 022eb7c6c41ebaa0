package demo

import (
	"context"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// shortHistory is the demo history cut to its last sixty days.
func shortHistory() historyPlan {
	p := fullHistory()
	p.Days = 60
	return p
}

// TestHistoryResumes interrupts a history load as a kill would leave it (the first unit
// written, half of the second, nothing after) and checks that the next load reports it
// pending, writes exactly the missing dossiers, leaves no gap in any unit's codes, and
// that a further load writes nothing.
func TestHistoryResumes(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 11, 27, 10, 30, 0, 0, calendar.Zone())
		historyBase(t, st)
		if err := st.PutSetting(ctx, historySetting, historyLoading); err != nil { // as Load leaves it
			t.Fatal(err)
		}
		if pending, err := HistoryPending(ctx, st); err != nil || !pending {
			t.Fatalf("after Load: got pending %v (%v), want true", pending, err)
		}

		// The interrupted load: it recorded its instant and wrote a prefix of the dossiers.
		if _, resumed, _, err := historyStart(ctx, st, now); err != nil || resumed {
			t.Fatalf("start: got resumed %v (%v), want a fresh start", resumed, err)
		}
		ready, err := generateHistory(ctx, st, now, shortHistory())
		if err != nil {
			t.Fatal(err)
		}
		var generated [][]store.ImportedDossier
		total := 0
		for _, c := range ready {
			res := <-c
			if res.err != nil {
				t.Fatal(res.err)
			}
			generated = append(generated, res.dossiers)
			total += len(res.dossiers)
		}
		written := len(generated[0]) + len(generated[1])/2
		if err := st.ImportDossiers(ctx, generated[0]); err != nil {
			t.Fatal(err)
		}
		if err := st.ImportDossiers(ctx, generated[1][:len(generated[1])/2]); err != nil {
			t.Fatal(err)
		}
		if pending, err := HistoryPending(ctx, st); err != nil || !pending {
			t.Fatalf("after the interruption: got pending %v (%v), want true", pending, err)
		}

		// The next start, two days later, resumes it.
		n, resumed, err := loadHistoryPlan(ctx, st, now.Add(48*time.Hour), shortHistory())
		if err != nil {
			t.Fatal(err)
		}
		if !resumed || n != total-written {
			t.Errorf("resume: got %d dossiers written (resumed %v), want %d of %d (resumed)", n, resumed, total-written, total)
		}
		for i, u := range shortHistory().Units {
			items := storedDossiers(t, st, u.Unit)
			if len(items) != len(generated[i]) {
				t.Errorf("%s: got %d stored dossiers, want %d", u.Unit, len(items), len(generated[i]))
			}
			seqs := map[calendar.Date][]int{}
			for _, it := range items {
				seqs[codeDay(t, it.Code)] = append(seqs[codeDay(t, it.Code)], seqOf(t, it.Code))
			}
			checkSequences(t, u.Unit, seqs)
		}
		if pending, err := HistoryPending(ctx, st); err != nil || pending {
			t.Errorf("after the resumed load: got pending %v (%v), want false", pending, err)
		}
		if n, _, err := loadHistoryPlan(ctx, st, now.Add(72*time.Hour), shortHistory()); err != nil || n != 0 {
			t.Errorf("load once more: got %d dossiers (%v), want 0", n, err)
		}
	})
}
