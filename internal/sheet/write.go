package sheet

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"motcua/internal/catalog"
)

// WriteCatalog writes c as an .xlsx workbook with the sheets of this package, a bold
// header row on each. ReadCatalog reads it back to the same catalogue.
func WriteCatalog(w io.Writer, c catalog.Catalog) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("sheet: %w", err)
	}
	sheets := map[string][][]any{}
	add := func(name string, row ...any) { sheets[name] = append(sheets[name], row) }
	for _, fl := range c.Fields {
		add(SheetFields, fl.Code, fl.Name)
	}
	for _, p := range c.Procedures {
		add(SheetProcedures, p.Code, p.Name, p.FieldCode, strings.Join(p.Levels, ", "), string(p.Online),
			p.DeadlineDays, p.OnlineDeadlineDays, p.DeadlineNote, string(p.DeadlineMode), string(p.SupplementRule),
			p.FeeVND, p.Conditions, p.Result, p.LegalBasis, p.Agency, p.StepsText, p.Channels, p.Process.Version,
			string(p.CodeKind), p.CodeNote)
		for _, d := range p.Documents {
			add(SheetDocuments, p.Code, d.Name, d.Originals, d.Certified, d.Copies, d.Template, mark(d.ShowOnly), d.Note)
		}
		for _, fee := range p.Fees {
			add(SheetFees, p.Code, fee.Case, fee.AmountVND, fee.Note, string(fee.Kind), blank(fee.FromPage), blank(fee.MaxPerCopyVND), fee.LegalBasis)
		}
		for i, s := range p.Process.Steps {
			add(SheetProcess, p.Code, i+1, s.Name, string(s.Role), s.Days)
		}
		for _, ff := range p.FormFields {
			add(SheetFormFields, p.Code, ff.Name, ff.Label, string(ff.Kind), mark(ff.Required), strings.Join(ff.Options, "\n"))
		}
	}
	for _, o := range c.Offers {
		for _, code := range o.ProcedureCodes {
			add(SheetOffers, o.UnitCode, code)
		}
	}
	headers := []struct {
		name    string
		headers []string
	}{
		{SheetFields, fieldHeaders}, {SheetProcedures, procedureHeaders()}, {SheetDocuments, documentHeaders},
		{SheetFees, feeHeaders}, {SheetProcess, stepHeaders}, {SheetFormFields, formFieldHeaders}, {SheetOffers, offerHeaders},
	}
	for i, h := range headers {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", h.name); err != nil {
				return fmt.Errorf("sheet: %w", err)
			}
		} else if _, err := f.NewSheet(h.name); err != nil {
			return fmt.Errorf("sheet: %w", err)
		}
		sw, err := f.NewStreamWriter(h.name)
		if err != nil {
			return fmt.Errorf("sheet: %w", err)
		}
		head := make([]any, len(h.headers))
		for j, s := range h.headers {
			head[j] = excelize.Cell{StyleID: bold, Value: s}
		}
		if err := sw.SetRow("A1", head); err != nil {
			return fmt.Errorf("sheet: %w", err)
		}
		for r, row := range sheets[h.name] {
			if err := sw.SetRow("A"+strconv.Itoa(r+2), row); err != nil {
				return fmt.Errorf("sheet: %w", err)
			}
		}
		if err := sw.Flush(); err != nil {
			return fmt.Errorf("sheet: %w", err)
		}
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("sheet: write: %w", err)
	}
	return nil
}

func procedureHeaders() []string {
	out := make([]string, len(procedureColumns))
	for i, c := range procedureColumns {
		out[i] = c.header
	}
	return out
}

// blank leaves a zero number out of the sheet, for optional columns.
func blank[N int | int64](n N) any {
	if n == 0 {
		return ""
	}
	return n
}

func mark(b bool) string {
	if b {
		return "x"
	}
	return ""
}
