package calendar

import (
	"math/rand/v2"
	"testing"
	"time"
)

// randomInstant returns an instant in 2020–2035, minute-aligned.
func randomInstant(r *rand.Rand) time.Time {
	lo := time.Date(2020, 1, 1, 0, 0, 0, 0, Zone()).Unix()
	hi := time.Date(2035, 12, 31, 0, 0, 0, 0, Zone()).Unix()
	sec := lo + r.Int64N(hi-lo)
	return time.Unix(sec-sec%60, 0)
}

// randomDays returns a deadline from a quarter of a day to 60 days.
func randomDays(r *rand.Rand) float64 { return float64(1+r.IntN(240)) / 4 }

func TestPropertiesOfDue(t *testing.T) {
	c := seeded(t)
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 3000; i++ {
		from := randomInstant(r)
		a, b := randomDays(r), randomDays(r)
		if a > b {
			a, b = b, a
		}
		da, err1 := c.DueOnly(from, Deadline{Days: a})
		db, err2 := c.DueOnly(from, Deadline{Days: b})
		if err1 != nil || err2 != nil {
			t.Fatalf("from %v: errors %v, %v", from, err1, err2)
		}
		if db.Before(da) {
			t.Fatalf("from %v: %v days due %v is before %v days due %v", from, b, db, a, da)
		}
		for _, d := range []time.Time{da, db} {
			if !inWorkingTime(c, d) {
				t.Fatalf("from %v: due %v is outside working time", from, d)
			}
		}
		if !da.After(from) {
			t.Fatalf("from %v: due %v is not after receipt", from, da)
		}
		if got, want := c.workingBetween(from, da), c.need(a); got != want {
			t.Fatalf("from %v, %v days: %v of working time until due, want %v", from, a, got, want)
		}
		later := from.Add(time.Duration(r.IntN(72*60)) * time.Minute)
		dl, err := c.DueOnly(later, Deadline{Days: a})
		if err != nil || dl.Before(da) {
			t.Fatalf("received later %v: due %v is before %v (%v)", later, dl, da, err)
		}
	}
}

func TestPropertyPauseNeverShortens(t *testing.T) {
	c := seeded(t)
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 1500; i++ {
		start := randomInstant(r)
		d := Deadline{Days: randomDays(r)}
		pause := start.Add(time.Duration(r.IntN(30*24*60)) * time.Minute)
		resume := pause.Add(time.Duration(r.IntN(20*24*60)) * time.Minute)
		plain, err := c.Clock(d, []ClockEvent{{Kind: ClockStart, At: start}})
		if err != nil {
			t.Fatal(err)
		}
		paused, err := c.Clock(d, []ClockEvent{
			{Kind: ClockStart, At: start}, {Kind: ClockPause, At: pause}, {Kind: ClockResume, At: resume},
		})
		if err != nil {
			t.Fatal(err)
		}
		if paused.Due.Before(plain.Due) {
			t.Fatalf("start %v pause %v resume %v: due %v is before unpaused %v", start, pause, resume, paused.Due, plain.Due)
		}
		if want := c.workingBetween(pause, resume); paused.PausedFor != want {
			t.Fatalf("got paused for %v, want %v", paused.PausedFor, want)
		}
		if paused.PausedFor > 0 && !paused.Due.After(plain.Due) && pause.Before(plain.Due) {
			t.Fatalf("a pause of %v before the due instant did not move it", paused.PausedFor)
		}
	}
}

func TestPropertyCalendarDays(t *testing.T) {
	c := seeded(t)
	r := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 2000; i++ {
		from := randomInstant(r)
		n := 1 + r.IntN(90)
		due, err := c.DueOnly(from, Deadline{Days: float64(n), CalendarDays: true})
		if err != nil {
			t.Fatal(err)
		}
		first := DateOf(from).AddDays(n)
		if DateOf(due).Before(first) || !inWorkingTime(c, due) {
			t.Fatalf("from %v, %d calendar days: due %v, want a working day's end on or after %v", from, n, due, first)
		}
		for d := first; d.Before(DateOf(due)); d = d.AddDays(1) {
			if off, _ := c.DayOff(d); !off {
				t.Fatalf("from %v, %d calendar days: due %v skips working day %v", from, n, due, d)
			}
		}
	}
}
