package sheet

import (
	"fmt"
	"strconv"
	"strings"

	"motcua/internal/catalog"
)

// locate turns a problem of catalog.Catalog.Validate (procedure index and JSON path) into
// the sheet, row and column letter the value came from.
func (rd *reader) locate(p catalog.Problem) catalog.Problem {
	at := func(sheet string, row, col int) catalog.Problem {
		return catalog.Problem{Row: row, Column: sheet + "!" + column(col), Message: p.Message}
	}
	path := p.Column
	if p.Row == 0 {
		name, k, rest := splitIndex(path)
		switch {
		case name == "fields" && k < len(rd.fieldRows):
			return at(SheetFields, rd.fieldRows[k], colOf(rest, []string{"code", "name"}))
		case name == "offers" && k < len(rd.offerRows):
			rows := rd.offerRows[k]
			if _, j, _ := splitIndex(strings.TrimPrefix(rest, ".")); strings.HasPrefix(rest, ".procedure_codes[") && j < len(rows) {
				return at(SheetOffers, rows[j], 1)
			}
			return at(SheetOffers, rows[0], 0)
		}
		return p
	}
	if p.Row < 1 || p.Row > len(rd.procs) {
		return p
	}
	pl := rd.procs[p.Row-1]
	name, k, rest := splitIndex(strings.TrimPrefix(path, "process."))
	switch {
	case strings.HasPrefix(path, "documents[") && k < len(pl.docs):
		return at(SheetDocuments, pl.docs[k], colOf(rest, documentPaths))
	case strings.HasPrefix(path, "fees[") && k < len(pl.fees):
		return at(SheetFees, pl.fees[k], colOf(rest, feePaths))
	case path == "fees" && len(pl.fees) > 0:
		return at(SheetFees, pl.fees[0], colOf(".kind", feePaths))
	case strings.HasPrefix(path, "form_fields[") && k < len(pl.formField):
		return at(SheetFormFields, pl.formField[k], colOf(rest, formFieldPaths))
	case strings.HasPrefix(path, "process.steps[") && k < len(pl.steps):
		return at(SheetProcess, pl.steps[k], colOf(rest, stepPaths))
	case path == "process.steps" && len(pl.steps) > 0:
		return at(SheetProcess, pl.steps[0], len(stepPaths)-1)
	case name == "levels":
		path = "levels"
	}
	for i, c := range procedureColumns {
		if c.path == path {
			return at(SheetProcedures, pl.row, i)
		}
	}
	return at(SheetProcedures, pl.row, 0)
}

// colOf returns the column of a ".name" suffix among the paths (column 1 when unknown).
func colOf(rest string, paths []string) int {
	key := strings.TrimPrefix(rest, ".")
	if i := strings.IndexAny(key, ".["); i >= 0 {
		key = key[:i]
	}
	for i, p := range paths {
		if p != "" && p == key {
			return i
		}
	}
	return 1
}

// splitIndex splits "documents[2].name" into "documents", 2 and ".name"; k is -1 when
// there is no index.
func splitIndex(path string) (name string, k int, rest string) {
	open := strings.IndexByte(path, '[')
	end := strings.IndexByte(path, ']')
	if open < 0 || end < open {
		return path, -1, ""
	}
	n, err := strconv.Atoi(path[open+1 : end])
	if err != nil {
		return path, -1, ""
	}
	return path[:open], n, path[end+1:]
}

// Describe renders a problem read from a workbook for people: "Trang Thủ tục, dòng 5,
// cột C: …".
func Describe(p catalog.Problem) string {
	sheet, col, ok := strings.Cut(p.Column, "!")
	switch {
	case ok && p.Row > 0:
		return fmt.Sprintf("Trang %s, dòng %d, cột %s: %s", sheet, p.Row, col, p.Message)
	case p.Column != "":
		return fmt.Sprintf("%s: %s", p.Column, p.Message)
	}
	return p.Message
}
