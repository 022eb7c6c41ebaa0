package store

import (
	"context"
	"sync"
	"time"

	"motcua/internal/calendar"
)

// calendarTTL is how long a unit's calendar is reused before it is read again: intake at
// thousands of dossiers a second must not rebuild it for each one, and a change made by
// an administrator (a day off, the working sessions) shows within this delay.
const calendarTTL = 30 * time.Second

// calendarCache keeps recently built calendars by unit code. Its zero value is ready.
type calendarCache struct {
	mu      sync.Mutex
	entries map[string]cachedCalendar
}

type cachedCalendar struct {
	cal     *calendar.Calendar
	expires time.Time
}

// UnitCalendar returns the legal clock of the unit like Calendar, reusing a calendar built
// less than 30 seconds ago. Calendars are immutable and safe for concurrent use.
func (s *Store) UnitCalendar(ctx context.Context, unit string) (*calendar.Calendar, error) {
	now := time.Now()
	c := &s.calendars
	c.mu.Lock()
	if e, ok := c.entries[unit]; ok && now.Before(e.expires) {
		c.mu.Unlock()
		return e.cal, nil
	}
	c.mu.Unlock()
	cal, err := s.Calendar(ctx, unit)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.entries == nil || len(c.entries) > 10000 {
		c.entries = map[string]cachedCalendar{}
	}
	c.entries[unit] = cachedCalendar{cal: cal, expires: now.Add(calendarTTL)}
	c.mu.Unlock()
	return cal, nil
}

// ForgetCalendars drops the calendars kept by UnitCalendar, so that a change of days off
// or working sessions applies at once to the dossiers this server handles. Call it after
// such a change; other servers see it within 30 seconds.
func (s *Store) ForgetCalendars() {
	s.calendars.mu.Lock()
	s.calendars.entries = nil
	s.calendars.mu.Unlock()
}
