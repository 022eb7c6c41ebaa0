package store

import (
	"context"

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
