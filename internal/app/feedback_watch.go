package app

import (
	"context"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/notify"
	"motcua/internal/store"
)

// feedbackWarnAhead bounds the search for PAKN falling due: no working day is longer
// than this many calendar days away, whatever the holidays (Tết is the longest break).
const feedbackWarnAhead = 12 * 24 * time.Hour

// WarnFeedbackDue queues, for each PAKN whose running clock falls due within one working
// day of its unit's calendar or is already overdue, one message to the unit's mailbox for
// the officer it is assigned to and the leader (officers have no mailbox of their own in
// motcua), once per due instant. It returns how many PAKN it warned about.
func (a *App) WarnFeedbackDue(ctx context.Context) (int, error) {
	now := a.now()
	cands, err := a.store.FeedbackDueSoon(ctx, now.Add(feedbackWarnAhead), 500)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, d := range cands {
		cal, err := a.store.UnitCalendar(ctx, d.UnitCode)
		if err != nil {
			return n, err
		}
		limit, err := cal.DueOnly(now, calendar.Deadline{Days: 1})
		if err != nil {
			return n, err
		}
		if d.DueAt.After(limit) {
			continue
		}
		un, err := a.store.Unit(ctx, d.UnitCode)
		if err != nil {
			return n, err
		}
		var msgs []store.OutboxMessage
		if un.Email != "" {
			m := notify.FeedbackDueWarning(d.Code, d.Title, d.Assignee, d.DueAt.In(calendar.Zone()).Format("15:04 02/01/2006"), d.DueAt.Before(now))
			msgs = append(msgs, store.OutboxMessage{Kind: store.MessageKindEmail, Recipient: un.Email, Subject: m.Subject, Body: m.Body})
		}
		if err := a.store.MarkFeedbackWarned(ctx, d, msgs); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
