package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// MaxFileSize is the largest catalogue file Decode accepts (20 MiB).
const MaxFileSize = 20 << 20

// ErrInvalid is returned by Decode, together with the problems, when the
// file is not a valid catalogue.
var ErrInvalid = errors.New("catalog: invalid catalogue")

// Decode reads a catalogue in the JSON format of Catalog and validates all
// of it before returning. If anything is wrong it returns an empty Catalog,
// every problem found and an error wrapping ErrInvalid, so that a caller
// that imports only on success changes nothing. Malformed JSON, unknown
// keys, wrong types and trailing data stop decoding at the first such
// problem, reported with its line and byte offset; once the JSON is well
// formed, every semantic problem is reported. Other errors are I/O errors.
func Decode(r io.Reader) (Catalog, []Problem, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return Catalog{}, nil, fmt.Errorf("catalog: read: %w", err)
	}
	if len(data) > MaxFileSize {
		return fail([]Problem{{Message: "Tệp danh mục vượt quá giới hạn 20 MiB."}})
	}
	var c Catalog
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return fail([]Problem{jsonProblem(data, err, dec.InputOffset())})
	}
	if _, err := dec.Token(); err != io.EOF {
		off := dec.InputOffset()
		return fail([]Problem{{Row: lineOf(data, off), Message: fmt.Sprintf("Có dữ liệu thừa sau đối tượng JSON (byte %d).", off)}})
	}
	if probs := c.Validate(); len(probs) > 0 {
		return fail(probs)
	}
	return c, nil, nil
}

func fail(probs []Problem) (Catalog, []Problem, error) {
	return Catalog{}, probs, fmt.Errorf("%w: %d problem(s)", ErrInvalid, len(probs))
}

// jsonProblem turns a decoding error into a Problem located by line.
func jsonProblem(data []byte, err error, offset int64) Problem {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return Problem{Row: lineOf(data, syn.Offset), Message: fmt.Sprintf("JSON không hợp lệ ở dòng %d (byte %d): %s.", lineOf(data, syn.Offset), syn.Offset, syn.Error())}
	case errors.As(err, &typ):
		return Problem{Row: lineOf(data, typ.Offset), Column: typ.Field, Message: fmt.Sprintf("Sai kiểu dữ liệu ở dòng %d (byte %d): cần %s, gặp %s.", lineOf(data, typ.Offset), typ.Offset, typ.Type, typ.Value)}
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return Problem{Row: lineOf(data, int64(len(data))), Message: "Tệp JSON bị cắt cụt hoặc rỗng."}
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		key := strings.TrimPrefix(err.Error(), "json: unknown field ")
		return Problem{Row: lineOf(data, offset), Column: strings.Trim(key, `"`), Message: fmt.Sprintf("Khóa %s không được hỗ trợ (dòng %d).", key, lineOf(data, offset))}
	default:
		return Problem{Row: lineOf(data, offset), Message: fmt.Sprintf("JSON không hợp lệ ở dòng %d (byte %d): %s.", lineOf(data, offset), offset, err.Error())}
	}
}

// lineOf returns the 1-based line that contains byte offset off.
func lineOf(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// Encode writes c as indented JSON (two spaces, HTML characters not
// escaped, a final newline). The output depends only on c, so export →
// import → export gives identical bytes. Encode does not validate.
func Encode(w io.Writer, c Catalog) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c); err != nil {
		return fmt.Errorf("catalog: encode: %w", err)
	}
	return nil
}
