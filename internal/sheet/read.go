package sheet

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"motcua/internal/catalog"
)

// ReadCatalog reads a workbook written by WriteCatalog (or prepared by hand with the same
// sheets and columns) and checks the whole catalogue with catalog.Catalog.Validate. It
// returns the catalogue when there is no problem; otherwise an empty catalogue and every
// problem found, each naming the sheet and column letter in Column ("Thủ tục!C") and the
// spreadsheet row in Row. The error is non-nil only when the file is not a readable
// workbook at all, with a Vietnamese problem explaining it.
func ReadCatalog(r io.Reader) (catalog.Catalog, []catalog.Problem, error) {
	data, err := io.ReadAll(io.LimitReader(r, catalog.MaxFileSize+1))
	if err != nil {
		return catalog.Catalog{}, nil, fmt.Errorf("sheet: read: %w", err)
	}
	if len(data) > catalog.MaxFileSize {
		return refuse("Tệp Excel vượt quá giới hạn 20 MiB.")
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: 200 << 20, UnzipXMLSizeLimit: 50 << 20})
	if err != nil {
		return refuse("Tệp không phải bảng tính Excel (.xlsx) hợp lệ.")
	}
	defer f.Close()
	rd := &reader{f: f, procIndex: map[string]int{}}
	c, ok := rd.read()
	if !ok {
		return catalog.Catalog{}, rd.problems, nil
	}
	for _, p := range c.Validate() {
		rd.problems = append(rd.problems, rd.locate(p))
	}
	if len(rd.problems) > 0 {
		return catalog.Catalog{}, rd.problems, nil
	}
	return c, nil, nil
}

func refuse(msg string) (catalog.Catalog, []catalog.Problem, error) {
	return catalog.Catalog{}, []catalog.Problem{{Message: msg}}, fmt.Errorf("sheet: %s", msg)
}

// procPlaces records where each part of one procedure came from.
type procPlaces struct {
	row                          int
	docs, fees, steps, formField []int
}

type reader struct {
	f         *excelize.File
	problems  []catalog.Problem
	procIndex map[string]int
	procs     []procPlaces
	fieldRows []int
	offerRows [][]int
}

func (rd *reader) problem(sheet string, row, col int, msg string) {
	rd.problems = append(rd.problems, catalog.Problem{Row: row, Column: sheet + "!" + column(col), Message: msg})
}

// rows returns the data rows of a sheet (header skipped) with their 1-based row numbers,
// empty rows left out. A missing required sheet is a problem.
func (rd *reader) rows(sheet string, required bool, width int) ([][]string, []int) {
	all, err := rd.f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		if required {
			rd.problems = append(rd.problems, catalog.Problem{Column: sheet, Message: fmt.Sprintf("Thiếu trang tính %q.", sheet)})
		}
		return nil, nil
	}
	var out [][]string
	var nums []int
	for i, row := range all {
		if i == 0 {
			continue
		}
		cells := make([]string, width)
		empty := true
		for j := 0; j < width && j < len(row); j++ {
			cells[j] = strings.TrimSpace(strings.ReplaceAll(row[j], "\r\n", "\n"))
			if cells[j] != "" {
				empty = false
			}
		}
		if !empty {
			out = append(out, cells)
			nums = append(nums, i+1)
		}
	}
	return out, nums
}

