package catalog

import (
	"strings"
	"testing"
)

// validProcedure returns a small procedure that passes validation.
func validProcedure(tb testing.TB) Procedure {
	tb.Helper()
	return Procedure{
		Code:           "1.001193",
		Name:           "Đăng ký khai sinh",
		FieldCode:      "ho-tich",
		Levels:         []string{LevelCommune},
		Online:         OnlineFull,
		DeadlineDays:   1,
		DeadlineMode:   DeadlineWorking,
		SupplementRule: SupplementPause,
		Documents:      []Document{{Name: "Tờ khai đăng ký khai sinh", Originals: 1}},
		FormFields: []FormField{
			{Name: "ho_ten_tre", Label: "Họ, chữ đệm và tên của trẻ", Kind: KindText, Required: true},
			{Name: "gioi_tinh", Label: "Giới tính", Kind: KindSelect, Options: []string{"Nam", "Nữ"}},
		},
		Result:     "Giấy khai sinh",
		LegalBasis: "Luật Hộ tịch số 60/2014/QH13",
		Agency:     "Ủy ban nhân dân cấp xã",
		Process: Process{Version: 1, Steps: []Step{
			{Name: "Tiếp nhận", Role: RoleDesk, Days: 0.125},
			{Name: "Thẩm định", Role: RoleSpecialist, Days: 0.5},
			{Name: "Ký duyệt", Role: RoleLeader, Days: 0.25},
			{Name: "Trả kết quả", Role: RoleDesk, Days: 0.125},
		}},
	}
}

func TestProcedureValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(p *Procedure)
		path   string // "" means valid
	}{
		{"valid", func(p *Procedure) {}, ""},
		{"local code", func(p *Procedure) { p.Code = "XA-HT-015" }, ""},
		{"bad code", func(p *Procedure) { p.Code = "khai sinh" }, "code"},
		{"national-looking but short", func(p *Procedure) { p.Code = "1.0011" }, ""}, // matches the local pattern
		{"lower-case local code", func(p *Procedure) { p.Code = "xa-ht-1" }, "code"},
		{"empty name", func(p *Procedure) { p.Name = "" }, "name"},
		{"name too long", func(p *Procedure) { p.Name = strings.Repeat("ă", 501) }, "name"},
		{"name with control char", func(p *Procedure) { p.Name = "Đăng ký\tkhai sinh" }, "name"},
		{"name in NFD", func(p *Procedure) { p.Name = "Đăng ky\u0301 khai sinh" }, "name"},
		{"name with spaces around", func(p *Procedure) { p.Name = " Đăng ký khai sinh" }, "name"},
		{"bad field code", func(p *Procedure) { p.FieldCode = "Hộ tịch" }, "field_code"},
		{"no level", func(p *Procedure) { p.Levels = nil }, "levels"},
		{"unknown level", func(p *Procedure) { p.Levels = []string{"thon"} }, "levels[0]"},
		{"bad online", func(p *Procedure) { p.Online = "muc4" }, "online"},
		{"zero deadline", func(p *Procedure) { p.DeadlineDays = 0 }, "deadline_days"},
		{"online deadline longer", func(p *Procedure) { p.OnlineDeadlineDays = 2 }, "online_deadline_days"},
		{"online deadline shorter", func(p *Procedure) { p.OnlineDeadlineDays = 0.5 }, ""},
		{"bad mode", func(p *Procedure) { p.DeadlineMode = "hours" }, "deadline_mode"},
		{"same day", func(p *Procedure) { p.DeadlineMode, p.DeadlineDays = DeadlineSameDay, 0 }, ""},
		{"same day with days", func(p *Procedure) { p.DeadlineMode = DeadlineSameDay }, "deadline_days"},
		{"same day with an online deadline", func(p *Procedure) {
			p.DeadlineMode, p.DeadlineDays, p.OnlineDeadlineDays = DeadlineSameDay, 0, 0.5
		}, "online_deadline_days"},
		{"same day with steps over a day", func(p *Procedure) {
			p.DeadlineMode, p.DeadlineDays = DeadlineSameDay, 0
			p.Process.Steps[1].Days = 2
		}, "process.steps"},
		{"calendar days not whole", func(p *Procedure) {
			p.DeadlineMode = DeadlineCalendar
			p.DeadlineDays = 0.5
			p.Process.Steps = []Step{{Name: "Xử lý", Role: RoleSpecialist, Days: 0.5}}
		}, "deadline_days"},
		{"bad supplement rule", func(p *Procedure) { p.SupplementRule = "" }, "supplement_rule"},
		{"negative fee", func(p *Procedure) { p.FeeVND = -1 }, "fee_vnd"},
		{"fee case empty", func(p *Procedure) { p.Fees = []Fee{{AmountVND: 1000}} }, "fees[0].case"},
		{"fee amount negative", func(p *Procedure) { p.Fees = []Fee{{Case: "Quá hạn", AmountVND: -5}} }, "fees[0].amount_vnd"},
		{"document name empty", func(p *Procedure) { p.Documents = append(p.Documents, Document{Copies: 1}) }, "documents[1].name"},
		{"document without copies", func(p *Procedure) { p.Documents[0].Originals = 0 }, "documents[0]"},
		{"show-only copy", func(p *Procedure) { p.Documents[0] = Document{Name: "CCCD", Copies: 1, ShowOnly: true} }, "documents[0].show_only"},
		{"form field bad name", func(p *Procedure) { p.FormFields[0].Name = "Họ tên" }, "form_fields[0].name"},
		{"form field duplicate", func(p *Procedure) { p.FormFields[1].Name = "ho_ten_tre" }, "form_fields[1].name"},
		{"form field bad kind", func(p *Procedure) { p.FormFields[0].Kind = "checkbox" }, "form_fields[0].kind"},
		{"select without options", func(p *Procedure) { p.FormFields[1].Options = nil }, "form_fields[1].options"},
		{"text with options", func(p *Procedure) { p.FormFields[0].Options = []string{"a"} }, "form_fields[0].options"},
		{"no result", func(p *Procedure) { p.Result = "" }, "result"},
		{"multi-line steps text", func(p *Procedure) { p.StepsText = "Bước 1: Nộp hồ sơ.\nBước 2: Nhận kết quả." }, ""},
		{"budgets short", func(p *Procedure) { p.Process.Steps[1].Days = 0.25 }, "process.steps"},
		{"unknown role", func(p *Procedure) { p.Process.Steps[0].Role = "vanthu" }, "process.steps[0].role"},
		{"calendar deadline holds fewer working days", func(p *Procedure) { p.DeadlineMode = DeadlineCalendar; p.DeadlineDays = 2 }, ""},
		{"calendar deadline exceeded", func(p *Procedure) { p.DeadlineMode = DeadlineCalendar; p.DeadlineDays = 0.5 }, "process.steps"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := validProcedure(t)
			tt.change(&p)
			errs := p.Validate()
			if tt.path == "" {
				if len(errs) != 0 {
					t.Fatalf("got errors %v, want none", errs)
				}
				return
			}
			if _, ok := errs.Map()[tt.path]; !ok {
				t.Errorf("got errors %v, want one at %q", errs, tt.path)
			}
		})
	}
}

func TestFieldErrorsMessagesVietnamese(t *testing.T) {
	p := validProcedure(t)
	p.Name = ""
	errs := p.Validate()
	if len(errs) != 1 {
		t.Fatalf("got %d errors, want 1", len(errs))
	}
	if got, want := errs[0].Message, "Không được để trống."; got != want {
		t.Errorf("got message %q, want %q", got, want)
	}
	if got, want := errs.Error(), "name: Không được để trống."; got != want {
		t.Errorf("got Error() %q, want %q", got, want)
	}
}

func TestValidCode(t *testing.T) {
	tests := []struct {
		code     string
		valid    bool
		national bool
	}{
		{"1.001193", true, true},
		{"2.000815", true, true},
		{"XA-HT-015", true, false},
		{"HN.12-3", true, false},
		{"1.00119", true, false},
		{"", false, false},
		{"ab", false, false},
		{"XA HT", false, false},
		{strings.Repeat("A", 33), false, false},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			if got := ValidCode(tt.code); got != tt.valid {
				t.Errorf("ValidCode(%q): got %v, want %v", tt.code, got, tt.valid)
			}
			if got := IsNationalCode(tt.code); got != tt.national {
				t.Errorf("IsNationalCode(%q): got %v, want %v", tt.code, got, tt.national)
			}
		})
	}
}
