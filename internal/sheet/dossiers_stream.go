package sheet

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// ContentTypeXLSX is the media type of an .xlsx workbook.
const ContentTypeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// DossierStream writes a list of dossiers of any length as the same workbook as
// WriteDossiers, a row at a time: rows go through excelize's stream writer, which keeps
// them in a temporary file rather than in memory. Add the rows in order, then WriteTo.
type DossierStream struct {
	f   *excelize.File
	sw  *excelize.StreamWriter
	row int
}

// NewDossierStream starts a workbook with its header row; Close releases it.
func NewDossierStream() (*DossierStream, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", SheetDossiers); err != nil {
		f.Close()
		return nil, fmt.Errorf("sheet: %w", err)
	}
	d, err := startDossierStream(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	return d, nil
}

func startDossierStream(f *excelize.File) (*DossierStream, error) {
	sw, err := f.NewStreamWriter(SheetDossiers)
	if err != nil {
		return nil, fmt.Errorf("sheet: %w", err)
	}
	for i, width := range []float64{26, 60, 28, 18, 18, 18, 16} {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return nil, fmt.Errorf("sheet: %w", err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, fmt.Errorf("sheet: %w", err)
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, fmt.Errorf("sheet: %w", err)
	}
	header := make([]any, len(DossierHeaders))
	for i, h := range DossierHeaders {
		header[i] = h
	}
	if err := sw.SetRow("A1", header, excelize.RowOpts{StyleID: bold}); err != nil {
		return nil, fmt.Errorf("sheet: %w", err)
	}
	return &DossierStream{f: f, sw: sw, row: 1}, nil
}

// Add writes the next row.
func (d *DossierStream) Add(r DossierRow) error {
	d.row++
	values := []any{r.Code, r.Procedure, r.Applicant, r.ReceivedAt, r.DueAt, r.Status, r.Timeliness}
	if err := d.sw.SetRow(fmt.Sprintf("A%d", d.row), values); err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	return nil
}

// Rows is how many dossiers were added.
func (d *DossierStream) Rows() int { return d.row - 1 }

// WriteTo finishes the workbook and writes it to w.
func (d *DossierStream) WriteTo(w io.Writer) (int64, error) {
	if err := d.sw.Flush(); err != nil {
		return 0, fmt.Errorf("sheet: %w", err)
	}
	n, err := d.f.WriteTo(w)
	if err != nil {
		return n, fmt.Errorf("sheet: %w", err)
	}
	return n, nil
}

// Close releases the workbook and its temporary files.
func (d *DossierStream) Close() error { return d.f.Close() }
