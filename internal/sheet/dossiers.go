package sheet

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// SheetDossiers is the sheet name of an exported list of dossiers.
const SheetDossiers = "Danh sách hồ sơ"

// DossierHeaders are the column headers of an exported list of dossiers, in order.
var DossierHeaders = []string{"Mã hồ sơ", "Thủ tục", "Người nộp", "Ngày nhận", "Hẹn trả", "Trạng thái", "Tình trạng hạn"}

// DossierRow is one line of an exported list of dossiers, as shown: the dates already
// written in UTC+7 ("" when there is none), the status and timeliness in Vietnamese.
type DossierRow struct {
	Code, Procedure, Applicant string
	ReceivedAt, DueAt          string
	Status, Timeliness         string
}

// WriteDossiers writes the dossiers as an .xlsx workbook: one sheet with a bold header
// row, frozen, and one row per dossier.
func WriteDossiers(w io.Writer, rows []DossierRow) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := SheetDossiers
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	header := make([]any, len(DossierHeaders))
	for i, h := range DossierHeaders {
		header[i] = h
	}
	if err := f.SetSheetRow(sh, "A1", &header); err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	if err := f.SetRowStyle(sh, 1, 1, bold); err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	for i, r := range rows {
		values := []any{r.Code, r.Procedure, r.Applicant, r.ReceivedAt, r.DueAt, r.Status, r.Timeliness}
		if err := f.SetSheetRow(sh, fmt.Sprintf("A%d", i+2), &values); err != nil {
			return fmt.Errorf("sheet: %w", err)
		}
	}
	for i, width := range []float64{26, 60, 28, 18, 18, 18, 16} {
		c := column(i)
		if err := f.SetColWidth(sh, c, c, width); err != nil {
			return fmt.Errorf("sheet: %w", err)
		}
	}
	if err := f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	return nil
}
