package open311

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"sort"
	"strings"

	"motcua/internal/fault"
	"motcua/internal/web/kit"
)

type formatKey struct{}

// format remembers the response format (json or xml) of the route for the handler.
func (s Server) format(f string, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h(w, r.WithContext(context.WithValue(r.Context(), formatKey{}, f)))
	}
}

// suffixed splits {file} into the identifier and the format (.json or .xml); another
// suffix is a 404 in the spec's error format.
func (s Server) suffixed(h func(w http.ResponseWriter, r *http.Request, id string)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		file := r.PathValue("file")
		i := strings.LastIndexByte(file, '.')
		if i <= 0 || (file[i+1:] != "json" && file[i+1:] != "xml") {
			s.fail(w, r, fault.New(fault.NotFound, "unknown format: use .json or .xml"))
			return
		}
		s.format(file[i+1:], func(w http.ResponseWriter, r *http.Request) { h(w, r, file[:i]) })(w, r)
	}
}

func formatOf(r *http.Request) string {
	if f, _ := r.Context().Value(formatKey{}).(string); f != "" {
		return f
	}
	return "json"
}

// write encodes v as JSON, or as XML under the root element (the spec's XML is the
// same tree as its JSON, by the Spark convention).
func write(w http.ResponseWriter, r *http.Request, status int, v any, x any) {
	if formatOf(r) == "xml" {
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		w.WriteHeader(status)
		w.Write([]byte(xml.Header))
		enc := xml.NewEncoder(w)
		enc.Indent("", "  ")
		enc.Encode(x)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// apiError is one error of the spec's error array.
type apiError struct {
	XMLName     xml.Name `json:"-" xml:"error"`
	Code        int      `json:"code" xml:"code"`
	Description string   `json:"description" xml:"description"`
}

type errorList struct {
	XMLName xml.Name   `xml:"errors"`
	Errors  []apiError `xml:"error"`
}

// fail answers the spec's error array with the status of the fault: one error, or one
// per field.
func (s Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	e := s.Public(r, err)
	st := kit.Status(e.Code)
	errs := []apiError{{Code: st, Description: e.Message}}
	keys := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		errs = append(errs, apiError{Code: st, Description: k + ": " + e.Fields[k]})
	}
	write(w, r, st, errs, errorList{Errors: errs})
}
