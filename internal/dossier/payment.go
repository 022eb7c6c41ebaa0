package dossier

import (
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/fault"
)

// RecordPayment appends a payment event (ActionPayment) to the dossier: the fee of
// amountVND was paid or waived, with ref the gateway's transaction number or the receipt
// number, and note what the officer or the system says. It changes no status; a dossier
// already finished (refused, withdrawn, returned) takes no such event and the answer is
// a Conflict error. The events are copied, d is unchanged.
func RecordPayment(d Dossier, cal *calendar.Calendar, actor string, role Role, unit string, amountVND int64, ref, note string, now time.Time) (Dossier, State, error) {
	st, err := Project(d, cal)
	if err != nil {
		return d, State{}, err
	}
	r, _ := RuleOf(ActionPayment)
	if err := statusAllows(r, st.Status); err != nil {
		return d, State{}, err
	}
	if amountVND < 0 {
		return d, State{}, fault.New(fault.Invalid, "Số tiền không hợp lệ.")
	}
	if now.Before(st.LastAt) {
		now = st.LastAt
	}
	e := Event{Seq: len(d.Events) + 1, Action: ActionPayment, Actor: strings.TrimSpace(actor), Role: role, Unit: unit,
		At: now.UTC(), Note: strings.TrimSpace(note), AmountVND: amountVND, PaymentRef: ref, Step: st.Step}
	next := d
	next.Events = append(d.Events[:len(d.Events):len(d.Events)], e)
	nst, err := Project(next, cal)
	if err != nil {
		return d, State{}, err
	}
	return next, nst, nil
}
