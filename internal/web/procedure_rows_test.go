package web_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"motcua/internal/catalog"
	"motcua/internal/store/storetest"
)

var (
	inputRe    = regexp.MustCompile(`<input\b[^>]*>`)
	selectRe   = regexp.MustCompile(`(?s)<select\b[^>]*\bname="([^"]+)"[^>]*>(.*?)</select>`)
	optionRe   = regexp.MustCompile(`<option value="([^"]*)"( selected)?`)
	textareaRe = regexp.MustCompile(`(?s)<textarea\b[^>]*\bname="([^"]+)"[^>]*>(.*?)</textarea>`)
	attrRe     = regexp.MustCompile(`\b(name|value|type)="([^"]*)"|\b(checked)\b`)
)

// formValues reads the values a browser would submit from the form controls of a page:
// inputs (checkboxes and radios only when checked), the selected option of each select
// (the first when none is) and textareas.
func formValues(page string) url.Values {
	out := url.Values{}
	for _, tag := range inputRe.FindAllString(page, -1) {
		attrs := map[string]string{}
		for _, m := range attrRe.FindAllStringSubmatch(tag, -1) {
			if m[3] != "" {
				attrs["checked"] = "1"
			} else {
				attrs[m[1]] = html.UnescapeString(m[2])
			}
		}
		if attrs["name"] == "" || attrs["type"] == "submit" {
			continue
		}
		if (attrs["type"] == "checkbox" || attrs["type"] == "radio") && attrs["checked"] == "" {
			continue
		}
		out.Add(attrs["name"], attrs["value"])
	}
	for _, m := range selectRe.FindAllStringSubmatch(page, -1) {
		opts := optionRe.FindAllStringSubmatch(m[2], -1)
		if len(opts) == 0 {
			continue
		}
		v := opts[0][1]
		for _, o := range opts {
			if o[2] != "" {
				v = o[1]
			}
		}
		out.Add(m[1], html.UnescapeString(v))
	}
	for _, m := range textareaRe.FindAllStringSubmatch(page, -1) {
		out.Add(m[1], html.UnescapeString(strings.TrimPrefix(m[2], "\n")))
	}
	return out
}

