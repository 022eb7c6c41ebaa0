package calendar

import "time"

// TransferDue returns when a dossier received at the desk must reach the processing
// office (chuyển hồ sơ, the 15:00 rule): at once when received during a working session
// of a working day before the cutoff (15:00 by default); when received before the cutoff
// but outside a session (early morning, lunch break) at the start of that day's next
// session; otherwise (after the cutoff, or on a day off) at the start of the first
// session of the next working day. Outside 1900–2199 it returns received unchanged.
func (c *Calendar) TransferDue(received time.Time) time.Time {
	z, tod := splitInstant(received)
	if z < minDay || z > maxDay {
		return received
	}
	ss := c.sched.Sessions
	if c.isWorking(z) && tod < c.sched.TransferCutoff {
		for _, s := range ss {
			if tod < s.End && s.Start < c.sched.TransferCutoff {
				if tod >= s.Start {
					return received
				}
				return c.at(z, s.Start)
			}
		}
	}
	next, ok := c.nextWorking(z + 1)
	if !ok {
		return received
	}
	return c.at(next, ss[0].Start)
}

// Receiving reports whether the desk receives dossiers at t: during a working session of
// a working day, or during the first session on a Saturday that is not a holiday when the
// schedule has SaturdayReception.
func (c *Calendar) Receiving(t time.Time) bool {
	z, tod := splitInstant(t)
	if z < minDay || z > maxDay {
		return false
	}
	ss := c.sched.Sessions
	if c.isWorking(z) {
		for _, s := range ss {
			if tod >= s.Start && tod < s.End {
				return true
			}
		}
		return false
	}
	if !c.sched.SaturdayReception || weekdayOf(z) != time.Saturday {
		return false
	}
	if yd, _ := c.yearOf(z); yd != nil {
		if _, special := yd.special[z]; special {
			return false
		}
	}
	return tod >= ss[0].Start && tod < ss[0].End
}
