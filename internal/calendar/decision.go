package calendar

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxDecisionDays is the most days one published schedule may change.
const MaxDecisionDays = 60

// DecisionRow is one line of a published schedule as typed or imported: the date
// ("2026-01-02" or "2/1/2026"), the kind ("nghỉ" or "làm việc"; "off" and "working" are
// accepted too) and what the day is ("Nghỉ Tết Dương lịch", "Làm việc bù cho …"; may be
// empty).
type DecisionRow struct {
	Date, Kind, Name string
}

// Decision is a published schedule (văn bản công bố lịch nghỉ, hoán đổi ngày làm việc):
// its document number and the days it changes, country-wide or for one unit.
type Decision struct {
	Reference string
	Unit      string
	Days      []Override
}

// ParseDecision checks a published schedule and returns it. The reference (the
// document's number and name) is required; there must be 1–MaxDecisionDays rows, each a
// real date in 1900–2199 not repeated, with a known kind; an empty name gets a default
// ("Nghỉ theo …", "Làm việc bù theo …"). On failure it returns field messages in
// Vietnamese under "reference" and "rows", the latter naming each bad line.
func ParseDecision(reference, unit string, rows []DecisionRow) (Decision, map[string]string) {
	errs := map[string]string{}
	dec := Decision{Reference: strings.TrimSpace(reference), Unit: strings.TrimSpace(unit)}
	switch n := utf8.RuneCountInString(dec.Reference); {
	case n == 0:
		errs["reference"] = "Vui lòng nhập số, ký hiệu và tên văn bản công bố lịch nghỉ (ví dụ: Công văn 12729/VPCP-KGVX)."
	case n > 200:
		errs["reference"] = "Căn cứ tối đa 200 ký tự."
	}
	var bad []string
	seen := map[Date]int{}
	for i, r := range rows {
		line := i + 1
		d, err := parseDecisionDate(r.Date)
		if err != nil {
			bad = append(bad, fmt.Sprintf("Dòng %d: ngày %q không hợp lệ (cần dạng 02/01/2026 hoặc 2026-01-02).", line, strings.TrimSpace(r.Date)))
			continue
		}
		off, ok := parseDayKind(r.Kind)
		if !ok {
			bad = append(bad, fmt.Sprintf("Dòng %d: loại ngày %q không hợp lệ (cần “nghỉ” hoặc “làm việc”).", line, strings.TrimSpace(r.Kind)))
			continue
		}
		if prev, dup := seen[d]; dup {
			bad = append(bad, fmt.Sprintf("Dòng %d: ngày %s đã có ở dòng %d.", line, d.String(), prev))
			continue
		}
		seen[d] = line
		name := strings.TrimSpace(r.Name)
		if utf8.RuneCountInString(name) > 200 {
			bad = append(bad, fmt.Sprintf("Dòng %d: nội dung tối đa 200 ký tự.", line))
			continue
		}
		if name == "" {
			name = "Làm việc bù"
			if off {
				name = "Nghỉ"
			}
			name += " theo " + dec.Reference
		}
		dec.Days = append(dec.Days, Override{Date: d, Off: off, Name: name, Reference: dec.Reference, Unit: dec.Unit})
	}
	switch {
	case len(bad) > 0:
		errs["rows"] = strings.Join(bad, " ")
	case len(rows) == 0:
		errs["rows"] = "Vui lòng nhập ít nhất một ngày nghỉ hoặc ngày làm việc bù."
	case len(rows) > MaxDecisionDays:
		errs["rows"] = fmt.Sprintf("Một văn bản có tối đa %d ngày.", MaxDecisionDays)
	}
	if len(errs) > 0 {
		return Decision{}, errs
	}
	return dec, nil
}

// ParseDecisionLines splits typed lines "02/01/2026; nghỉ; Nghỉ Tết Dương lịch" (fields
// separated by ";" or tabs, as pasted from a spreadsheet) into rows; empty lines are
// skipped.
func ParseDecisionLines(text string) []DecisionRow {
	var out []DecisionRow
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		sep := ";"
		if !strings.Contains(line, ";") && strings.Contains(line, "\t") {
			sep = "\t"
		}
		parts := strings.SplitN(line, sep, 3)
		for len(parts) < 3 {
			parts = append(parts, "")
		}
		out = append(out, DecisionRow{Date: parts[0], Kind: parts[1], Name: parts[2]})
	}
	return out
}

// parseDecisionDate accepts "YYYY-MM-DD" and "D/M/YYYY" in 1900–2199.
func parseDecisionDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	d, err := ParseDate(s)
	if err != nil {
		d, err = ParseSolarDMY(s)
	}
	if err == nil && (d.Year < minYear || d.Year > maxYear) {
		err = errOutOfRange("Ngày")
	}
	return d, err
}

// parseDayKind reads the kind of a day: off (nghỉ) or working (làm việc, làm bù).
func parseDayKind(s string) (off, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "nghỉ", "nghi", "off", "ngày nghỉ", "nghỉ bù", "nghỉ hoán đổi":
		return true, true
	case "làm việc", "lam viec", "làm", "làm bù", "làm việc bù", "working", "ngày làm việc":
		return false, true
	}
	return false, false
}
