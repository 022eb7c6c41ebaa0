package calendar

import (
	mbits "math/bits"
	"sort"
	"sync"
	"time"
)

// yearCount is the number of civil years the Calendar covers (1900–2199).
const yearCount = maxYear - minYear + 1

// Calendar is the working calendar (lịch làm việc) of a unit: its schedule, the statutory
// days off, compensatory days and the published decisions (overrides). It is immutable
// and safe for concurrent use; each year's table of working days is computed on first use.
type Calendar struct {
	sched     Schedule
	dayLen    time.Duration
	weekdays  [7]bool
	overrides map[int]Override
	years     [yearCount]yearSlot
}

// yearSlot holds one lazily computed year.
type yearSlot struct {
	once sync.Once
	data *yearData
}

// yearData is the computed calendar of one civil year.
type yearData struct {
	first   int             // day number of 1 January
	length  int             // 365 or 366
	working [6]uint64       // bit i: day first+i is a working day
	special map[int]dayInfo // days that are not plain working days or plain weekly days off
}

// dayInfo describes a day that differs from its weekday's default.
type dayInfo struct {
	off    bool
	kind   string // KindHoliday, KindCompensatory, KindConfigured, or "" for a working day
	name   string
	reason string
}

// New returns the Calendar for the schedule and the overrides that apply to the unit (the
// country-wide ones and the unit's own; the last override for a date wins). An invalid
// schedule is normalised (see Schedule): sessions sorted, bad ones dropped, Monday–Friday
// and the default sessions when none are given.
func New(s Schedule, overrides []Override) *Calendar {
	c := &Calendar{sched: s.normalized(), overrides: make(map[int]Override, len(overrides))}
	c.dayLen = c.sched.dayLength()
	for _, w := range c.sched.Weekdays {
		c.weekdays[w] = true
	}
	for _, o := range overrides {
		if validYMD(o.Date.Year, int(o.Date.Month), o.Date.Day) {
			c.overrides[o.Date.days()] = o
		}
	}
	return c
}

// Schedule returns a copy of the calendar's normalised working time.
func (c *Calendar) Schedule() Schedule {
	s := c.sched
	s.Sessions = append([]Session(nil), s.Sessions...)
	s.Weekdays = append([]time.Weekday(nil), s.Weekdays...)
	return s
}

// year returns the computed data of civil year y, or nil outside 1900–2199.
func (c *Calendar) year(y int) *yearData {
	if y < minYear || y > maxYear {
		return nil
	}
	slot := &c.years[y-minYear]
	slot.once.Do(func() { slot.data = c.buildYear(y) })
	return slot.data
}

// yearOf returns the year data holding day number z and z's offset in it, or nil.
func (c *Calendar) yearOf(z int) (*yearData, int) {
	if z < minDay || z > maxDay {
		return nil, 0
	}
	y := minYear + (z-minDay)*400/146097
	for {
		yd := c.year(y)
		switch {
		case z < yd.first:
			y--
		case z >= yd.first+yd.length:
			y++
		default:
			return yd, z - yd.first
		}
	}
}

