package web

import (
	"context"
	"sync"
	"time"

	"motcua/internal/calendar"
)

// calendarTTL is how long a unit's calendar is reused before it is read again from the
// database. Changes made through the administration pages take effect at once; changes
// made by another replica or directly in the database within this delay.
const calendarTTL = 30 * time.Second

// calendarCache keeps the legal clock of each unit for a short while, since every dossier
// intake needs one. Its zero value is ready to use and it is safe for concurrent use.
type calendarCache struct {
	mu      sync.Mutex
	gen     uint64 // incremented by every invalidation
	entries map[string]calendarEntry
}

// calendarEntry is one cached calendar and when it was loaded (monotonic clock).
type calendarEntry struct {
	cal    *calendar.Calendar
	loaded time.Time
}

// get returns the cached calendar of the unit when it is fresh, and the current
// generation, to be passed back to put.
func (c *calendarCache) get(unit string, now time.Time) (*calendar.Calendar, uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[unit]; ok && now.Sub(e.loaded) < calendarTTL {
		return e.cal, c.gen
	}
	return nil, c.gen
}

// put stores a calendar loaded during generation gen; it is dropped when an invalidation
// happened meanwhile, so that a stale calendar never outlives an administrator's change.
func (c *calendarCache) put(unit string, cal *calendar.Calendar, gen uint64, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if c.entries == nil {
		c.entries = map[string]calendarEntry{}
	}
	c.entries[unit] = calendarEntry{cal: cal, loaded: now}
}

// invalidate forgets every cached calendar.
func (c *calendarCache) invalidate() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	clear(c.entries)
}

// calendar returns the legal clock (lịch làm việc) of the unit, "" for the country-wide
// calendar: its working time and every calendar day that applies to it. Calendars are
// cached for calendarTTL. An unknown unit is a fault.NotFound; errors are not cached.
func (s *Server) calendar(ctx context.Context, unit string) (*calendar.Calendar, error) {
	cal, gen := s.calendars.get(unit, time.Now())
	if cal != nil {
		return cal, nil
	}
	cal, err := s.store.Calendar(ctx, unit)
	if err != nil {
		return nil, err
	}
	s.calendars.put(unit, cal, gen, time.Now())
	return cal, nil
}

// invalidateCalendars makes the next calendar call of every unit read the database; the
// administration pages call it after each change of calendar days or working time.
func (s *Server) invalidateCalendars() {
	s.calendars.invalidate()
}
