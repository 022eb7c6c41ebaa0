package calendar

import (
	"strings"
	"testing"
)

func TestParseDecision(t *testing.T) {
	rows := ParseDecisionLines("02/01/2026; nghỉ; Nghỉ Tết Dương lịch (hoán đổi)\n\n2026-01-10\tlàm việc\t\n")
	dec, errs := ParseDecision(" Công văn 12729/VPCP-KGVX ", "", rows)
	if errs != nil {
		t.Fatalf("got %v, want no error", errs)
	}
	if len(dec.Days) != 2 || !dec.Days[0].Off || dec.Days[0].Date != NewDate(2026, 1, 2) || dec.Days[1].Off ||
		dec.Days[1].Name != "Làm việc bù theo Công văn 12729/VPCP-KGVX" || dec.Days[1].Reference != "Công văn 12729/VPCP-KGVX" {
		t.Errorf("got %+v", dec)
	}
	tests := []struct {
		name, ref, text, field, want string
	}{
		{"no reference", "", "2/1/2026; nghỉ", "reference", "số, ký hiệu"},
		{"no day", "CV 1", "", "rows", "ít nhất một ngày"},
		{"bad date", "CV 1", "30/2/2026; nghỉ", "rows", "Dòng 1"},
		{"bad kind", "CV 1", "2/1/2026; nghỉ lễ dài", "rows", "loại ngày"},
		{"repeated day", "CV 1", "2/1/2026; nghỉ\n2026-01-02; làm việc", "rows", "đã có ở dòng 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := ParseDecision(tt.ref, "", ParseDecisionLines(tt.text))
			if !strings.Contains(errs[tt.field], tt.want) {
				t.Errorf("got %v, want %s to contain %q", errs, tt.field, tt.want)
			}
		})
	}
}
