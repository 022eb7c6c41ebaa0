package demo

import (
	"context"
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/feedback"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// TestFeedbackHistory writes the demo PAKN on the demo units and checks they look like a
// real unit's: few, nearly all classified and answered on time, with clocks that the
// replay of their events gives back, and written once.
func TestFeedbackHistory(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		historyBase(t, st)
		now := time.Date(2026, 12, 4, 9, 0, 0, 0, calendar.Zone())
		plan := fullHistory()
		if err := loadFeedbackHistory(ctx, st, now, plan); err != nil {
			t.Fatal(err)
		}
		list, err := st.FeedbackList(ctx, store.FeedbackFilter{Unit: TanHoa, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) < 20 || len(list) > 36 {
			t.Fatalf("Tân Hòa has %d PAKN over two years, want about 28", len(list))
		}
		cal, _ := st.UnitCalendar(ctx, TanHoa)
		var onTime, published, classified int
		for _, s := range list {
			f, err := st.Feedback(ctx, s.Code)
			if err != nil {
				t.Fatal(err)
			}
			cs, err := feedback.Clocks(f.Record, f.State, cal, now)
			if err != nil {
				t.Fatal(err)
			}
			if feedback.OnTime(cs) {
				onTime++
			}
			if f.State.Status == feedback.StatusPublished {
				published++
			}
			if f.State.Class != "" {
				classified++
			}
		}
		if onTime*10 < len(list)*8 || published*10 < len(list)*7 || classified*10 < len(list)*8 {
			t.Fatalf("of %d PAKN: %d on time, %d published, %d classified", len(list), onTime, published, classified)
		}
		if err := loadFeedbackHistory(ctx, st, now, plan); err != nil {
			t.Fatal(err)
		}
		again, _ := st.FeedbackList(ctx, store.FeedbackFilter{Unit: TanHoa, Limit: 1000})
		if len(again) != len(list) {
			t.Fatalf("written twice: %d then %d", len(list), len(again))
		}
	})
}