func (rd *reader) int(sheet string, row, col int, s string) int {
	if s == "" {
		return 0
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > 1e15 {
		rd.problem(sheet, row, col, fmt.Sprintf("%q không phải số nguyên.", s))
		return 0
	}
	return int(f)
}

func (rd *reader) float(sheet string, row, col int, s string) float64 {
	if s == "" {
		return 0
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", "."), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		rd.problem(sheet, row, col, fmt.Sprintf("%q không phải số.", s))
		return 0
	}
	return f
}

// procedure returns the index of the procedure a child row names, or -1 with a problem.
func (rd *reader) procedure(sheet string, row int, code string) int {
	i, ok := rd.procIndex[code]
	if !ok {
		rd.problem(sheet, row, 0, fmt.Sprintf("Mã thủ tục %q không có trong trang %q.", code, SheetProcedures))
		return -1
	}
	return i
}

// read parses every sheet; ok is false when a required sheet is missing.
func (rd *reader) read() (c catalog.Catalog, ok bool) {
	rows, nums := rd.rows(SheetFields, true, len(fieldHeaders))
	for i, r := range rows {
		c.Fields = append(c.Fields, catalog.Field{Code: r[0], Name: r[1]})
		rd.fieldRows = append(rd.fieldRows, nums[i])
	}
	rows, nums = rd.rows(SheetProcedures, true, len(procedureColumns))
	if rows == nil && len(rd.problems) > 0 {
		return c, false
	}
	for i, r := range rows {
		n := nums[i]
		p := catalog.Procedure{
			Code: r[0], Name: r[1], FieldCode: r[2], Online: catalog.OnlineLevel(r[4]),
			DeadlineDays: rd.float(SheetProcedures, n, 5, r[5]), OnlineDeadlineDays: rd.float(SheetProcedures, n, 6, r[6]),
			DeadlineNote: r[7], DeadlineMode: catalog.DeadlineMode(r[8]), SupplementRule: catalog.SupplementRule(r[9]),
			FeeVND: int64(rd.int(SheetProcedures, n, 10, r[10])), Conditions: r[11], Result: r[12], LegalBasis: r[13],
			Agency: r[14], StepsText: r[15], Channels: r[16],
			Process:  catalog.Process{Version: rd.int(SheetProcedures, n, 17, r[17])},
			CodeKind: catalog.CodeKind(r[18]), CodeNote: r[19],
		}
		for _, l := range strings.Split(r[3], ",") {
			if l = strings.TrimSpace(l); l != "" {
				p.Levels = append(p.Levels, l)
			}
		}
		if p.Levels == nil {
			p.Levels = []string{}
		}
		if _, dup := rd.procIndex[p.Code]; !dup {
			rd.procIndex[p.Code] = len(c.Procedures)
		}
		c.Procedures = append(c.Procedures, p)
		rd.procs = append(rd.procs, procPlaces{row: n})
	}
	rd.readChildren(&c)
	return c, true
}

func (rd *reader) readChildren(c *catalog.Catalog) {
	rows, nums := rd.rows(SheetDocuments, false, len(documentHeaders))
	for i, r := range rows {
		n := nums[i]
		if k := rd.procedure(SheetDocuments, n, r[0]); k >= 0 {
			c.Procedures[k].Documents = append(c.Procedures[k].Documents, catalog.Document{
				Name: r[1], Originals: rd.int(SheetDocuments, n, 2, r[2]), Certified: rd.int(SheetDocuments, n, 3, r[3]),
				Copies: rd.int(SheetDocuments, n, 4, r[4]), Template: r[5], ShowOnly: r[6] != "", Note: r[7]})
			rd.procs[k].docs = append(rd.procs[k].docs, n)
		}
	}
	rows, nums = rd.rows(SheetFees, false, len(feeHeaders))
	for i, r := range rows {
		n := nums[i]
		if k := rd.procedure(SheetFees, n, r[0]); k >= 0 {
			c.Procedures[k].Fees = append(c.Procedures[k].Fees, catalog.Fee{
				Case: r[1], AmountVND: int64(rd.int(SheetFees, n, 2, r[2])), Note: r[3], Kind: catalog.FeeKind(r[4]),
				FromPage: rd.int(SheetFees, n, 5, r[5]), MaxPerCopyVND: int64(rd.int(SheetFees, n, 6, r[6])), LegalBasis: r[7]})
			rd.procs[k].fees = append(rd.procs[k].fees, n)
		}
	}
	rows, nums = rd.rows(SheetProcess, false, len(stepHeaders))
	for i, r := range rows {
		n := nums[i]
		if k := rd.procedure(SheetProcess, n, r[0]); k >= 0 {
			if want := len(rd.procs[k].steps) + 1; rd.int(SheetProcess, n, 1, r[1]) != want {
				rd.problem(SheetProcess, n, 1, fmt.Sprintf("Số thứ tự bước phải là %d.", want))
			}
			c.Procedures[k].Process.Steps = append(c.Procedures[k].Process.Steps, catalog.Step{
				Name: r[2], Role: catalog.Role(r[3]), Days: rd.float(SheetProcess, n, 4, r[4])})
			rd.procs[k].steps = append(rd.procs[k].steps, n)
		}
	}
	rows, nums = rd.rows(SheetFormFields, false, len(formFieldHeaders))
	for i, r := range rows {
		n := nums[i]
		if k := rd.procedure(SheetFormFields, n, r[0]); k >= 0 {
			ff := catalog.FormField{Name: r[1], Label: r[2], Kind: catalog.FormFieldKind(r[3]), Required: r[4] != ""}
			for _, o := range strings.Split(r[5], "\n") {
				if o = strings.TrimSpace(o); o != "" {
					ff.Options = append(ff.Options, o)
				}
			}
			c.Procedures[k].FormFields = append(c.Procedures[k].FormFields, ff)
			rd.procs[k].formField = append(rd.procs[k].formField, n)
		}
	}
	rows, nums = rd.rows(SheetOffers, false, len(offerHeaders))
	units := map[string]int{}
	for i, r := range rows {
		k, ok := units[r[0]]
		if !ok {
			k = len(c.Offers)
			units[r[0]] = k
			c.Offers = append(c.Offers, catalog.Offer{UnitCode: r[0]})
			rd.offerRows = append(rd.offerRows, nil)
		}
		c.Offers[k].ProcedureCodes = append(c.Offers[k].ProcedureCodes, r[1])
		rd.offerRows[k] = append(rd.offerRows[k], nums[i])
	}
}
