package catalog

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func validCatalog(tb testing.TB) Catalog {
	tb.Helper()
	p := validProcedure(tb)
	q := validProcedure(tb)
	q.Code = "XA-HT-001"
	q.Name = "Đăng ký khai sinh lưu động"
	return Catalog{
		Fields:     []Field{{Code: "ho-tich", Name: "Hộ tịch"}},
		Procedures: []Procedure{p, q},
		Offers:     []Offer{{UnitCode: "H15.50.05.13", ProcedureCodes: []string{"1.001193"}}},
	}
}

func encoded(tb testing.TB, c Catalog) string {
	tb.Helper()
	var b bytes.Buffer
	if err := Encode(&b, c); err != nil {
		tb.Fatalf("Encode: %v", err)
	}
	return b.String()
}

func TestDecodeValid(t *testing.T) {
	want := validCatalog(t)
	got, probs, err := Decode(strings.NewReader(encoded(t, want)))
	if err != nil || len(probs) != 0 {
		t.Fatalf("got error %v and problems %+v, want none", err, probs)
	}
	if encoded(t, got) != encoded(t, want) {
		t.Errorf("got a different catalogue after decoding, want the same")
	}
}

func TestRoundTripByteIdentical(t *testing.T) {
	first := encoded(t, validCatalog(t))
	c, _, err := Decode(strings.NewReader(first))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if second := encoded(t, c); second != first {
		t.Errorf("got\n%s\nwant\n%s", second, first)
	}
	if strings.Contains(first, `\u0026`) || !strings.HasSuffix(first, "}\n") {
		t.Errorf("got output with escaped HTML or no final newline, want plain indented JSON")
	}
}

type problemKey struct {
	Row    int
	Column string
}

func TestDecodeProblems(t *testing.T) {
	tests := []struct {
		name  string
		input func(t *testing.T) string
		want  []problemKey
		text  string // a substring of the first message
	}{
		{"malformed JSON", func(t *testing.T) string { return "{\n  \"fields\": [\n    {\"code\": \"ho-tich\",}\n  ]\n}" },
			[]problemKey{{3, ""}}, "dòng 3"},
		{"empty file", func(t *testing.T) string { return "" }, []problemKey{{1, ""}}, "rỗng"},
		{"unknown key", func(t *testing.T) string { return "{\"fields\": [], \"procedures\": [], \"extra\": 1}" },
			[]problemKey{{1, "extra"}}, "extra"},
		{"wrong type", func(t *testing.T) string { return "{\"fields\": [], \"procedures\": [{\"deadline_days\": \"một\"}]}" },
			[]problemKey{{1, "procedures.deadline_days"}}, "Sai kiểu"},
		{"trailing data", func(t *testing.T) string { return "{\"fields\": [], \"procedures\": []} {}" }, []problemKey{{1, ""}}, "thừa"},
		{"every semantic problem", func(t *testing.T) string {
			c := validCatalog(t)
			c.Fields = append(c.Fields, Field{Code: "ho-tich", Name: "Hộ tịch (trùng)"})
			c.Procedures[1].Code = "1.001193"                 // duplicate of row 1
			c.Procedures[1].Process.Steps[1].Days = 2         // budgets do not add up
			c.Procedures[0].FieldCode = "chung-thuc"          // unknown field
			c.Procedures[0].Documents[0].Name = ""            // empty document name
			c.Offers[0].ProcedureCodes = []string{"9.999999"} // unknown procedure
			return encoded(t, c)
		}, []problemKey{
			{0, "fields[1].code"},
			{1, "documents[0].name"},
			{1, "field_code"},
			{2, "process.steps"},
			{2, "code"},
			{0, "offers[0].procedure_codes[0]"},
		}, "trùng"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, probs, err := Decode(strings.NewReader(tt.input(t)))
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("got error %v, want ErrInvalid", err)
			}
			if len(c.Procedures) != 0 || len(c.Fields) != 0 {
				t.Errorf("got a partly decoded catalogue, want an empty one")
			}
			var got []problemKey
			for _, p := range probs {
				got = append(got, problemKey{p.Row, p.Column})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got problems %+v, want %+v", probs, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("problem %d: got %+v, want %+v", i, got[i], tt.want[i])
				}
			}
			if !strings.Contains(probs[0].Message, tt.text) {
				t.Errorf("got message %q, want it to contain %q", probs[0].Message, tt.text)
			}
		})
	}
}

func TestDecodeSizeLimit(t *testing.T) {
	if MaxFileSize != 20<<20 {
		t.Errorf("got MaxFileSize %d, want 20 MiB", MaxFileSize)
	}
	const small = 1024
	doc := "{\"fields\": [], \"procedures\": []}"
	if _, probs, err := decode(strings.NewReader(doc+strings.Repeat(" ", small-len(doc))), small); err != nil {
		t.Fatalf("got %v %+v for a file at the limit, want no error", err, probs)
	}
	_, probs, err := decode(strings.NewReader(doc+strings.Repeat(" ", small)), small)
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("got error %v, want ErrInvalid", err)
	}
	if len(probs) != 1 || !strings.Contains(probs[0].Message, "20 MiB") {
		t.Errorf("got problems %+v, want one about the 20 MiB limit", probs)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestDecodeReadError(t *testing.T) {
	_, probs, err := Decode(failingReader{})
	if err == nil || errors.Is(err, ErrInvalid) {
		t.Errorf("got error %v, want an I/O error", err)
	}
	if len(probs) != 0 {
		t.Errorf("got problems %+v, want none", probs)
	}
}

func TestDecodeMessagesVietnamese(t *testing.T) {
	tests := []struct {
		input, want string
	}{
		{"{\n\"fields\": [}", "JSON không hợp lệ ở dòng 2 (byte 14): sai cú pháp."},
		{"{\"fields\": [], \"procedures\": [{\"fee_vnd\": 1.5}]}", "Sai kiểu dữ liệu ở dòng 1 (byte 45): cần số nguyên, gặp số."},
		{"{\"fields\": [{\"code\": 5}]}", "Sai kiểu dữ liệu ở dòng 1 (byte 22): cần chuỗi ký tự, gặp số."},
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			_, probs, _ := Decode(strings.NewReader(tt.input))
			if len(probs) != 1 || probs[0].Message != tt.want {
				t.Errorf("got %+v, want one problem %q", probs, tt.want)
			}
		})
	}
}