// buildYear computes the working days of year y: weekly days off from the schedule,
// statutory days, compensatory days (the next working weekday that is not already off,
// for each statutory day on a weekly day off), then the overrides on top.
func (c *Calendar) buildYear(y int) *yearData {
	yd := &yearData{first: daysFromCivil(y, 1, 1), special: map[int]dayInfo{}}
	yd.length = daysFromCivil(y+1, 1, 1) - yd.first
	stat := statutoryDays(y)
	for _, s := range stat {
		if _, dup := yd.special[s.day]; dup {
			continue
		}
		info := dayInfo{off: true, kind: KindHoliday, name: s.name, reason: s.name}
		if !c.weekdays[weekdayOf(s.day)] {
			info.reason = s.name + " (trùng " + weekdayName(weekdayOf(s.day)) + ")"
		}
		yd.special[s.day] = info
	}
	for _, s := range stat {
		if c.weekdays[weekdayOf(s.day)] {
			continue
		}
		x := s.day + 1
		for !c.weekdays[weekdayOf(x)] || yd.special[x].off {
			x++
		}
		r := compensatoryReason(s)
		yd.special[x] = dayInfo{off: true, kind: KindCompensatory, name: r, reason: r}
	}
	for z := yd.first; z < yd.first+yd.length; z++ {
		if o, ok := c.overrides[z]; ok {
			prev, had := yd.special[z]
			info := dayInfo{off: o.Off, name: o.Name, reason: o.reason()}
			if o.Off {
				info.kind = KindConfigured
				if had && prev.kind == KindHoliday {
					info.kind, info.name = KindHoliday, prev.name
				}
				if info.name == "" {
					info.name = info.reason
				}
			}
			yd.special[z] = info
		}
	}
	for i := 0; i < yd.length; i++ {
		z := yd.first + i
		working := c.weekdays[weekdayOf(z)]
		if info, ok := yd.special[z]; ok {
			working = !info.off
		}
		if working {
			yd.working[i/64] |= 1 << (i % 64)
		}
	}
	return yd
}

// isWorking reports whether day number z is a working day; false outside 1900–2199.
func (c *Calendar) isWorking(z int) bool {
	yd, i := c.yearOf(z)
	return yd != nil && yd.working[i/64]&(1<<(i%64)) != 0
}

// nextWorking returns the first working day at or after day number z, or false when
// there is none before the end of 2199.
func (c *Calendar) nextWorking(z int) (int, bool) {
	for z <= maxDay {
		yd, i := c.yearOf(z)
		if yd == nil {
			return 0, false
		}
		for w := i / 64; w < len(yd.working); w++ {
			bits := yd.working[w]
			if w == i/64 {
				bits &^= (1 << (i % 64)) - 1
			}
			if bits != 0 {
				off := w*64 + mbits.TrailingZeros64(bits)
				if off < yd.length {
					return yd.first + off, true
				}
				break
			}
		}
		z = yd.first + yd.length
	}
	return 0, false
}

// DayOff reports whether the offices are closed on d, and why, in Vietnamese ("Thứ Bảy",
// "Chủ nhật", "Tết Nguyên đán", "Nghỉ bù Giỗ Tổ Hùng Vương (26/04 trùng Chủ nhật)", an
// override's reason). For a working day the reason is "Ngày làm việc", or the override's
// reason for a swap working day ("Làm việc bù theo Thông báo …"). Outside 1900–2199 only
// the weekly days off are known.
func (c *Calendar) DayOff(d Date) (off bool, reason string) {
	z := d.days()
	if yd, _ := c.yearOf(z); yd != nil {
		if info, ok := yd.special[z]; ok {
			return info.off, info.reason
		}
	}
	if w := weekdayOf(z); !c.weekdays[w] {
		return true, weekdayName(w)
	}
	return false, "Ngày làm việc"
}

// Kinds of Holiday.
const (
	KindHoliday      = "holiday"      // a statutory day off (ngày nghỉ lễ, tết)
	KindCompensatory = "compensatory" // a compensatory day off (ngày nghỉ bù)
	KindConfigured   = "configured"   // a day off decided by an override
)

// Holiday is a day on which the offices close that is not a weekly day off.
type Holiday struct {
	Date Date   `json:"date"`
	Name string `json:"name"`
	Kind string `json:"kind"`
}

// Holidays lists the year's days off that fall on the schedule's working weekdays
// (statutory holidays, compensatory days and configured days off), sorted by date. It is
// empty outside 1900–2199.
func (c *Calendar) Holidays(year int) []Holiday {
	yd := c.year(year)
	out := []Holiday{}
	if yd == nil {
		return out
	}
	for z, info := range yd.special {
		if info.off && c.weekdays[weekdayOf(z)] {
			out = append(out, Holiday{Date: dateFromDays(z), Name: info.name, Kind: info.kind})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}
