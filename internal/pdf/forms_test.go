package pdf

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"motcua/internal/fault"
)

// writers returns a writer for every form over the dossier d, issued two days after receipt.
func writers(tb testing.TB, d Dossier) map[FormKind]func(io.Writer) error {
	tb.Helper()
	u := tanHoa()
	issued := d.ReceivedAt.Add(48 * time.Hour)
	return map[FormKind]func(io.Writer) error{
		FormReceipt: func(w io.Writer) error { return WriteReceipt(w, Receipt{Unit: u, Dossier: d}) },
		FormSupplement: func(w io.Writer) error {
			return WriteSupplement(w, Supplement{Unit: u, Dossier: d, Date: issued,
				Items:   []Doc{{Name: "Giấy chứng nhận kết hôn của cha, mẹ", Certified: 1}},
				Reason:  "Bản sao giấy chứng nhận kết hôn chưa được chứng thực.",
				Contact: "công chức Tư pháp - Hộ tịch, số điện thoại 0263 3876 123"})
		},
		FormRefusal: func(w io.Writer) error {
			return WriteRefusal(w, Refusal{Unit: u, Dossier: d, Date: issued,
				Reason: "Thủ tục thuộc thẩm quyền cấp tỉnh.", CompetentBody: "Sở Tư pháp tỉnh Lâm Đồng"})
		},
		FormApology: func(w io.Writer) error {
			return WriteApology(w, Apology{Unit: u, Dossier: d, Date: issued, PreviousDue: d.DueAt,
				NewDue: d.DueAt.Add(72 * time.Hour), Reason: "Cần xác minh thông tin với cơ quan khác.",
				SignerTitle: "Chủ tịch", Signer: "Lê Văn Cường"})
		},
		FormStop: func(w io.Writer) error {
			return WriteStop(w, Stop{Unit: u, Dossier: d, Date: issued, Reason: "Người nộp hồ sơ đề nghị dừng giải quyết.",
				SignerTitle: "Chủ tịch", Signer: "Lê Văn Cường"})
		},
		FormControl: func(w io.Writer) error {
			return WriteControl(w, Control{Unit: u, Dossier: d, Handovers: []Handover{
				{From: "Bộ phận Một cửa", To: "Công chức Tư pháp - Hộ tịch", At: d.ReceivedAt, Due: d.DueAt,
					Done: d.DueAt.Add(-time.Hour), Result: ResultEarly},
				{From: "Công chức Tư pháp - Hộ tịch", To: "Bộ phận Một cửa", At: d.DueAt.Add(-time.Hour), Result: ResultOnTime},
			}})
		},
		FormBook: func(w io.Writer) error {
			return WriteBook(w, Book{Unit: u, From: d.ReceivedAt.Add(-24 * time.Hour), To: d.ReceivedAt,
				Rows: []BookRow{{Code: d.Code, ProcedureName: d.ProcedureName, Sets: 1, ApplicantName: d.Applicant.Name,
					Address: d.Applicant.Address, Phone: d.Applicant.Phone, ReceivedAt: d.ReceivedAt, DueAt: d.DueAt}}})
		},
	}
}

func TestFormsText(t *testing.T) {
	dates := []struct {
		name, received, due string
	}{
		{"2018 rules", "2025-03-03 10:00", "2025-03-06 10:00"},
		{"2025 rules", "2026-04-29 10:00", "2026-05-04 10:00"},
	}
	for _, dt := range dates {
		d := dossier(t, dt.received, dt.due)
		rules := RulesAt(d.ReceivedAt)
		for kind, write := range writers(t, d) {
			t.Run(dt.name+"/"+string(kind), func(t *testing.T) {
				t.Parallel()
				var buf bytes.Buffer
				err := write(&buf)
				form, ferr := rules.Form(kind)
				if ferr != nil { // the stop notice before 2025
					if fault.CodeOf(err) != fault.Invalid {
						t.Fatalf("got error %v, want an Invalid error", err)
					}
					return
				}
				if err != nil {
					t.Fatalf("got error %v, want none", err)
				}
				saveSample(t, rules.Name+"-"+string(kind), buf.Bytes())
				text := pdfText(t, buf.Bytes())
				basis, _ := rules.Basis(kind)
				want := []string{strings.ToUpper(form.Title), basis, d.Code, d.Applicant.Name}
				for _, w := range want {
					if !strings.Contains(text, w) {
						t.Errorf("got text without %q; text: %s", w, text)
					}
				}
			})
		}
	}
}

