package web

import (
	"sync"
	"testing"
	"time"

	"motcua/internal/calendar"
)

func TestCalendarCache(t *testing.T) {
	t0 := time.Now()
	a := calendar.New(calendar.DefaultSchedule(), nil)
	b := calendar.New(calendar.DefaultSchedule(), calendar.Seed())
	tests := []struct {
		name string
		run  func(c *calendarCache) *calendar.Calendar
		want *calendar.Calendar
	}{
		{"empty cache misses", func(c *calendarCache) *calendar.Calendar {
			cal, _ := c.get("X", t0)
			return cal
		}, nil},
		{"fresh entry hits", func(c *calendarCache) *calendar.Calendar {
			_, gen := c.get("X", t0)
			c.put("X", a, gen, t0)
			cal, _ := c.get("X", t0.Add(calendarTTL-time.Second))
			return cal
		}, a},
		{"expired entry misses", func(c *calendarCache) *calendar.Calendar {
			_, gen := c.get("X", t0)
			c.put("X", a, gen, t0)
			cal, _ := c.get("X", t0.Add(calendarTTL))
			return cal
		}, nil},
		{"other unit misses", func(c *calendarCache) *calendar.Calendar {
			_, gen := c.get("X", t0)
			c.put("X", a, gen, t0)
			cal, _ := c.get("Y", t0)
			return cal
		}, nil},
		{"invalidate empties", func(c *calendarCache) *calendar.Calendar {
			_, gen := c.get("X", t0)
			c.put("X", a, gen, t0)
			c.invalidate()
			cal, _ := c.get("X", t0)
			return cal
		}, nil},
		{"a load that raced an invalidation is dropped", func(c *calendarCache) *calendar.Calendar {
			_, gen := c.get("X", t0)
			c.invalidate()
			c.put("X", a, gen, t0)
			cal, _ := c.get("X", t0)
			return cal
		}, nil},
		{"a load after the invalidation is kept", func(c *calendarCache) *calendar.Calendar {
			_, gen := c.get("X", t0)
			c.put("X", a, gen, t0)
			c.invalidate()
			_, gen = c.get("X", t0)
			c.put("X", b, gen, t0)
			cal, _ := c.get("X", t0)
			return cal
		}, b},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c calendarCache
			if got := tt.run(&c); got != tt.want {
				t.Errorf("got %p, want %p", got, tt.want)
			}
		})
	}
}

func TestCalendarCacheConcurrent(t *testing.T) {
	var c calendarCache
	cal := calendar.New(calendar.DefaultSchedule(), nil)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			unit := string(rune('A' + i%3))
			for j := range 200 {
				got, gen := c.get(unit, time.Now())
				if got == nil {
					c.put(unit, cal, gen, time.Now())
				}
				if j%50 == 0 {
					c.invalidate()
				}
			}
		}()
	}
	wg.Wait()
	c.invalidate()
	if got, _ := c.get("A", time.Now()); got != nil {
		t.Errorf("got %p after invalidate, want nil", got)
	}
}
