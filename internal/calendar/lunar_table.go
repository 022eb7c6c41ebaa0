package calendar

import (
	"sort"
	"sync"
)

// The lunar calendar of 1899-12 … 2200-12 is computed once, on first use, into an
// immutable table of months. It is never written after it is built.

const (
	// firstLunarSui and lastLunarSui bound the years Y whose span from month 11 of Y−1
	// to month 11 of Y is computed.
	firstLunarSui = 1900
	lastLunarSui  = 2200
	// minYear and maxYear bound the civil dates the package converts and counts.
	minYear = 1900
	maxYear = 2199
)

// lunarMonth is one month of the lunar table.
type lunarMonth struct {
	start int32 // day number of its first day
	year  int16 // lunar year
	month int8  // 1–12
	leap  bool  // a leap month (tháng nhuận)
}

// lunarTable is the computed lunar calendar: months sorted by start, the day after the
// last month, and the index of month 1 of each lunar year from firstLunarSui−1.
type lunarTable struct {
	months    []lunarMonth
	end       int32
	yearFirst []int32 // index of the first month of lunar year firstLunarSui−1+i
}

// lunarTables builds the table once; the result is shared and never mutated.
var lunarTables = sync.OnceValue(buildLunarTable)

// buildLunarTable computes the months of every span between two consecutive eleventh
// months. A span of 13 months has a leap month: the first month after month 11 whose
// span holds no major solar term; it repeats the number of the month before it.
func buildLunarTable() *lunarTable {
	tb := &lunarTable{months: make([]lunarMonth, 0, (lastLunarSui-firstLunarSui+1)*13)}
	prev := month11(firstLunarSui - 1)
	starts := make([]int, 0, 15)
	for y := firstLunarSui; y <= lastLunarSui; y++ {
		k := month11(y)
		n := k - prev
		starts = starts[:0]
		for i := 0; i <= n; i++ {
			starts = append(starts, newMoonDay(prev+i))
		}
		leap := 0
		if n == 13 {
			for i := 1; i <= 12; i++ {
				if majorTerm(starts[i]) == majorTerm(starts[i+1]) {
					leap = i
					break
				}
			}
			if leap == 0 {
				leap = 12
			}
		}
		for i := 0; i < n; i++ {
			num := 11 + i
			if leap > 0 && i >= leap {
				num--
			}
			num = (num-1)%12 + 1
			year := y
			if num >= 11 {
				year = y - 1
			}
			tb.months = append(tb.months, lunarMonth{
				start: int32(starts[i]), year: int16(year), month: int8(num), leap: i == leap && leap > 0,
			})
		}
		tb.end = int32(starts[n])
		prev = k
	}
	tb.yearFirst = make([]int32, lastLunarSui-firstLunarSui+2)
	for i := range tb.yearFirst {
		tb.yearFirst[i] = -1
	}
	for i, m := range tb.months {
		idx := int(m.year) - (firstLunarSui - 1)
		if tb.yearFirst[idx] < 0 {
			tb.yearFirst[idx] = int32(i)
		}
	}
	return tb
}

// find returns the index of the month holding day number z, or -1.
func (tb *lunarTable) find(z int) int {
	if len(tb.months) == 0 || z < int(tb.months[0].start) || z >= int(tb.end) {
		return -1
	}
	i := sort.Search(len(tb.months), func(i int) bool { return int(tb.months[i].start) > z })
	return i - 1
}

// monthLen returns the number of days of month i.
func (tb *lunarTable) monthLen(i int) int {
	next := tb.end
	if i+1 < len(tb.months) {
		next = tb.months[i+1].start
	}
	return int(next - tb.months[i].start)
}
