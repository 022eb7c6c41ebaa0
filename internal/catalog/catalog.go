package catalog

import (
	"fmt"
)

// Catalog is a danh mục thủ tục hành chính: the fields, the procedures and
// which units offer which procedures. It is also the JSON import/export
// format.
type Catalog struct {
	Fields     []Field     `json:"fields"`
	Procedures []Procedure `json:"procedures"`
	// Offers says which units (by electronic identifier, mã định danh)
	// offer which procedures. Units themselves live outside the catalogue.
	Offers []Offer `json:"offers,omitempty"`
}

// Offer lists the procedures one unit (đơn vị) receives at its desk.
type Offer struct {
	UnitCode       string   `json:"unit_code"`
	ProcedureCodes []string `json:"procedure_codes"`
}

// Problem is one import problem. Row is the 1-based index of the procedure
// for procedure problems, the line of the file for malformed JSON, and 0 for
// problems in the fields or offers lists. Column is the path of the value
// (relative to the procedure for procedure problems, e.g.
// "documents[2].name"; "fields[1].code" or "offers[0].unit_code" otherwise).
// Message is in Vietnamese.
type Problem struct {
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Message string `json:"message"`
}

// Field returns the field with the given code.
func (c Catalog) Field(code string) (Field, bool) {
	for _, f := range c.Fields {
		if f.Code == code {
			return f, true
		}
	}
	return Field{}, false
}

// Procedure returns the procedure with the given code.
func (c Catalog) Procedure(code string) (Procedure, bool) {
	for _, p := range c.Procedures {
		if p.Code == code {
			return p, true
		}
	}
	return Procedure{}, false
}

// Validate checks the whole catalogue and returns every problem: each field
// and procedure on its own, duplicate codes, procedures whose field is not
// in the catalogue, and offers naming unknown procedures.
func (c Catalog) Validate() []Problem {
	var probs []Problem
	fields := map[string]int{}
	for i, f := range c.Fields {
		col := fmt.Sprintf("fields[%d]", i)
		for _, fe := range f.Validate() {
			probs = append(probs, Problem{Column: col + "." + fe.Path, Message: fe.Message})
		}
		if j, dup := fields[f.Code]; dup {
			probs = append(probs, Problem{Column: col + ".code", Message: fmt.Sprintf("Mã lĩnh vực %q trùng với fields[%d].", f.Code, j)})
			continue
		}
		fields[f.Code] = i
	}
	procs := map[string]int{}
	for i, p := range c.Procedures {
		row := i + 1
		for _, fe := range p.Validate() {
			probs = append(probs, Problem{Row: row, Column: fe.Path, Message: fe.Message})
		}
		if _, ok := fields[p.FieldCode]; !ok && ValidFieldCode(p.FieldCode) {
			probs = append(probs, Problem{Row: row, Column: "field_code", Message: fmt.Sprintf("Lĩnh vực %q không có trong danh mục.", p.FieldCode)})
		}
		if first, dup := procs[p.Code]; dup {
			probs = append(probs, Problem{Row: row, Column: "code", Message: fmt.Sprintf("Mã thủ tục %q trùng với thủ tục ở dòng %d.", p.Code, first)})
			continue
		}
		procs[p.Code] = row
	}
	units := map[string]bool{}
	for i, o := range c.Offers {
		col := fmt.Sprintf("offers[%d]", i)
		if o.UnitCode == "" {
			probs = append(probs, Problem{Column: col + ".unit_code", Message: "Mã đơn vị không được để trống."})
		} else if units[o.UnitCode] {
			probs = append(probs, Problem{Column: col + ".unit_code", Message: fmt.Sprintf("Đơn vị %q được khai báo hai lần.", o.UnitCode)})
		}
		units[o.UnitCode] = true
		for j, code := range o.ProcedureCodes {
			if _, ok := procs[code]; !ok {
				probs = append(probs, Problem{Column: fmt.Sprintf("%s.procedure_codes[%d]", col, j), Message: fmt.Sprintf("Thủ tục %q không có trong danh mục.", code)})
			}
		}
	}
	return probs
}
