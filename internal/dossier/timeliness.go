package dossier

import (
	"time"

	"motcua/internal/calendar"
)

// Urgency values colour the inbox.
const (
	UrgencyOK      = "ok"
	UrgencySoon    = "soon"
	UrgencyOverdue = "overdue"
)

// Timeliness returns the tiến độ of the dossier by civil date in UTC+7, as the reports and
// the QĐ 766 index count it.
//
// Both compare with the legal appointment (OriginalDueAt; DueAt when that is unset), not
// with the new appointment of an extension: an apology does not make a dossier on time.
// A finished dossier compares the date it finished (FinishedAt; the date the supplement
// was requested if it ended while waiting for one) with the appointment date: before →
// early, same day → on_time, after → late; two or more supplement requests make it late
// whatever the dates; one finished without ever having an appointment is on_time.
// An open dossier is in_time while today's date is not after the appointment date, and
// overdue after it; one without an appointment, or waiting for a supplement requested
// in time, is in_time.
func (st State) Timeliness(now time.Time) Timeliness {
	due := st.LegalDueAt()
	if st.Status.Finished() {
		if st.Supplements >= 2 {
			return Late
		}
		if due.IsZero() {
			return OnTime
		}
		end := st.FinishedAt
		if st.Paused && !st.PausedAt.IsZero() {
			end = st.PausedAt
		}
		switch c := calendar.DateOf(end).Compare(calendar.DateOf(due)); {
		case c < 0:
			return Early
		case c == 0:
			return OnTime
		}
		return Late
	}
	if due.IsZero() {
		return InTime
	}
	if st.Paused && !st.PausedAt.IsZero() {
		now = st.PausedAt
	}
	if calendar.DateOf(now).Compare(calendar.DateOf(due)) <= 0 {
		return InTime
	}
	return Overdue
}

// LegalDueAt returns the legal appointment that timeliness compares with: OriginalDueAt,
// or DueAt when that is unset (a state built from a list row without it).
func (st State) LegalDueAt() time.Time {
	if !st.OriginalDueAt.IsZero() {
		return st.OriginalDueAt
	}
	return st.DueAt
}

// Urgency returns the inbox colour of a dossier: "overdue" once the appointment instant
// has passed, "soon" when it falls within one working day from now, "ok" otherwise (also
// for finished dossiers, dossiers without an appointment and dossiers waiting for a
// supplement).
func Urgency(st State, now time.Time, cal *calendar.Calendar) string {
	if st.Status.Finished() || st.DueAt.IsZero() || st.Paused {
		return UrgencyOK
	}
	if now.After(st.DueAt) {
		return UrgencyOverdue
	}
	limit, err := cal.DueOnly(now, calendar.Deadline{Days: 1})
	if err != nil {
		limit = now.Add(24 * time.Hour)
	}
	if !limit.Before(st.DueAt) {
		return UrgencySoon
	}
	return UrgencyOK
}
