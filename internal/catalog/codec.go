package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
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
	return decode(r, MaxFileSize)
}

// decode implements Decode with a size limit in bytes.
func decode(r io.Reader, limit int64) (Catalog, []Problem, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return Catalog{}, nil, fmt.Errorf("catalog: read: %w", err)
	}
	if int64(len(data)) > limit {
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
		line := lineOf(data, syn.Offset)
		return Problem{Row: line, Message: fmt.Sprintf("JSON không hợp lệ ở dòng %d (byte %d): sai cú pháp.", line, syn.Offset)}
	case errors.As(err, &typ):
		line := lineOf(data, typ.Offset)
		return Problem{Row: line, Column: typ.Field, Message: fmt.Sprintf("Sai kiểu dữ liệu ở dòng %d (byte %d): cần %s, gặp %s.", line, typ.Offset, goKind(typ.Type.Kind()), jsonKind(typ.Value))}
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return Problem{Row: lineOf(data, int64(len(data))), Message: "Tệp JSON bị cắt cụt hoặc rỗng."}
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		key := strings.TrimPrefix(err.Error(), "json: unknown field ")
		return Problem{Row: lineOf(data, offset), Column: strings.Trim(key, `"`), Message: fmt.Sprintf("Khóa %s không được hỗ trợ (dòng %d).", key, lineOf(data, offset))}
	default:
		return Problem{Row: lineOf(data, offset), Message: fmt.Sprintf("JSON không hợp lệ ở dòng %d (byte %d).", lineOf(data, offset), offset)}
	}
}

// goKind names the JSON value a Go type expects, in Vietnamese.
func goKind(k reflect.Kind) string {
	switch k {
	case reflect.String:
		return "chuỗi ký tự"
	case reflect.Bool:
		return "giá trị true/false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "số nguyên"
	case reflect.Float32, reflect.Float64:
		return "số"
	case reflect.Slice, reflect.Array:
		return "mảng"
	default:
		return "đối tượng"
	}
}

// jsonKind names a JSON value kind reported by encoding/json, in Vietnamese.
func jsonKind(v string) string {
	switch {
	case v == "string":
		return "chuỗi ký tự"
	case v == "bool":
		return "giá trị true/false"
	case strings.HasPrefix(v, "number"):
		return "số"
	case v == "array":
		return "mảng"
	case v == "object":
		return "đối tượng"
	}
	return v
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
