package store

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"motcua/internal/dossier"
)

// eventJSON returns the stored payload of an event. The row beside it holds the event's
// seq, action, actor, role and unit in columns of their own; the payload of a common event
// leaves those out (compact), built by hand (a bulk load encodes millions, and the
// repeated fields were half of every payload). An event with text to escape in any field,
// a transfer's budget, missing documents or an instant that needs more care is stored
// whole, as json.Marshal writes it — as every event was before compact payloads — so
// that the columns of a compact row never hold a control character: a public lookup
// reads them as tab-separated fields (decodePublicEvents). Readers complete a compact
// payload from the columns (withColumns).
func eventJSON(e dossier.Event) (string, error) {
	if b, ok := appendEventJSON(make([]byte, 0, 128), e); ok {
		return string(b), nil
	}
	b, err := json.Marshal(e)
	if err != nil {
		return "", fmt.Errorf("store: dossier event: %w", err)
	}
	return string(b), nil
}

// appendEventJSON appends the compact payload of e — the JSON json.Marshal writes without
// seq, action, actor, role and unit — or reports false when e is to be stored whole.
func appendEventJSON(b []byte, e dossier.Event) ([]byte, bool) {
	if e.StepBudget != 0 || len(e.Documents) > 0 || !plainInstant(e.At) || (!e.NewDue.IsZero() && !plainInstant(e.NewDue)) {
		return nil, false
	}
	for _, s := range []string{string(e.Action), e.Actor, string(e.Role), e.Unit, e.Note, e.Reason, e.ToUnit, e.Assignee, e.PaymentRef} {
		if !plainText(s) {
			return nil, false
		}
	}
	text := func(b []byte, key, v string) []byte { // omitted when empty
		if v == "" {
			return b
		}
		b = append(b, ",\""...)
		b = append(b, key...)
		b = append(b, "\":\""...)
		b = append(b, v...)
		return append(b, '"')
	}
	instant := func(b []byte, key string, t time.Time) []byte {
		b = append(b, ",\""...)
		b = append(b, key...)
		b = append(b, "\":\""...)
		b = t.AppendFormat(b, time.RFC3339Nano)
		return append(b, '"')
	}
	b = append(b, `{"at":"`...)
	b = e.At.AppendFormat(b, time.RFC3339Nano)
	b = append(b, '"')
	b = text(b, "note", e.Note)
	b = text(b, "reason", e.Reason)
	if !e.NewDue.IsZero() {
		b = instant(b, "new_due", e.NewDue)
	}
	b = text(b, "to_unit", e.ToUnit)
	b = text(b, "assignee", e.Assignee)
	b = append(b, `,"step":`...)
	b = strconv.AppendInt(b, int64(e.Step), 10)
	if e.AmountVND != 0 {
		b = append(b, `,"amount_vnd":`...)
		b = strconv.AppendInt(b, e.AmountVND, 10)
	}
	b = text(b, "payment_ref", e.PaymentRef)
	return append(b, '}'), true
}

// plainText reports whether json.Marshal writes s unchanged between quotes: valid UTF-8
// without control characters, quotes, backslashes, the HTML characters it escapes, or
// the line and paragraph separators.
func plainText(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20, c == '"', c == '\\', c == '<', c == '>', c == '&':
			return false
		}
	}
	return utf8.ValidString(s) && !strings.Contains(s, "\u2028") && !strings.Contains(s, "\u2029")
}

// plainInstant reports whether t is an instant whose MarshalJSON is its RFC 3339 form
// with nanoseconds: a four-digit year and a whole-minute offset.
func plainInstant(t time.Time) bool {
	_, off := t.Zone()
	return t.Year() >= 0 && t.Year() <= 9999 && off%60 == 0 && off > -24*3600 && off < 24*3600
}

// withColumns completes an event read from its payload with the columns of its row: they
// hold what a compact payload leaves out, and the same values as a whole one.
func withColumns(e *dossier.Event, seq int, action, actor, role, unit string) {
	e.Seq, e.Action, e.Actor, e.Role, e.Unit = seq, dossier.Action(action), actor, dossier.Role(role), unit
}
