package calendar

import (
	"testing"
	"time"
)

func TestClock(t *testing.T) {
	c := seeded(t)
	at := func(s string) time.Time { return instant(t, s) }
	tests := []struct {
		name      string
		days      float64
		events    []ClockEvent
		due       string
		paused    bool
		pausedFor time.Duration
	}{
		{"no events", 3, nil, "", false, 0},
		{"start only", 3, []ClockEvent{{Kind: ClockStart, At: at("2026-04-24T10:00:00+07:00")}},
			"2026-05-04T10:00:00+07:00", false, 0},
		{"pause for a whole working day", 3, []ClockEvent{
			{Kind: ClockStart, At: at("2026-04-24T10:00:00+07:00")},
			{Kind: ClockPause, At: at("2026-04-28T07:00:00+07:00")},
			{Kind: ClockResume, At: at("2026-04-28T17:00:00+07:00")},
		}, "2026-05-05T10:00:00+07:00", false, 8 * time.Hour},
		{"pause over a weekend costs nothing", 3, []ClockEvent{
			{Kind: ClockStart, At: at("2026-03-02T10:00:00+07:00")},
			{Kind: ClockPause, At: at("2026-03-06T17:00:00+07:00")},
			{Kind: ClockResume, At: at("2026-03-09T07:00:00+07:00")},
		}, "2026-03-05T10:00:00+07:00", false, 0},
		{"still paused", 3, []ClockEvent{
			{Kind: ClockStart, At: at("2026-03-02T10:00:00+07:00")},
			{Kind: ClockPause, At: at("2026-03-03T10:00:00+07:00")},
		}, "2026-03-05T10:00:00+07:00", true, 0},
		{"reset restarts the count", 1, []ClockEvent{
			{Kind: ClockStart, At: at("2026-03-02T10:00:00+07:00")},
			{Kind: ClockPause, At: at("2026-03-02T11:00:00+07:00")},
			{Kind: ClockReset, At: at("2026-03-10T08:00:00+07:00")},
		}, "2026-03-11T08:00:00+07:00", false, 0},
		{"extend sets the new due instant", 1, []ClockEvent{
			{Kind: ClockStart, At: at("2026-03-02T10:00:00+07:00")},
			{Kind: ClockExtend, At: at("2026-03-02T16:00:00+07:00"), Until: at("2026-03-10T17:00:00+07:00")},
		}, "2026-03-10T17:00:00+07:00", false, 0},
		{"pause after an extension moves it", 1, []ClockEvent{
			{Kind: ClockStart, At: at("2026-03-02T10:00:00+07:00")},
			{Kind: ClockExtend, At: at("2026-03-02T16:00:00+07:00"), Until: at("2026-03-10T17:00:00+07:00")},
			{Kind: ClockPause, At: at("2026-03-04T07:00:00+07:00")},
			{Kind: ClockResume, At: at("2026-03-04T09:00:00+07:00")},
		}, "2026-03-11T09:00:00+07:00", false, 2 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := c.Clock(Deadline{Days: tt.days}, tt.events)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if st.Started {
				got = st.Due.Format(time.RFC3339)
			}
			if got != tt.due || st.Paused != tt.paused || st.PausedFor != tt.pausedFor {
				t.Errorf("got (%s, paused %v, %v), want (%s, paused %v, %v)", got, st.Paused, st.PausedFor, tt.due, tt.paused, tt.pausedFor)
			}
			if st.Started && st.Explain[len(st.Explain)-1].Date != DateOf(st.Due) {
				t.Errorf("explanation ends %v, want %v", st.Explain[len(st.Explain)-1].Date, DateOf(st.Due))
			}
		})
	}
}

func TestClockExplainsPause(t *testing.T) {
	c := seeded(t)
	st, err := c.Clock(Deadline{Days: 3}, []ClockEvent{
		{Kind: ClockStart, At: instant(t, "2026-04-24T10:00:00+07:00")},
		{Kind: ClockPause, At: instant(t, "2026-04-28T07:00:00+07:00")},
		{Kind: ClockResume, At: instant(t, "2026-04-29T09:00:00+07:00")},
	})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	total := 0
	for _, d := range st.Explain {
		kinds[d.Date.String()] = d.Kind
		total += d.Minutes
	}
	if kinds["2026-04-28"] != ExplainPaused || kinds["2026-04-29"] != ExplainPartial || total != 3*480 {
		t.Errorf("got kinds %v and %d minutes, want 28/4 paused, 29/4 partial, 1440 minutes", kinds, total)
	}
}

func TestClockErrors(t *testing.T) {
	c := seeded(t)
	t0 := instant(t, "2026-03-02T10:00:00+07:00")
	t1 := t0.Add(time.Hour)
	tests := []struct {
		name   string
		events []ClockEvent
	}{
		{"resume without pause", []ClockEvent{{Kind: ClockStart, At: t0}, {Kind: ClockResume, At: t1}}},
		{"pause twice", []ClockEvent{{Kind: ClockStart, At: t0}, {Kind: ClockPause, At: t0}, {Kind: ClockPause, At: t1}}},
		{"out of order", []ClockEvent{{Kind: ClockStart, At: t1}, {Kind: ClockPause, At: t0}}},
		{"no start", []ClockEvent{{Kind: ClockPause, At: t0}}},
		{"start twice", []ClockEvent{{Kind: ClockStart, At: t0}, {Kind: ClockStart, At: t1}}},
		{"extend backwards", []ClockEvent{{Kind: ClockStart, At: t0}, {Kind: ClockExtend, At: t1, Until: t0}}},
		{"unknown kind", []ClockEvent{{Kind: ClockStart, At: t0}, {Kind: "stop", At: t1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := c.Clock(Deadline{Days: 1}, tt.events); err == nil {
				t.Errorf("got no error, want one")
			}
		})
	}
	if _, err := c.Clock(Deadline{Days: -1}, []ClockEvent{{Kind: ClockStart, At: t0}}); err == nil {
		t.Errorf("got no error for a negative deadline, want one")
	}
	if _, err := c.Clock(Deadline{Days: 0, CalendarDays: true}, []ClockEvent{{Kind: ClockStart, At: t0}}); err == nil {
		t.Errorf("got no error for zero calendar days, want one (0 working days is the same-day rule)")
	}
}
