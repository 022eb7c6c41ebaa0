package api

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"motcua/internal/store"
	"motcua/internal/web/kit"
)

// The public lookup's answer is the busiest of the site: it is written by hand into a
// pooled buffer, byte for byte what kit.WriteJSON makes of publicJSON (a test compares
// the two on random dossiers), without reflection, boxing of the instants or a fresh
// encoder per answer.

// lookupBuffers holds the buffers of the answers; one grown past lookupBufferMax (a
// dossier with a very long timeline) is left to the collector.
var lookupBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 2048); return &b }}

const lookupBufferMax = 64 << 10

// Header values shared by every answer, like kit's security headers: each slice has
// length and capacity 1, so that a later Header.Add copies rather than changes it.
var (
	jsonContentType = []string{"application/json; charset=utf-8"}
	noStore         = []string{"no-store"}
)

// writeLookup sends the lookup answer of p with status 200.
func writeLookup(w http.ResponseWriter, p store.PublicDossier) {
	bp := lookupBuffers.Get().(*[]byte)
	b := appendLookup((*bp)[:0], p)
	h := w.Header()
	h["Cache-Control"] = noStore
	h["Content-Type"] = jsonContentType
	h["Content-Length"] = []string{strconv.Itoa(len(b))}
	w.WriteHeader(http.StatusOK)
	w.Write(b)
	if cap(b) <= lookupBufferMax {
		*bp = b
		lookupBuffers.Put(bp)
	}
}

// appendLookup appends the JSON of publicJSON(p, kit.PublicLabels(p)), as json.Encoder
// writes it without HTML escaping (keys in the struct's order, a final newline).
func appendLookup(b []byte, p store.PublicDossier) []byte {
	b = append(b, `{"code":`...)
	b = appendString(b, p.Code)
	b = append(b, `,"due_at":`...)
	b = appendInstant(b, p.DueAt)
	b = append(b, `,"extended":`...)
	b = strconv.AppendBool(b, p.Extended)
	b = append(b, `,"finished_at":`...)
	b = appendInstant(b, p.FinishedAt)
	b = append(b, `,"procedure":`...)
	b = appendString(b, p.ProcedureName)
	b = append(b, `,"received_at":`...)
	b = appendInstant(b, p.ReceivedAt)
	b = append(b, `,"returned_at":`...)
	b = appendInstant(b, p.ReturnedAt)
	b = append(b, `,"status":`...)
	b = appendString(b, string(p.Status))
	b = append(b, `,"status_label":`...)
	b = appendString(b, p.Status.Label())
	b = append(b, `,"submitted_at":`...)
	b = appendInstant(b, p.SubmittedAt)
	b = append(b, `,"timeline":[`...)
	for i, e := range p.Timeline {
		if i > 0 {
			b = append(b, ',')
		}
		label := e.Label // kit.PublicLabels
		if label == "" {
			label = e.Action.PublicLabel()
		}
		b = append(b, `{"at":`...)
		b = appendInstant(b, e.At)
		b = append(b, `,"action":`...)
		b = appendString(b, string(e.Action))
		b = append(b, `,"label":`...)
		b = appendString(b, label)
		b = append(b, '}')
	}
	b = append(b, `],"timeliness":`...)
	b = appendString(b, string(p.Timeliness))
	b = append(b, `,"timeliness_label":`...)
	b = appendString(b, p.Timeliness.Label())
	return append(b, "}\n"...)
}

// appendInstant appends kit.Instant(t): null when zero, else RFC 3339 in UTC+7.
func appendInstant(b []byte, t time.Time) []byte {
	if t.IsZero() {
		return append(b, "null"...)
	}
	b = append(b, '"')
	b = t.In(kit.Zone).AppendFormat(b, time.RFC3339)
	return append(b, '"')
}

// appendString appends s as a JSON string. Text that needs no escape — no quote,
// backslash or control character, valid UTF-8 without U+2028 or U+2029 — is copied;
// anything else goes through encoding/json.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' {
				return appendStringSlow(b, s)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			return appendStringSlow(b, s)
		}
		i += size
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// appendStringSlow encodes s with encoding/json, without HTML escaping.
func appendStringSlow(b []byte, s string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte{'\n'})...)
}
