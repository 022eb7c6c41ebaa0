package calendar

import "fmt"

// LunarDate is a date of the Vietnamese lunar calendar (âm lịch), computed for UTC+7.
// Leap marks a leap month (tháng nhuận), which repeats the number of the month before it.
type LunarDate struct {
	Day   int  `json:"day"`
	Month int  `json:"month"`
	Year  int  `json:"year"`
	Leap  bool `json:"leap"`
}

// String formats the lunar date as "D/M/YYYY", with " (nhuận)" after a leap month.
func (l LunarDate) String() string {
	if l.Leap {
		return fmt.Sprintf("%d/%d/%d (nhuận)", l.Day, l.Month, l.Year)
	}
	return fmt.Sprintf("%d/%d/%d", l.Day, l.Month, l.Year)
}

// minDay and maxDay are the day numbers (days since 1970-01-01) of 1900-01-01 and
// 2199-12-31, the range of civil dates that the package converts and counts.
const (
	minDay = -25567
	maxDay = 84005
)

// errOutOfRange is the message for dates outside 1900–2199.
func errOutOfRange(what string) error {
	return invalidf("%s nằm ngoài phạm vi lịch hỗ trợ (năm %d–%d).", what, minYear, maxYear)
}

// ToLunar converts a civil date in 1900-01-01 … 2199-12-31 to the Vietnamese lunar date.
func ToLunar(d Date) (LunarDate, error) {
	if !validYMD(d.Year, int(d.Month), d.Day) {
		return LunarDate{}, invalidf("Ngày %s không hợp lệ.", d)
	}
	z := d.days()
	if z < minDay || z > maxDay {
		return LunarDate{}, errOutOfRange("Ngày " + d.String())
	}
	tb := lunarTables()
	i := tb.find(z)
	if i < 0 {
		return LunarDate{}, errOutOfRange("Ngày " + d.String())
	}
	m := tb.months[i]
	return LunarDate{Day: z - int(m.start) + 1, Month: int(m.month), Year: int(m.year), Leap: m.leap}, nil
}

// FromLunar converts a Vietnamese lunar date to the civil date. It rejects impossible
// dates (day 30 of a 29-day month, a leap flag on a month that is not leap that year) and
// dates whose civil date is outside 1900–2199.
func FromLunar(l LunarDate) (Date, error) {
	if l.Month < 1 || l.Month > 12 {
		return Date{}, invalidf("Tháng âm lịch %d không hợp lệ: phải từ 1 đến 12.", l.Month)
	}
	if l.Day < 1 || l.Day > 30 {
		return Date{}, invalidf("Ngày âm lịch %d không hợp lệ: phải từ 1 đến 30.", l.Day)
	}
	tb := lunarTables()
	yi := l.Year - (firstLunarSui - 1)
	if yi < 0 || yi >= len(tb.yearFirst) || tb.yearFirst[yi] < 0 {
		return Date{}, errOutOfRange(fmt.Sprintf("Năm âm lịch %d", l.Year))
	}
	for i := int(tb.yearFirst[yi]); i < len(tb.months) && int(tb.months[i].year) == l.Year; i++ {
		m := tb.months[i]
		if int(m.month) != l.Month || m.leap != l.Leap {
			continue
		}
		if n := tb.monthLen(i); l.Day > n {
			return Date{}, invalidf("Tháng %s năm %d âm lịch chỉ có %d ngày, không có ngày %d.",
				monthLabel(l.Month, l.Leap), l.Year, n, l.Day)
		}
		z := int(m.start) + l.Day - 1
		if z < minDay || z > maxDay {
			return Date{}, errOutOfRange("Ngày âm lịch " + l.String())
		}
		return dateFromDays(z), nil
	}
	if l.Leap {
		return Date{}, invalidf("Năm âm lịch %d không có tháng %d nhuận.", l.Year, l.Month)
	}
	return Date{}, errOutOfRange("Ngày âm lịch " + l.String())
}

// monthLabel names a lunar month, "10" or "10 nhuận".
func monthLabel(month int, leap bool) string {
	if leap {
		return fmt.Sprintf("%d nhuận", month)
	}
	return fmt.Sprintf("%d", month)
}

// LunarNewYear returns the civil date of Tết Nguyên đán (1/1 lunar) of the lunar year.
func LunarNewYear(year int) (Date, error) {
	return FromLunar(LunarDate{Day: 1, Month: 1, Year: year})
}
