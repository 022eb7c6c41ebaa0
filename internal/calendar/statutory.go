package calendar

import (
	"fmt"
	"sort"
	"time"
)

// Names of the statutory days off (ngày nghỉ lễ, tết), Labour Code 2019 art. 112.
const (
	nameNewYear     = "Tết Dương lịch"
	nameTet         = "Tết Nguyên đán"
	nameHungKings   = "Giỗ Tổ Hùng Vương"
	nameVictory     = "Ngày Chiến thắng"
	nameLabour      = "Ngày Quốc tế Lao động"
	nameNational    = "Quốc khánh"
	nameNationalAdj = "Quốc khánh (ngày liền kề)"
)

// statutoryDay is one statutory day off of a year.
type statutoryDay struct {
	day  int
	name string
}

// statutoryDays returns the statutory days off of the civil year, sorted: 1/1; Tết
// Nguyên đán, by default the last day of the lunar year and days 1–4 of the new one; Giỗ
// Tổ Hùng Vương (10/3 lunar); 30/4; 1/5; Quốc khánh 2/9 and one adjacent day. The adjacent
// day is the one that joins a weekend: Monday 1/9 when 2/9 is a Tuesday, Friday 3/9 when
// 2/9 is a Thursday, otherwise 3/9. The Prime Minister decides the actual days each year;
// those decisions are Overrides.
func statutoryDays(year int) []statutoryDay {
	out := []statutoryDay{
		{daysFromCivil(year, time.January, 1), nameNewYear},
		{daysFromCivil(year, time.April, 30), nameVictory},
		{daysFromCivil(year, time.May, 1), nameLabour},
	}
	if tet, err := LunarNewYear(year); err == nil {
		z := tet.days()
		for i := -1; i <= 3; i++ {
			if z+i >= minDay {
				out = append(out, statutoryDay{z + i, nameTet})
			}
		}
	}
	if g, err := FromLunar(LunarDate{Day: 10, Month: 3, Year: year}); err == nil {
		out = append(out, statutoryDay{g.days(), nameHungKings})
	}
	nd := daysFromCivil(year, time.September, 2)
	adj := nd + 1
	if weekdayOf(nd) == time.Tuesday {
		adj = nd - 1
	}
	out = append(out, statutoryDay{nd, nameNational}, statutoryDay{adj, nameNationalAdj})
	sort.Slice(out, func(i, j int) bool { return out[i].day < out[j].day })
	return out
}

// weekdayName returns the Vietnamese name of the weekday ("Thứ Bảy", "Chủ nhật").
func weekdayName(w time.Weekday) string {
	if w < time.Sunday || w > time.Saturday {
		return ""
	}
	names := [7]string{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}
	return names[w]
}

// compensatoryReason is the reason of a nghỉ bù day for a statutory day on a weekly day off.
func compensatoryReason(s statutoryDay) string {
	d := dateFromDays(s.day)
	return fmt.Sprintf("Nghỉ bù %s (%02d/%02d trùng %s)", s.name, d.Day, int(d.Month), weekdayName(weekdayOf(s.day)))
}
