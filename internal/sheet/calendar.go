package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"motcua/internal/calendar"
)

// maxCalendarFile is the largest calendar workbook read.
const maxCalendarFile = 2 << 20

// ErrNotWorkbook is returned when a file is not a readable .xlsx workbook.
var ErrNotWorkbook = errors.New("sheet: not an xlsx workbook")

// ReadCalendarDays reads the days of a published schedule from the first sheet of a
// workbook: one day a row, columns Ngày (a date such as 02/01/2026 or 2026-01-02), Loại
// ("nghỉ" or "làm việc") and Nội dung; a header row whose first cell starts with "Ngày"
// and empty rows are skipped. The rows are checked by calendar.ParseDecision.
func ReadCalendarDays(r io.Reader) ([]calendar.DecisionRow, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxCalendarFile+1))
	if err != nil {
		return nil, fmt.Errorf("sheet: read: %w", err)
	}
	if len(data) > maxCalendarFile {
		return nil, fmt.Errorf("sheet: calendar file over %d bytes: %w", maxCalendarFile, ErrNotWorkbook)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: 20 << 20, UnzipXMLSizeLimit: 10 << 20})
	if err != nil {
		return nil, fmt.Errorf("sheet: %v: %w", err, ErrNotWorkbook)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, ErrNotWorkbook
	}
	rows, err := f.GetRows(sheets[0])
	if err != nil {
		return nil, fmt.Errorf("sheet: %v: %w", err, ErrNotWorkbook)
	}
	var out []calendar.DecisionRow
	for _, row := range rows {
		for len(row) < 3 {
			row = append(row, "")
		}
		first := strings.TrimSpace(row[0])
		if first == "" && strings.TrimSpace(row[1]) == "" || strings.HasPrefix(strings.ToLower(first), "ngày") {
			continue
		}
		out = append(out, calendar.DecisionRow{Date: first, Kind: row[1], Name: row[2]})
	}
	return out, nil
}
