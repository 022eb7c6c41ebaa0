package dossier

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// DecodeEvent reads an event (sự kiện) from its stored JSON payload into e, exactly as
// json.Unmarshal would into a zero Event. The payloads the store writes are flat objects
// of known keys, plain strings and integers: those are read here without reflection (a
// public lookup decodes every event of the dossier). Anything else — an escape sequence
// in a string, null, a key in another case, the documents of a supplement request, a
// number that is not plain, malformed JSON — is handed to json.Unmarshal, so the result
// and the error are always that of json.Unmarshal.
func DecodeEvent(data []byte, e *Event) error {
	*e = Event{}
	if decodeEventFast(data, e) {
		return nil
	}
	*e = Event{}
	return json.Unmarshal(data, e)
}

// decodeEventFast reads the common form of a payload; false means "not sure", and e is
// then to be decoded again by json.Unmarshal.
func decodeEventFast(data []byte, e *Event) bool {
	p := eventParser{data: data}
	if !p.skip('{') {
		return false
	}
	p.ws()
	if p.peek() == '}' {
		p.i++
		return p.end()
	}
	for {
		p.ws()
		key, ok := p.str()
		if !ok || !p.skip(':') {
			return false
		}
		p.ws()
		if !p.field(key, e) {
			return false
		}
		p.ws()
		switch p.peek() {
		case ',':
			p.i++
		case '}':
			p.i++
			return p.end()
		default:
			return false
		}
	}
}

// eventParser walks a payload.
type eventParser struct {
	data []byte
	i    int
}

func (p *eventParser) peek() byte {
	if p.i < len(p.data) {
		return p.data[p.i]
	}
	return 0
}

// ws skips JSON whitespace.
func (p *eventParser) ws() {
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// skip consumes c after optional whitespace.
func (p *eventParser) skip(c byte) bool {
	p.ws()
	if p.peek() != c {
		return false
	}
	p.i++
	return true
}

// end reports whether only whitespace follows.
func (p *eventParser) end() bool {
	p.ws()
	return p.i == len(p.data)
}

// str reads a string without escapes and of valid UTF-8, returning its bytes (which
// alias data).
func (p *eventParser) str() ([]byte, bool) {
	if p.peek() != '"' {
		return nil, false
	}
	start := p.i + 1
	for j := start; j < len(p.data); j++ {
		switch c := p.data[j]; {
		case c == '"':
			s := p.data[start:j]
			if !utf8.Valid(s) {
				return nil, false
			}
			p.i = j + 1
			return s, true
		case c == '\\' || c < 0x20:
			return nil, false
		}
	}
	return nil, false
}

// text reads a string value.
func (p *eventParser) text(dst *string) bool {
	s, ok := p.str()
	if ok {
		*dst = string(s)
	}
	return ok
}

// number reads a plain JSON number: an optional minus, digits without a leading zero,
// an optional fraction and exponent.
func (p *eventParser) number() ([]byte, bool) {
	start, j := p.i, p.i
	d := p.data
	if j < len(d) && d[j] == '-' {
		j++
	}
	digits := func() int {
		k := j
		for j < len(d) && d[j] >= '0' && d[j] <= '9' {
			j++
		}
		return j - k
	}
	if n := digits(); n == 0 || n > 1 && d[j-n] == '0' {
		return nil, false
	}
	if j < len(d) && d[j] == '.' {
		j++
		if digits() == 0 {
			return nil, false
		}
	}
	if j < len(d) && (d[j] == 'e' || d[j] == 'E') {
		j++
		if j < len(d) && (d[j] == '+' || d[j] == '-') {
			j++
		}
		if digits() == 0 {
			return nil, false
		}
	}
	p.i = j
	return d[start:j], true
}

// integer reads a number that fits the field as json.Unmarshal reads it into an int.
func (p *eventParser) integer(dst *int64) bool {
	s, ok := p.number()
	if !ok {
		return false
	}
	n, err := strconv.ParseInt(string(s), 10, 64)
	if err != nil {
		return false
	}
	*dst = n
	return true
}

// instant reads a time through time.Time's own UnmarshalJSON, as json.Unmarshal does.
func (p *eventParser) instant(dst interface{ UnmarshalJSON([]byte) error }) bool {
	start := p.i
	if _, ok := p.str(); !ok {
		return false
	}
	return dst.UnmarshalJSON(p.data[start:p.i]) == nil
}

// field reads the value of key into e.
func (p *eventParser) field(key []byte, e *Event) bool {
	var n int64
	switch string(key) {
	case "seq":
		if !p.integer(&n) {
			return false
		}
		e.Seq = int(n)
	case "step":
		if !p.integer(&n) {
			return false
		}
		e.Step = int(n)
	case "amount_vnd":
		if !p.integer(&n) {
			return false
		}
		e.AmountVND = n
	case "step_budget":
		s, ok := p.number()
		if !ok {
			return false
		}
		f, err := strconv.ParseFloat(string(s), 64)
		if err != nil {
			return false
		}
		e.StepBudget = f
	case "action":
		var s string
		if !p.text(&s) {
			return false
		}
		e.Action = Action(s)
	case "role":
		var s string
		if !p.text(&s) {
			return false
		}
		e.Role = Role(s)
	case "actor":
		return p.text(&e.Actor)
	case "unit":
		return p.text(&e.Unit)
	case "note":
		return p.text(&e.Note)
	case "reason":
		return p.text(&e.Reason)
	case "to_unit":
		return p.text(&e.ToUnit)
	case "assignee":
		return p.text(&e.Assignee)
	case "payment_ref":
		return p.text(&e.PaymentRef)
	case "at":
		return p.instant(&e.At)
	case "new_due":
		return p.instant(&e.NewDue)
	default:
		return false
	}
	return true
}