func TestReceiptContent(t *testing.T) {
	var buf bytes.Buffer
	d := dossier(t, "2026-04-29 10:00", "2026-05-04 10:00")
	d.DeadlineDays = 0.5
	if err := WriteReceipt(&buf, Receipt{Unit: tanHoa(), Dossier: d}); err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, buf.Bytes())
	if len(pages) != 4 {
		t.Fatalf("pages: got %d, want 4", len(pages))
	}
	checks := []struct {
		page int
		want string
	}{
		{0, "Liên 1: Lưu tại Bộ phận Một cửa"},
		{0, "5. Thời gian trả kết quả giải quyết hồ sơ: 10 giờ 00 phút, ngày 04 tháng 05 năm 2026"},
		{0, "4. Thời gian nhận hồ sơ: 10 giờ 00 phút, ngày 29 tháng 04 năm 2026"},
		{0, "0,5 ngày làm việc"},
		{0, "50.000 đồng"},
		{0, "Quét mã để tra cứu tình trạng hồ sơ"},
		{0, "Mã tra cứu: K7Q2M9"},
		{0, "NGƯỜI NỘP HỒ SƠ"},
		{0, "NGƯỜI TIẾP NHẬN HỒ SƠ"},
		{1, "Đường dây nóng: 0263 3876 123"},
		{1, "https://tanhoa.gov.vn/phan-anh"},
		{1, "motcua@tanhoa.gov.vn"},
		{2, "Liên 2: Giao người nộp hồ sơ"},
		{2, "10 giờ 00 phút, ngày 04 tháng 05 năm 2026"},
		{3, "Đường dây nóng: 0263 3876 123"},
	}
	for _, c := range checks {
		if !strings.Contains(pages[c.page], c.want) {
			t.Errorf("page %d: got text without %q", c.page+1, c.want)
		}
	}
	if got := imageDraws(t, buf.Bytes()); got[0] != 1 || got[2] != 1 {
		t.Errorf("QR codes per page: got %v, want one on each front", got)
	}
}

func TestReceipt2018Basis(t *testing.T) {
	var buf bytes.Buffer
	d := dossier(t, "2025-03-01 08:30", "2025-03-05 08:30")
	if err := WriteReceipt(&buf, Receipt{Unit: tanHoa(), Dossier: d}); err != nil {
		t.Fatal(err)
	}
	want := "Mẫu số 01 – Ban hành kèm theo Thông tư số 01/2018/TT-VPCP"
	if text := pdfText(t, buf.Bytes()); !strings.Contains(text, want) {
		t.Errorf("got text without %q", want)
	}
}

func TestValidation(t *testing.T) {
	good := dossier(t, "2026-04-29 10:00", "2026-05-04 10:00")
	noCode := good
	noCode.Code = " "
	noTime := good
	noTime.ReceivedAt = time.Time{}
	noDue := good
	noDue.DueAt = time.Time{}
	tests := []struct {
		name  string
		write func(io.Writer) error
		field string
	}{
		{"receipt without code", func(w io.Writer) error { return WriteReceipt(w, Receipt{Dossier: noCode}) }, "code"},
		{"receipt without receipt time", func(w io.Writer) error { return WriteReceipt(w, Receipt{Dossier: noTime}) }, "received_at"},
		{"receipt without appointment", func(w io.Writer) error { return WriteReceipt(w, Receipt{Dossier: noDue}) }, "due_at"},
		{"supplement without items", func(w io.Writer) error {
			return WriteSupplement(w, Supplement{Dossier: good, Date: good.ReceivedAt})
		}, "items"},
		{"refusal without date", func(w io.Writer) error { return WriteRefusal(w, Refusal{Dossier: good, Reason: "x"}) }, "date"},
		{"apology moving the date back", func(w io.Writer) error {
			return WriteApology(w, Apology{Dossier: good, Date: good.ReceivedAt, PreviousDue: good.DueAt,
				NewDue: good.DueAt.Add(-time.Hour), Reason: "x"})
		}, "new_due"},
		{"stop without reason", func(w io.Writer) error { return WriteStop(w, Stop{Dossier: good, Date: good.ReceivedAt}) }, "reason"},
		{"control with unknown result", func(w io.Writer) error {
			return WriteControl(w, Control{Dossier: good, Handovers: []Handover{{From: "A", To: "B", At: good.ReceivedAt, Result: "Sớm"}}})
		}, "handovers.0"},
		{"book without period", func(w io.Writer) error { return WriteBook(w, Book{}) }, "from"},
		{"posting item without code", func(w io.Writer) error {
			return WritePostingSheet(w, PostingSheet{Items: []PostedProcedure{{Name: "Đăng ký khai sinh"}}})
		}, "items.0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.write(io.Discard)
			e := fault.As(err)
			if e == nil || e.Code != fault.Invalid {
				t.Fatalf("got %v, want an Invalid error", err)
			}
			if _, ok := e.Fields[tt.field]; !ok {
				t.Errorf("fields: got %v, want one for %q", e.Fields, tt.field)
			}
		})
	}
}

func TestStopBefore2025(t *testing.T) {
	d := dossier(t, "2025-06-30 16:00", "2025-07-03 16:00")
	err := WriteStop(io.Discard, Stop{Dossier: d, Date: d.ReceivedAt, Reason: "Người nộp đề nghị dừng."})
	if got := fault.CodeOf(err); got != fault.Invalid {
		t.Fatalf("got %v, want an Invalid error", err)
	}
}

func BenchmarkWriteReceipt(b *testing.B) {
	r := Receipt{Unit: tanHoa(), Dossier: dossier(b, "2026-04-29 10:00", "2026-05-04 10:00")}
	for b.Loop() {
		if err := WriteReceipt(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}
