package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"motcua/internal/store"
)

// TestExportClaimedOnce: two workers claiming export jobs at once take each job exactly
// once (FOR UPDATE SKIP LOCKED on PostgreSQL, the single writer on SQLite); a claim
// whose worker stopped renewing it is taken over after its lease; a cancelled job is
// not the worker's any more.
func TestExportClaimedOnce(t *testing.T) {
	t.Parallel()
	eachWithClock(t, func(t *testing.T, s *store.Store, clock *testClock) {
		ctx := context.Background()
		const jobs = 12
		for i := range jobs {
			if _, err := s.InsertExport(ctx, store.ExportJob{Kind: "book", Requester: fmt.Sprintf("canbo%d", i%3), UnitCode: "T01", Params: "{}"}); err != nil {
				t.Fatal(err)
			}
		}
		var mu sync.Mutex
		claims := map[int64][]string{}
		var wg sync.WaitGroup
		for _, w := range []string{"w1", "w2"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					j, ok, err := s.ClaimExport(ctx, w, clock.Now(), time.Minute)
					if err != nil {
						t.Error(err)
						return
					}
					if !ok {
						return
					}
					mu.Lock()
					claims[j.ID] = append(claims[j.ID], w)
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		if len(claims) != jobs {
			t.Fatalf("got %d jobs claimed, want %d", len(claims), jobs)
		}
		var last int64
		for id, by := range claims {
			if len(by) != 1 {
				t.Errorf("job %d: claimed by %v, want one worker", id, by)
			}
			last = max(last, id)
		}

		// w1 stops renewing its claim: after the lease, another worker takes the job over.
		if held, err := s.ExportProgress(ctx, last, claims[last][0], 5, 10, clock.Now().Add(time.Minute)); err != nil || !held {
			t.Fatalf("progress of the claimant: got %v, %v, want held", held, err)
		}
		clock.Set(clock.Now().Add(2 * time.Minute))
		j, ok, err := s.ClaimExport(ctx, "w3", clock.Now(), time.Minute)
		if err != nil || !ok || j.Attempts != 2 || j.Done != 0 {
			t.Fatalf("after the lease: got %+v, %v, %v, want a job taken over from the start", j, ok, err)
		}
		if held, _ := s.ExportProgress(ctx, j.ID, claims[j.ID][0], 6, 10, clock.Now()); held {
			t.Error("the first worker still holds a job taken over")
		}
		if ok, err := s.CancelExport(ctx, j.ID); err != nil || !ok {
			t.Fatalf("cancel: got %v, %v", ok, err)
		}
		if held, _ := s.ExportProgress(ctx, j.ID, "w3", 7, 10, clock.Now()); held {
			t.Error("the worker still holds a cancelled job")
		}
		if ok, _ := s.CancelExport(ctx, j.ID); ok {
			t.Error("a cancelled job was cancelled again")
		}
	})
}
