package admin

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"motcua/internal/catalog"
)

// The lists of a procedure — its documents, fee rules and e-form fields — are edited as
// repeated rows of inputs named "<list>.<row>.<field>" (doc.0.name, fee.2.amount). A row
// whose name is blank is left out, which is how a row is removed; a few blank rows are
// offered to add new ones. The catalogue (catalog.Procedure.Validate) stays the only rule:
// its messages, addressed by path ("documents[2].name"), are shown next to the row they
// name.

// blankRows is how many empty rows each list offers.
const blankRows = 3

// rowErrs are the messages of one row: by field ("" for the row as a whole).
type rowErrs map[string]string

// Messages lists the row's messages, each with its field's Vietnamese name.
func (e rowErrs) messages(labels map[string]string) []string {
	keys := make([]string, 0, len(e))
	for k := range e {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if l := labels[k]; l != "" {
			out = append(out, l+": "+e[k])
		} else {
			out = append(out, e[k])
		}
	}
	return out
}

// docRow is one document (thành phần hồ sơ) as typed.
type docRow struct {
	Name, Originals, Certified, Copies, Template, Note string
	ShowOnly                                           bool
	Err                                                rowErrs
	Messages                                           []string
}

// feeRow is one fee rule as typed.
type feeRow struct {
	Case, Kind, Amount, FromPage, MaxPerCopy, LegalBasis, Note string
	Err                                                        rowErrs
	Messages                                                   []string
}

// fieldRow is one e-form field as typed; Options holds one choice a line.
type fieldRow struct {
	Name, Label, Kind, Options string
	Required                   bool
	Err                        rowErrs
	Messages                   []string
}

var (
	docLabels = map[string]string{"name": "Tên giấy tờ", "originals": "Bản chính", "certified": "Bản sao chứng thực",
		"copies": "Bản sao", "template": "Mẫu đơn, tờ khai", "note": "Ghi chú", "show_only": "Chỉ xuất trình"}
	feeLabels = map[string]string{"case": "Trường hợp", "kind": "Cách tính", "amount_vnd": "Số tiền",
		"from_page": "Từ trang", "max_per_copy_vnd": "Tối đa mỗi bản", "legal_basis": "Căn cứ", "note": "Ghi chú"}
	fieldLabels = map[string]string{"name": "Tên trường", "label": "Nhãn", "kind": "Kiểu", "options": "Các lựa chọn"}
)

// FeeKinds are the fee rule kinds offered, with their Vietnamese names.
var feeKinds = []struct{ Value, Label string }{
	{"", "Mỗi hồ sơ, mỗi trường hợp"}, {string(catalog.FeePerCopy), "Mỗi bản"},
	{string(catalog.FeePerPage), "Mỗi trang"}, {string(catalog.FeeExempt), "Miễn phí, lệ phí"},
}

// fieldKinds are the e-form field kinds offered, with their Vietnamese names.
var fieldKinds = []struct{ Value, Label string }{
	{string(catalog.KindText), "Một dòng chữ"}, {string(catalog.KindTextarea), "Đoạn văn"},
	{string(catalog.KindDate), "Ngày"}, {string(catalog.KindNumber), "Số"}, {string(catalog.KindSelect), "Chọn trong danh sách"},
}

func count(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func money(n int64) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}

func docRows(ds []catalog.Document) []docRow {
	out := make([]docRow, 0, len(ds)+blankRows)
	for _, d := range ds {
		out = append(out, docRow{Name: d.Name, Originals: count(d.Originals), Certified: count(d.Certified), Copies: count(d.Copies),
			Template: d.Template, Note: d.Note, ShowOnly: d.ShowOnly})
	}
	return out
}

func feeRows(fs []catalog.Fee) []feeRow {
	out := make([]feeRow, 0, len(fs)+blankRows)
	for _, f := range fs {
		kind := string(f.Kind)
		if f.Kind == catalog.FeePerCase {
			kind = ""
		}
		amount := strconv.FormatInt(f.AmountVND, 10)
		out = append(out, feeRow{Case: f.Case, Kind: kind, Amount: amount, FromPage: count(f.FromPage),
			MaxPerCopy: money(f.MaxPerCopyVND), LegalBasis: f.LegalBasis, Note: f.Note})
	}
	return out
}

func fieldRows(fs []catalog.FormField) []fieldRow {
	out := make([]fieldRow, 0, len(fs)+blankRows)
	for _, f := range fs {
		out = append(out, fieldRow{Name: f.Name, Label: f.Label, Kind: string(f.Kind), Required: f.Required,
			Options: strings.Join(f.Options, "\n")})
	}
	return out
}

// rowIndices returns the row numbers posted under prefix, in order.
func rowIndices(form url.Values, prefix string) []int {
	seen := map[int]bool{}
	for k := range form {
		rest, ok := strings.CutPrefix(k, prefix+".")
		if !ok {
			continue
		}
		n, _, ok := strings.Cut(rest, ".")
		if i, err := strconv.Atoi(n); ok && err == nil && i >= 0 && i < 1000 {
			seen[i] = true
		}
	}
	out := make([]int, 0, len(seen))
	for i := range seen {
		out = append(out, i)
	}
	sort.Ints(out)
	return out
}

// rowReader reads the fields of one posted row and records what cannot be read under the
// catalogue's path of the kept row.
type rowReader struct {
	form   url.Values
	prefix string
	i      int
	path   string
	errs   map[string]string
}

func (r rowReader) text(k string) string {
	v := strings.ReplaceAll(r.form.Get(fmt.Sprintf("%s.%d.%s", r.prefix, r.i, k)), "\r\n", "\n")
	return strings.TrimSpace(v)
}

