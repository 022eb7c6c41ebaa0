package store

import (
	"context"
	"database/sql"

	"motcua/internal/calendar"
	"motcua/internal/fault"
)

// AllCalendarDays lists every stored decision between from and to (inclusive),
// country-wide and for every unit, ordered by day then unit ("" first). It serves the
// administration page of the calendar.
func (s *Store) AllCalendarDays(ctx context.Context, from, to calendar.Date) ([]CalendarDay, error) {
	rows, err := s.query(ctx, s.read, "CalendarDayListAll", from.String(), to.String())
	if err != nil {
		return nil, err
	}
	days, err := s.scanDays(rows)
	if err != nil {
		return nil, err
	}
	if days == nil {
		days = []CalendarDay{}
	}
	return days, nil
}

// CalendarDay returns the stored decision with the ID, or a fault.NotFound.
func (s *Store) CalendarDay(ctx context.Context, id int64) (CalendarDay, error) {
	rows, err := s.query(ctx, s.read, "CalendarDayByID", id)
	if err != nil {
		return CalendarDay{}, err
	}
	days, err := s.scanDays(rows)
	if err != nil {
		return CalendarDay{}, err
	}
	if len(days) == 0 {
		return CalendarDay{}, fault.Newf(fault.NotFound, "Không tìm thấy ngày nghỉ, ngày làm bù số %d.", id)
	}
	return days[0], nil
}

// SaveCalendarDecision records (or replaces) every day of a published schedule in one
// transaction: all of them or none. The decision was checked by calendar.ParseDecision;
// the unit, when given, must exist.
func (s *Store) SaveCalendarDecision(ctx context.Context, dec calendar.Decision, by string) error {
	if dec.Unit != "" {
		if _, err := s.Unit(ctx, dec.Unit); err != nil {
			return err
		}
	}
	now := s.Now()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, o := range dec.Days {
			if _, err := s.exec(ctx, tx, "CalendarDayUpsert", o.Date.String(), dec.Unit, o.Off, o.Name, o.Reference, by, now); err != nil {
				return err
			}
		}
		return nil
	})
	s.ForgetCalendars()
	return err
}
