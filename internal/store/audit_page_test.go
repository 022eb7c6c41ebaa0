package store_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// TestAuditPageKeyset walks the audit log page by page on both databases: every entry
// once, newest first, ties on the instant broken by ID, the same with a filter, and the
// retention policy moves old entries to the archive without losing one.
func TestAuditPageKeyset(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			start := time.Date(2024, 1, 2, 3, 0, 0, 0, time.UTC)
			var tick atomic.Int64
			// Three entries share each instant, so that pages end inside a tie.
			st := storetest.Open(t, d, func() time.Time { return start.Add(time.Duration(tick.Load()/3) * time.Minute) })
			ctx := context.Background()
			const n = 230
			for i := range n {
				actor := "a"
				if i%4 == 0 {
					actor = "b"
				}
				if err := st.Audit(ctx, store.AuditEntry{Actor: actor, Action: "test.step", Target: fmt.Sprint(i)}); err != nil {
					t.Fatal(err)
				}
				tick.Add(1)
			}
			walk := func(f store.AuditFilter) []store.AuditEntry {
				var all []store.AuditEntry
				var cur store.AuditCursor
				for pages := 0; ; pages++ {
					if pages > n {
						t.Fatal("the pages never end")
					}
					// The cursor survives a link.
					c, err := store.ParseAuditCursor(cur.String())
					if err != nil {
						t.Fatal(err)
					}
					page, next, err := st.AuditPage(ctx, f, c)
					if err != nil {
						t.Fatal(err)
					}
					all = append(all, page...)
					if next.ID == 0 {
						return all
					}
					cur = next
				}
			}
			f := store.AuditFilter{From: start.Add(-time.Hour), To: start.Add(24 * time.Hour), Limit: 17}
			all := walk(f)
			if len(all) != n {
				t.Fatalf("walked %d entries, want %d", len(all), n)
			}
			seen := map[int64]bool{}
			for i, e := range all {
				if seen[e.ID] {
					t.Fatalf("entry %d shown twice", e.ID)
				}
				seen[e.ID] = true
				if i > 0 && (e.At.After(all[i-1].At) || e.At.Equal(all[i-1].At) && e.ID > all[i-1].ID) {
					t.Fatalf("entry %d (%v) after %d (%v): not newest first", e.ID, e.At, all[i-1].ID, all[i-1].At)
				}
			}
			f.Actor = "b"
			if got := walk(f); len(got) != (n+3)/4 {
				t.Fatalf("actor b: walked %d entries, want %d", len(got), (n+3)/4)
			}
			// Retention: everything before the 100th entry's instant goes to the archive.
			cut := start.Add(33 * time.Minute) // entries 0–98
			moved, err := st.ArchiveAudit(ctx, cut)
			if err != nil || moved != 99 {
				t.Fatalf("archived %d (%v), want 99", moved, err)
			}
			f.Actor = ""
			live := walk(f)
			archived, err := st.AuditArchived(ctx)
			if err != nil || len(live) != n-99 || archived != 99 {
				t.Fatalf("after archiving: %d live, %d archived (%v); want %d and 99", len(live), archived, err, n-99)
			}
			for _, e := range live {
				if e.At.Before(cut) {
					t.Fatalf("entry %d of %v is still live", e.ID, e.At)
				}
			}
			if again, err := st.ArchiveAudit(ctx, cut); err != nil || again != 0 {
				t.Fatalf("archiving again moved %d (%v), want nothing", again, err)
			}
		})
	}
}