func (r rowReader) on(k string) bool { return r.text(k) != "" }

// whole reads a whole number; blank is 0.
func (r rowReader) whole(raw, key string) int64 {
	s := strings.NewReplacer(".", "", " ", "").Replace(raw)
	if s == "" {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > 1<<40 {
		r.errs[r.path+"."+key] = "Phải là số nguyên không âm."
	}
	return n
}

// documentsFromForm reads the document rows; rows with a blank name are left out.
func documentsFromForm(form url.Values, errs map[string]string) ([]docRow, []catalog.Document) {
	var rows []docRow
	var out []catalog.Document
	for _, i := range rowIndices(form, "doc") {
		r := rowReader{form: form, prefix: "doc", i: i, path: fmt.Sprintf("documents[%d]", len(out)), errs: errs}
		row := docRow{Name: r.text("name"), Originals: r.text("originals"), Certified: r.text("certified"), Copies: r.text("copies"),
			Template: r.text("template"), Note: r.text("note"), ShowOnly: r.on("show_only")}
		if row.Name == "" {
			continue
		}
		rows = append(rows, row)
		out = append(out, catalog.Document{Name: row.Name, Originals: int(r.whole(row.Originals, "originals")),
			Certified: int(r.whole(row.Certified, "certified")), Copies: int(r.whole(row.Copies, "copies")),
			Template: row.Template, Note: row.Note, ShowOnly: row.ShowOnly})
	}
	return rows, out
}

// feesFromForm reads the fee rows; rows with a blank case are left out.
func feesFromForm(form url.Values, errs map[string]string) ([]feeRow, []catalog.Fee) {
	var rows []feeRow
	var out []catalog.Fee
	for _, i := range rowIndices(form, "fee") {
		r := rowReader{form: form, prefix: "fee", i: i, path: fmt.Sprintf("fees[%d]", len(out)), errs: errs}
		row := feeRow{Case: r.text("case"), Kind: r.text("kind"), Amount: r.text("amount"), FromPage: r.text("from_page"),
			MaxPerCopy: r.text("max_per_copy"), LegalBasis: r.text("legal_basis"), Note: r.text("note")}
		if row.Case == "" {
			continue
		}
		rows = append(rows, row)
		out = append(out, catalog.Fee{Case: row.Case, Kind: catalog.FeeKind(row.Kind), AmountVND: r.whole(row.Amount, "amount_vnd"),
			FromPage: int(r.whole(row.FromPage, "from_page")), MaxPerCopyVND: r.whole(row.MaxPerCopy, "max_per_copy_vnd"),
			LegalBasis: row.LegalBasis, Note: row.Note})
	}
	return rows, out
}

// formFieldsFromForm reads the e-form field rows; rows with a blank name are left out.
func formFieldsFromForm(form url.Values) ([]fieldRow, []catalog.FormField) {
	var rows []fieldRow
	var out []catalog.FormField
	for _, i := range rowIndices(form, "field") {
		r := rowReader{form: form, prefix: "field", i: i}
		row := fieldRow{Name: r.text("name"), Label: r.text("label"), Kind: r.text("kind"), Options: r.text("options"),
			Required: r.on("required")}
		if row.Name == "" {
			continue
		}
		rows = append(rows, row)
		f := catalog.FormField{Name: row.Name, Label: row.Label, Kind: catalog.FormFieldKind(row.Kind), Required: row.Required}
		for _, o := range strings.Split(row.Options, "\n") {
			if o = strings.TrimSpace(o); o != "" {
				f.Options = append(f.Options, o)
			}
		}
		out = append(out, f)
	}
	return rows, out
}

// rowPath matches the catalogue's path of a value in a list row.
var rowPath = regexp.MustCompile(`^(documents|fees|form_fields)\[(\d+)\](?:\.([a-z_]+))?`)

// placeRowErrors moves each message about a row of a list onto that row and returns the
// others (about the procedure's own fields, or a list as a whole).
func (f *procedureForm) placeRowErrors(errs map[string]string) map[string]string {
	rest := map[string]string{}
	for path, msg := range errs {
		m := rowPath.FindStringSubmatch(path)
		if m == nil {
			rest[path] = msg
			continue
		}
		i, _ := strconv.Atoi(m[2])
		var target *rowErrs
		switch {
		case m[1] == "documents" && i < len(f.Docs):
			target = &f.Docs[i].Err
		case m[1] == "fees" && i < len(f.FeeRows):
			target = &f.FeeRows[i].Err
		case m[1] == "form_fields" && i < len(f.FieldRows):
			target = &f.FieldRows[i].Err
		}
		if target == nil {
			rest[path] = msg
			continue
		}
		if *target == nil {
			*target = rowErrs{}
		}
		if old := (*target)[m[3]]; old != "" && old != msg {
			msg = old + " " + msg
		}
		(*target)[m[3]] = msg
	}
	for i := range f.Docs {
		f.Docs[i].Messages = f.Docs[i].Err.messages(docLabels)
	}
	for i := range f.FeeRows {
		f.FeeRows[i].Messages = f.FeeRows[i].Err.messages(feeLabels)
	}
	for i := range f.FieldRows {
		f.FieldRows[i].Messages = f.FieldRows[i].Err.messages(fieldLabels)
	}
	return rest
}

// withBlankRows adds the empty rows offered for new entries.
func (f *procedureForm) withBlankRows() {
	for range blankRows {
		f.Docs = append(f.Docs, docRow{})
		f.FeeRows = append(f.FeeRows, feeRow{})
		f.FieldRows = append(f.FieldRows, fieldRow{Kind: string(catalog.KindText)})
	}
}
