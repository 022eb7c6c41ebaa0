package catalog

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
)

//go:embed data/*.json
var demoFiles embed.FS

// Demo returns the demo catalogue: real commune-level procedures (names as
// published, after the two-tier reform of 1 July 2025), one data file per
// field, embedded in the binary. Each file is decoded and checked with
// Decode and the merged catalogue is checked again (codes must be unique
// across files).
//
// About the data: national codes (mã TTHC, e.g. 1.001193) were checked
// against an extract of the national public-service portal
// (Cổng Dịch vụ công quốc gia); each procedure's code_note names the
// decision that published it, or says that an older code was not checked
// again. A procedure whose national code could not be confirmed carries a
// local code XA-<field>-NNN with code_kind "unconfirmed" and a note. Fees
// that provinces set (hộ tịch, hộ kinh doanh, giấy phép xây dựng) are
// representative values explained in each fee's note; fee rules carry their
// legal basis (Luật Hộ tịch art. 11 exemptions, the per-page copy
// certification charge of Thông tư 226/2016/TT-BTC). Deadlines whose
// deadline_note says "Thời hạn tham khảo" must be checked against the
// province's decision publishing its procedures before real use.
func Demo() (Catalog, error) {
	names, err := fs.Glob(demoFiles, "data/*.json")
	if err != nil {
		return Catalog{}, fmt.Errorf("catalog: demo: %w", err)
	}
	sort.Strings(names)
	var all Catalog
	for _, name := range names {
		f, err := demoFiles.Open(name)
		if err != nil {
			return Catalog{}, fmt.Errorf("catalog: demo: %w", err)
		}
		c, probs, err := Decode(f)
		f.Close()
		if err != nil {
			return Catalog{}, fmt.Errorf("catalog: demo %s: %w (first: %v)", name, err, first(probs))
		}
		all.Fields = append(all.Fields, c.Fields...)
		all.Procedures = append(all.Procedures, c.Procedures...)
		all.Offers = append(all.Offers, c.Offers...)
	}
	if probs := all.Validate(); len(probs) > 0 {
		return Catalog{}, fmt.Errorf("catalog: demo: %w: %d problem(s) (first: %v)", ErrInvalid, len(probs), first(probs))
	}
	return all, nil
}

func first(probs []Problem) any {
	if len(probs) == 0 {
		return nil
	}
	return probs[0]
}