// TestProcedureRows edits a procedure's documents, fee rules and e-form fields through
// the rows of the admin form: the form sent back unchanged keeps the procedure as it was,
// rows are added in the blank rows and removed by blanking their name, and a row the
// catalogue refuses is shown again with its message and the input kept.
func TestProcedureRows(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			ts := newCatalogServer(t, d)
			ctx := context.Background()
			admin := ts.browser(t)
			ts.signIn(t, admin, "admin")
			const path = "/quan-tri/thu-tuc/1.001193"
			before, err := ts.Store.Procedure(ctx, "1.001193")
			if err != nil {
				t.Fatal(err)
			}
			st, page := admin.get(path)
			if st != http.StatusOK {
				t.Fatalf("edit form: got %d", st)
			}
			if strings.Contains(page, `name="documents"`) || strings.Contains(page, `name="fees"`) || strings.Contains(page, `name="form_fields"`) {
				t.Error("edit form: want rows, not JSON text boxes")
			}
			for _, want := range []string{`name="doc.0.name"`, `name="doc.0.show_only"`, `name="fee.0.amount"`, `name="field.0.kind"`,
				`<option value="exempt" selected>Miễn phí, lệ phí</option>`, `<option value="select" selected>Chọn trong danh sách</option>`,
				"Cấp xã"} {
				if !strings.Contains(page, want) {
					t.Errorf("edit form: want %q", want)
				}
			}

			// Unchanged: the procedure round-trips.
			form := formValues(page)
			if st, loc, body := admin.post(path, form); st != http.StatusSeeOther {
				t.Fatalf("save unchanged: got %d %q; page %.600s", st, loc, body)
			}
			after, _ := ts.Store.Procedure(ctx, "1.001193")
			if !reflect.DeepEqual(after.Documents, before.Documents) || !reflect.DeepEqual(after.Fees, before.Fees) ||
				!reflect.DeepEqual(after.FormFields, before.FormFields) {
				t.Fatalf("round trip changed the lists:\ndocs %+v\nwant %+v\nfees %+v\nwant %+v\nfields %+v\nwant %+v",
					after.Documents, before.Documents, after.Fees, before.Fees, after.FormFields, before.FormFields)
			}

			// Add a row to each list in its first blank row, remove the first document.
			nd, nf, nff := len(before.Documents), len(before.Fees), len(before.FormFields)
			form = formValues(page)
			set := func(prefix string, i int, kv map[string]string) {
				for k, v := range kv {
					form.Set(prefix+"."+strconv.Itoa(i)+"."+k, v)
				}
			}
			set("doc", 0, map[string]string{"name": ""})
			set("doc", nd, map[string]string{"name": "Sổ hộ khẩu", "originals": "1", "show_only": "1", "note": "Chỉ xuất trình để đối chiếu"})
			set("fee", nf, map[string]string{"case": "Trẻ em mồ côi (thử nghiệm)", "kind": "exempt", "amount": "0", "legal_basis": "Luật Hộ tịch, Điều 11"})
			set("field", nff, map[string]string{"name": "ngon_ngu", "label": "Ngôn ngữ", "kind": "select", "required": "1", "options": "Tiếng Việt\r\nTiếng Tày\r\nTiếng Thái"})
			if st, loc, body := admin.post(path, form); st != http.StatusSeeOther {
				t.Fatalf("save with new rows: got %d %q; errors %q", st, loc, regexp.MustCompile(`field-error">[^<]*`).FindAllString(body, -1))
			}
			after, _ = ts.Store.Procedure(ctx, "1.001193")
			wantDocs := append(append([]catalog.Document{}, before.Documents[1:]...),
				catalog.Document{Name: "Sổ hộ khẩu", Originals: 1, ShowOnly: true, Note: "Chỉ xuất trình để đối chiếu"})
			if !reflect.DeepEqual(after.Documents, wantDocs) {
				t.Errorf("documents: got %+v, want %+v", after.Documents, wantDocs)
			}
			if len(after.Fees) != nf+1 || after.Fees[nf] != (catalog.Fee{Case: "Trẻ em mồ côi (thử nghiệm)", Kind: catalog.FeeExempt, LegalBasis: "Luật Hộ tịch, Điều 11"}) {
				t.Errorf("fees: got %+v, want the new exemption last", after.Fees)
			}
			if len(after.FormFields) != nff+1 || !reflect.DeepEqual(after.FormFields[nff], catalog.FormField{Name: "ngon_ngu", Label: "Ngôn ngữ",
				Kind: catalog.KindSelect, Required: true, Options: []string{"Tiếng Việt", "Tiếng Tày", "Tiếng Thái"}}) {
				t.Errorf("form fields: got %+v, want the new select last", after.FormFields)
			}

			// Bad rows: each message next to its row, the input kept, nothing saved.
			_, page = admin.get(path)
			form = formValues(page)
			set("doc", 0, map[string]string{"originals": "", "certified": "", "copies": ""})
			set("doc", 1, map[string]string{"copies": "hai"})
			set("field", nff+1, map[string]string{"name": "ton_giao", "label": "Tôn giáo", "kind": "select"})
			st, _, body := admin.post(path, form)
			if st != http.StatusBadRequest {
				t.Fatalf("bad rows: got %d, want 400", st)
			}
			for _, want := range []string{"Bản sao: Phải là số nguyên không âm.", `name="doc.1.copies" value="hai"`, `value="ton_giao"`,
				"Các lựa chọn: Trường kiểu select phải có ít nhất một lựa chọn.", `aria-invalid="true"`} {
				if !strings.Contains(body, want) {
					t.Errorf("bad rows page: want %q", want)
				}
			}
			form.Set("doc.1.copies", "2")
			st, _, body = admin.post(path, form)
			if st != http.StatusBadRequest || !strings.Contains(body, "Phải có ít nhất một bản") {
				t.Errorf("document without copies: got %d, want 400 with the catalogue's message", st)
			}
			if i := strings.Index(body, "Phải có ít nhất một bản"); i >= 0 && !strings.Contains(body[max(0, i-2500):i], `name="doc.0.`) {
				t.Error("the document's message is not next to its row")
			}
			if now, _ := ts.Store.Procedure(ctx, "1.001193"); !reflect.DeepEqual(now.Documents, after.Documents) || !reflect.DeepEqual(now.FormFields, after.FormFields) {
				t.Error("a refused form changed the procedure")
			}

			// A new procedure: its first process is typed as step rows too.
			_, page = admin.get("/quan-tri/thu-tuc/moi")
			if strings.Contains(page, `name="steps"`) || !strings.Contains(page, `name="step_name"`) {
				t.Error("new procedure form: want step rows, not a JSON box")
			}
			form = formValues(page)
			for k, v := range map[string]string{"code": "XA-THU-001", "code_kind": "local", "code_note": "Thủ tục thử nghiệm", "name": "Thủ tục thử nghiệm",
				"deadline_days": "3", "result": "Văn bản trả lời", "legal_basis": "Quyết định thử nghiệm", "agency": "UBND cấp xã",
				"doc.0.name": "Đơn đề nghị", "doc.0.originals": "1"} {
				form.Set(k, v)
			}
			form["step_name"] = []string{"Tiếp nhận", "Thẩm định", "Phê duyệt", ""}
			form["step_role"] = []string{"motcua", "chuyenvien", "lanhdao", "motcua"}
			form["step_days"] = []string{"0,5", "hai", "0,5", ""}
			st, _, body = admin.post("/quan-tri/thu-tuc", form)
			if st != http.StatusBadRequest || !strings.Contains(body, "Số ngày phải là một số") || !strings.Contains(body, `name="step_days" value="hai"`) {
				t.Errorf("new procedure with bad days: got %d, want 400 with the message and the input kept", st)
			}
			form["step_days"] = []string{"0,5", "2", "0,5", ""}
			if st, loc, body := admin.post("/quan-tri/thu-tuc", form); st != http.StatusSeeOther {
				t.Fatalf("new procedure: got %d %q; errors %q", st, loc, regexp.MustCompile(`field-error">[^<]*`).FindAllString(body, -1))
			}
			created, err := ts.Store.Procedure(ctx, "XA-THU-001")
			if err != nil || len(created.Process.Steps) != 3 || created.Process.Steps[1] != (catalog.Step{Name: "Thẩm định", Role: catalog.RoleSpecialist, Days: 2}) ||
				len(created.Documents) != 1 {
				t.Errorf("new procedure: got %+v (%v), want three steps and one document", created, err)
			}
		})
	}
}
