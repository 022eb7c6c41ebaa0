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

// eventJSON returns the stored payload of an event: exactly json.Marshal's bytes, built
// by hand for the common events (a bulk load encodes millions), and by json.Marshal for
// those with text to escape, a transfer's budget, missing documents or an instant that
// needs more care.
func eventJSON(e dossier.Event) (string, error) {
	if b, ok := appendEventJSON(make([]byte, 0, 256), e); ok {
		return string(b), nil
	}
	b, err := json.Marshal(e)
	if err != nil {
		return "", fmt.Errorf("store: dossier event: %w", err)
	}
	return string(b), nil
}

// appendEventJSON appends the JSON of e as json.Marshal writes it, or reports false when
// e is not one of the events it handles.
func appendEventJSON(b []byte, e dossier.Event) ([]byte, bool) {
	if e.StepBudget != 0 || len(e.Documents) > 0 || !plainInstant(e.At) || (!e.NewDue.IsZero() && !plainInstant(e.NewDue)) {
		return nil, false
	}
	for _, s := range []string{string(e.Action), e.Actor, string(e.Role), e.Unit, e.Note, e.Reason, e.ToUnit, e.Assignee, e.PaymentRef} {
		if !plainText(s) {
			return nil, false
		}
	}
	text := func(b []byte, key, v string, omitEmpty bool) []byte {
		if omitEmpty && v == "" {
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
	b = append(b, `{"seq":`...)
	b = strconv.AppendInt(b, int64(e.Seq), 10)
	b = text(b, "action", string(e.Action), false)
	b = text(b, "actor", e.Actor, false)
	b = text(b, "role", string(e.Role), false)
	b = text(b, "unit", e.Unit, true)
	b = instant(b, "at", e.At)
	b = text(b, "note", e.Note, true)
	b = text(b, "reason", e.Reason, true)
	if !e.NewDue.IsZero() {
		b = instant(b, "new_due", e.NewDue)
	}
	b = text(b, "to_unit", e.ToUnit, true)
	b = text(b, "assignee", e.Assignee, true)
	b = append(b, `,"step":`...)
	b = strconv.AppendInt(b, int64(e.Step), 10)
	if e.AmountVND != 0 {
		b = append(b, `,"amount_vnd":`...)
		b = strconv.AppendInt(b, e.AmountVND, 10)
	}
	b = text(b, "payment_ref", e.PaymentRef, true)
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
