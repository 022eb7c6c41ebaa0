package main

import (
	"context"
	"flag"

	"motcua/internal/calendar"
)

// calendarLoader returns the function that the calendar command uses to get the legal
// clock: the country-wide calendar for "", or a unit's. When a database is configured
// (DATABASE_URL, or an existing SQLite file under MOTCUA_DATA) the calendar includes the
// days off and swapped days entered by administrators; otherwise the built-in
// statutory rules and published schedules.
func calendarLoader(getenv func(string) string) func(ctx context.Context, unit string) (*calendar.Calendar, error) {
	return func(ctx context.Context, unit string) (*calendar.Calendar, error) {
		var db dbFlags
		db.register(flag.NewFlagSet("", flag.ContinueOnError), getenv)
		return openCalendar(ctx, db, unit)
	}
}

func openCalendar(ctx context.Context, db dbFlags, unit string) (*calendar.Calendar, error) {
	if unit == "" && db.db == "" && !sqliteExists(db.data) {
		return calendar.New(calendar.DefaultSchedule(), calendar.Seed()), nil
	}
	st, err := db.open(ctx)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return st.Calendar(ctx, unit)
}
