package sheet

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"motcua/internal/catalog"
)

func demo(tb testing.TB) catalog.Catalog {
	tb.Helper()
	c, err := catalog.Demo()
	if err != nil {
		tb.Fatal(err)
	}
	c.Offers = []catalog.Offer{{UnitCode: "H40.12.05", ProcedureCodes: []string{c.Procedures[0].Code, c.Procedures[3].Code}}}
	return c
}

func encode(tb testing.TB, c catalog.Catalog) string {
	tb.Helper()
	var b bytes.Buffer
	if err := catalog.Encode(&b, c); err != nil {
		tb.Fatal(err)
	}
	return b.String()
}

func TestRoundTrip(t *testing.T) {
	c := demo(t)
	var buf bytes.Buffer
	if err := WriteCatalog(&buf, c); err != nil {
		t.Fatal(err)
	}
	got, probs, err := ReadCatalog(&buf)
	if err != nil || len(probs) > 0 {
		t.Fatalf("read: %v %v", err, probs[:min(3, len(probs))])
	}
	if a, b := encode(t, got), encode(t, c); a != b {
		t.Errorf("round trip differs: got %d bytes of JSON, want %d", len(a), len(b))
		for i := range c.Procedures {
			if !reflect.DeepEqual(got.Procedures[i], c.Procedures[i]) {
				t.Errorf("first difference at procedure %s:\ngot  %+v\nwant %+v", c.Procedures[i].Code, got.Procedures[i], c.Procedures[i])
				break
			}
		}
	}
}

// small is the demo catalogue cut to its first eight procedures, to keep the problem
// tests fast.
func small(tb testing.TB) catalog.Catalog {
	tb.Helper()
	c := demo(tb)
	c.Procedures = c.Procedures[:8]
	return c
}

// edit writes a workbook of c, applies fn to it and returns the file.
func edit(tb testing.TB, c catalog.Catalog, fn func(f *excelize.File)) *bytes.Buffer {
	tb.Helper()
	var buf bytes.Buffer
	if err := WriteCatalog(&buf, c); err != nil {
		tb.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		tb.Fatal(err)
	}
	fn(f)
	var out bytes.Buffer
	if _, err := f.WriteTo(&out); err != nil {
		tb.Fatal(err)
	}
	return &out
}

func TestReadProblems(t *testing.T) {
	c := small(t)
	tests := []struct {
		name   string
		change func(f *excelize.File)
		row    int
		column string
	}{
		{"deadline not a number", func(f *excelize.File) { f.SetCellValue(SheetProcedures, "F4", "ba ngày") }, 4, "Thủ tục!F"},
		{"unknown field", func(f *excelize.File) { f.SetCellValue(SheetProcedures, "C6", "khong-co") }, 6, "Thủ tục!C"},
		{"duplicate code", func(f *excelize.File) { f.SetCellValue(SheetProcedures, "A7", c.Procedures[0].Code) }, 7, "Thủ tục!A"},
		{"budgets do not add up", func(f *excelize.File) { f.SetCellValue(SheetProcess, "E3", 9) }, 2, "Quy trình!E"},
		{"bad role", func(f *excelize.File) { f.SetCellValue(SheetProcess, "D2", "thuky") }, 2, "Quy trình!D"},
		{"empty document name", func(f *excelize.File) { f.SetCellValue(SheetDocuments, "B5", "") }, 5, "Giấy tờ!B"},
		{"unknown procedure in fees", func(f *excelize.File) { f.SetCellValue(SheetFees, "A2", "9.999999") }, 2, "Phí!A"},
		{"bad fee kind", func(f *excelize.File) { f.SetCellValue(SheetFees, "E2", "trang") }, 2, "Phí!E"},
		{"exemption without basis", func(f *excelize.File) {
			f.SetCellValue(SheetFees, "E2", "exempt")
			f.SetCellValue(SheetFees, "C2", 0)
		}, 2, "Phí!H"},
		{"bad code kind", func(f *excelize.File) { f.SetCellValue(SheetProcedures, "S2", "tinh") }, 2, "Thủ tục!S"},
		{"offer of unknown procedure", func(f *excelize.File) { f.SetCellValue(SheetOffers, "B3", "9.999999") }, 3, "Đơn vị!B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, probs, err := ReadCatalog(edit(t, c, tt.change))
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Procedures) != 0 {
				t.Errorf("got %d procedures, want none when there are problems", len(got.Procedures))
			}
			if !slices.ContainsFunc(probs, func(p catalog.Problem) bool { return p.Row == tt.row && p.Column == tt.column }) {
				t.Errorf("got problems %+v, want one at row %d column %s", probs[:min(5, len(probs))], tt.row, tt.column)
			}
		})
	}
}

func TestReadNotAWorkbook(t *testing.T) {
	_, probs, err := ReadCatalog(strings.NewReader("không phải tệp Excel"))
	if err == nil || len(probs) != 1 || !strings.Contains(probs[0].Message, "Excel") {
		t.Errorf("got %v, %+v, want an error and one problem about Excel", err, probs)
	}
	_, probs, err = ReadCatalog(edit(t, small(t), func(f *excelize.File) { f.DeleteSheet(SheetProcedures) }))
	if err != nil || len(probs) != 1 || probs[0].Column != SheetProcedures {
		t.Errorf("missing sheet: got %v, %+v, want one problem naming the sheet", err, probs[:min(5, len(probs))])
	}
}

func TestDescribe(t *testing.T) {
	tests := []struct {
		in   catalog.Problem
		want string
	}{
		{catalog.Problem{Row: 5, Column: "Thủ tục!C", Message: "Sai."}, "Trang Thủ tục, dòng 5, cột C: Sai."},
		{catalog.Problem{Message: "Hỏng."}, "Hỏng."},
	}
	for _, tt := range tests {
		if got := Describe(tt.in); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
	if got := column(27); got != "AB" {
		t.Errorf("column(27): got %q, want AB", got)
	}
}
