package pdf

import (
	"strings"
	"testing"
	"time"

	"motcua/internal/fault"
)

func TestRulesAt(t *testing.T) {
	tests := []struct {
		name     string
		at       time.Time
		kind     FormKind
		number   string
		title    string
		basis    string
		rulesSet string
	}{
		{"2018 receipt", at(t, "2025-03-01 09:00"), FormReceipt, "01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
			"Mẫu số 01 – Ban hành kèm theo Thông tư số 01/2018/TT-VPCP", "2018"},
		{"2018 apology", at(t, "2025-06-30 23:59"), FormApology, "04", "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
			"Mẫu số 04 – Ban hành kèm theo Thông tư số 01/2018/TT-VPCP", "2018"},
		{"2018 control", at(t, "2019-01-06 08:00"), FormControl, "05", "Phiếu kiểm soát quá trình giải quyết hồ sơ",
			"Mẫu số 05 – Ban hành kèm theo Thông tư số 01/2018/TT-VPCP", "2018"},
		{"2018 book", at(t, "2024-12-31 16:00"), FormBook, "06", "Sổ theo dõi hồ sơ",
			"Mẫu số 06 – Ban hành kèm theo Thông tư số 01/2018/TT-VPCP", "2018"},
		{"2025 starts at midnight UTC+7", time.Date(2025, 6, 30, 17, 0, 0, 0, time.UTC), FormReceipt, "01",
			"Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "Mẫu số 01 – Ban hành kèm theo Thông tư số 03/2025/TT-VPCP", "2025"},
		{"2025 apology merges the extension request", at(t, "2026-04-24 10:00"), FormApology, "04",
			"Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết hồ sơ", "Mẫu số 04 – Ban hành kèm theo Thông tư số 03/2025/TT-VPCP", "2025"},
		{"2025 stop", at(t, "2026-04-24 10:00"), FormStop, "05", "Thông báo dừng giải quyết hồ sơ",
			"Mẫu số 05 – Ban hành kèm theo Thông tư số 03/2025/TT-VPCP", "2025"},
		{"2025 control", at(t, "2026-04-24 10:00"), FormControl, "06", "Phiếu kiểm soát quá trình giải quyết hồ sơ",
			"Mẫu số 06 – Ban hành kèm theo Thông tư số 03/2025/TT-VPCP", "2025"},
		{"2025 book", at(t, "2026-04-24 10:00"), FormBook, "07", "Sổ theo dõi hồ sơ",
			"Mẫu số 07 – Ban hành kèm theo Thông tư số 03/2025/TT-VPCP", "2025"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := RulesAt(tt.at)
			if rs.Name != tt.rulesSet {
				t.Errorf("rule set: got %q, want %q", rs.Name, tt.rulesSet)
			}
			f, err := rs.Form(tt.kind)
			if err != nil {
				t.Fatalf("Form: got error %v, want none", err)
			}
			if f.Number != tt.number || f.Title != tt.title {
				t.Errorf("form: got %s %q, want %s %q", f.Number, f.Title, tt.number, tt.title)
			}
			basis, err := rs.Basis(tt.kind)
			if err != nil || basis != tt.basis {
				t.Errorf("basis: got %q (%v), want %q", basis, err, tt.basis)
			}
		})
	}
}

func TestRulesAtStopBefore2025(t *testing.T) {
	_, err := RulesAt(at(t, "2025-06-30 10:00")).Form(FormStop)
	if got := fault.CodeOf(err); got != fault.Invalid {
		t.Fatalf("code: got %q, want %q", got, fault.Invalid)
	}
	if msg := fault.As(err).Message; !strings.Contains(msg, "01/2018/TT-VPCP") {
		t.Errorf("message: got %q, want it to name the circular", msg)
	}
}
