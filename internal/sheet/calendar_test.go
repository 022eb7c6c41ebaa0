package sheet

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestReadCalendarDays(t *testing.T) {
	f := excelize.NewFile()
	for i, row := range [][]any{
		{"Ngày", "Loại", "Nội dung"},
		{"02/01/2026", "nghỉ", "Nghỉ Tết Dương lịch (hoán đổi)"},
		{},
		{"2026-01-10", "làm việc", "Làm việc bù cho thứ Sáu 02/01/2026"},
	} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	rows, err := ReadCalendarDays(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Date != "02/01/2026" || rows[0].Kind != "nghỉ" || rows[1].Date != "2026-01-10" {
		t.Errorf("got %+v, want the two days", rows)
	}
	if _, err := ReadCalendarDays(bytes.NewReader([]byte("not a workbook"))); err == nil {
		t.Error("got no error for a text file, want one")
	}
}
