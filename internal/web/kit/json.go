package kit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"motcua/internal/fault"
)

// DecodeJSON reads a JSON request body into v. Malformed JSON, a wrong type and trailing
// data are invalid; a body over the limit is too_large.
func DecodeJSON(r *http.Request, v any) error {
	// Read the whole body first, so that an oversized body is always too_large, whatever
	// its content.
	body, err := io.ReadAll(r.Body)
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return fault.New(fault.TooLarge, "")
	}
	if err != nil {
		return fault.New(fault.Invalid, "Không đọc được nội dung yêu cầu.")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(v); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.Is(err, io.EOF):
			return fault.New(fault.Invalid, "Thiếu nội dung JSON.")
		case errors.As(err, &syn):
			return fault.Newf(fault.Invalid, "JSON không hợp lệ tại vị trí %d.", syn.Offset)
		case errors.As(err, &typ):
			return &fault.Error{Code: fault.Invalid, Message: "Sai kiểu dữ liệu trong JSON.",
				Fields: map[string]string{typ.Field: fmt.Sprintf("Phải là kiểu %s.", typ.Type)}}
		}
		return fault.New(fault.Invalid, "JSON không hợp lệ.")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return fault.New(fault.Invalid, "Dữ liệu thừa sau đối tượng JSON.")
	}
	return nil
}

// Instant renders an instant for JSON in UTC+7, or null when zero.
func Instant(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.In(Zone).Format(time.RFC3339)
}
