package report

import "motcua/internal/calendar"

// Tier is the column of Biểu II.07b a unit counts in (cấp tỉnh, cấp huyện, cấp xã).
type Tier string

// The tiers. District exists only for dates before 1 July 2025: local government has
// two tiers (province, commune) since then (shared/research/domain.md §0).
const (
	TierProvince Tier = "province"
	TierDistrict Tier = "district"
	TierCommune  Tier = "commune"
)

// DistrictsEnd is the first day without the district tier.
var DistrictsEnd = calendar.NewDate(2025, 7, 1)

// TierCounts is one group of columns of Biểu II.07b: the total and the part of each tier.
type TierCounts struct {
	Total    int `json:"total"`
	Province int `json:"province"`
	District int `json:"district,omitempty"`
	Commune  int `json:"commune"`
}

func (c *TierCounts) add(t Tier, n int) {
	switch t {
	case TierProvince:
		c.Province += n
	case TierDistrict:
		c.District += n
	case TierCommune:
		c.Commune += n
	default:
		return
	}
	c.Total += n
}

func (c *TierCounts) plus(o TierCounts) {
	c.Total += o.Total
	c.Province += o.Province
	c.District += o.District
	c.Commune += o.Commune
}

// II07bUnit is what the catalogue says of one unit on the report's date: its tier, the
// procedures within its competence (thuộc thẩm quyền: the catalogue's procedures of its
// tier), those it handles at its one-stop desk (thực hiện theo cơ chế một cửa, một cửa
// liên thông: the procedures assigned to the unit) and, among these, those with an
// internal process published on or before the date (quy trình nội bộ được ban hành).
type II07bUnit struct {
	Code, Name                     string
	Tier                           Tier
	Competence, OneStop, Processes int
}

// II07bRow is one line of Biểu II.07b.
type II07bRow struct {
	UnitCode   string     `json:"unit_code"`
	UnitName   string     `json:"unit_name"`
	Tier       Tier       `json:"tier"`
	Competence TierCounts `json:"competence"`
	OneStop    TierCounts `json:"one_stop"`
	Processes  TierCounts `json:"processes"`
}

// II07b is Biểu số II.07b/VPCP/KSTT (TT 01/2020/TT-VPCP), "Tổng hợp số lượng thủ tục
// hành chính", on a date: one line per unit and the total.
type II07b struct {
	Date calendar.Date
	// Districts is true when the date is before 1 July 2025 and the form still has the
	// district column.
	Districts bool
	Rows      []II07bRow
	Total     II07bRow
}

// BuildII07b lays the units' counts out as Biểu II.07b on the date. A unit of a tier
// the date does not have (a district after 30 June 2025) is left out of the lines.
func BuildII07b(date calendar.Date, units []II07bUnit) II07b {
	out := II07b{Date: date, Districts: date.Before(DistrictsEnd), Rows: []II07bRow{}}
	for _, u := range units {
		if u.Tier == "" || (u.Tier == TierDistrict && !out.Districts) {
			continue
		}
		r := II07bRow{UnitCode: u.Code, UnitName: u.Name, Tier: u.Tier}
		r.Competence.add(u.Tier, u.Competence)
		r.OneStop.add(u.Tier, u.OneStop)
		r.Processes.add(u.Tier, u.Processes)
		out.Rows = append(out.Rows, r)
		out.Total.Competence.plus(r.Competence)
		out.Total.OneStop.plus(r.OneStop)
		out.Total.Processes.plus(r.Processes)
	}
	return out
}
