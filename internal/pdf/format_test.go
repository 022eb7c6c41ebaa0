package pdf

import (
	"testing"
	"time"
)

func TestFormats(t *testing.T) {
	utc := time.Date(2026, 5, 4, 3, 0, 0, 0, time.UTC) // 10:00 in UTC+7
	tests := []struct {
		name, got, want string
	}{
		{"clock in UTC+7", clockText(utc), "10 giờ 00 phút, ngày 04 tháng 05 năm 2026"},
		{"clock across midnight", clockText(time.Date(2026, 4, 30, 18, 5, 0, 0, time.UTC)), "01 giờ 05 phút, ngày 01 tháng 05 năm 2026"},
		{"date line", dateLine("Tân Hòa", utc), "Tân Hòa, ngày 04 tháng 05 năm 2026"},
		{"date line blank", dateLine("", time.Time{}), "……………, ngày …… tháng …… năm ……"},
		{"working days", daysText(3, false), "3 ngày làm việc"},
		{"half a day", daysText(0.5, false), "0,5 ngày làm việc"},
		{"calendar days", daysText(15, true), "15 ngày"},
		{"fee", moneyText(50000), "50.000 đồng"},
		{"large fee", moneyText(1234567), "1.234.567 đồng"},
		{"small fee", moneyText(500), "500 đồng"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}
