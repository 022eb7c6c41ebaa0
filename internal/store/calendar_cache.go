package store

import (
	"context"
	"sync"
	"time"

	"motcua/internal/calendar"
)

// calendarTTL is how long a unit's calendar is reused before it is read again: intake at
// thousands of dossiers a second must not rebuild it for each one. Changes made through
// this store (days off, working sessions) apply at once; changes made by another server
// sharing the database show within this delay.
const calendarTTL = 30 * time.Second

// calendarCache keeps recently built calendars by unit code. Its zero value is ready and
// it is safe for concurrent use.
type calendarCache struct {
	mu      sync.Mutex
	gen     uint64 // incremented by every invalidation
	entries map[string]cachedCalendar
}

type cachedCalendar struct {
	cal     *calendar.Calendar
	expires time.Time
}

// UnitCalendar returns the legal clock of the unit ("" for the country-wide calendar) like
// Calendar, reusing one built less than calendarTTL ago. Calendars are immutable; an
// unknown unit is a fault.NotFound, and errors are not cached.
func (s *Store) UnitCalendar(ctx context.Context, unit string) (*calendar.Calendar, error) {
	c := &s.calendars
	c.mu.Lock()
	e, ok := c.entries[unit]
	gen := c.gen
	c.mu.Unlock()
	if ok && time.Now().Before(e.expires) {
		return e.cal, nil
	}
	cal, err := s.Calendar(ctx, unit)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	// A calendar read while an invalidation happened may be stale: use it, keep it not.
	if gen == c.gen {
		if c.entries == nil || len(c.entries) > 10000 {
			c.entries = map[string]cachedCalendar{}
		}
		c.entries[unit] = cachedCalendar{cal: cal, expires: time.Now().Add(calendarTTL)}
	}
	return cal, nil
}

// ForgetCalendars drops the calendars kept by UnitCalendar. The store calls it after
// every change of calendar days or working sessions.
func (s *Store) ForgetCalendars() {
	s.calendars.mu.Lock()
	s.calendars.gen++
	s.calendars.entries = nil
	s.calendars.mu.Unlock()
}
