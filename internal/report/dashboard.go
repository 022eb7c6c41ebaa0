package report

import (
	"cmp"
	"slices"
	"time"

	"motcua/internal/calendar"
)

// OpenDossier is a dossier still open, as the leaders' dashboard lists it: who holds
// it at which step and when it is due (the original, legal appointment).
type OpenDossier struct {
	Code, ProcedureName string
	// Step is the name of the current step ("" before processing starts); Assignee the
	// officer holding it ("" when unassigned), AssigneeName their name.
	Step, Assignee, AssigneeName string
	ReceivedAt, DueAt            time.Time
}

// Load is the number of open dossiers of one officer or step, and how many are overdue.
type Load struct {
	Name          string
	Open, Overdue int
}

// MonthRate is one month of the on-time trend: dossiers resolved in the month and
// those resolved early or on time. Rate is a percentage, HasData false without any
// resolved dossier.
type MonthRate struct {
	Period           Period
	Resolved, OnTime int
	Rate             float64
	HasData          bool
}

// Dashboard is the leaders' view (bảng điều hành) of a unit: this period against the
// previous one, the on-time trend by month, the overdue and soon-due lists, and the
// load per officer and per step.
type Dashboard struct {
	Period, Previous     Period
	Current, Before      Counts
	Rate, PreviousRate   float64
	HasRate, HasPrevRate bool
	Trend                []MonthRate
	Overdue, SoonDue     []OpenDossier
	ByOfficer, ByStep    []Load
}

// OnTimeRate is the share of resolved dossiers resolved early or on time, in percent,
// and false when nothing was resolved.
func OnTimeRate(n Counts) (float64, bool) {
	if n.Resolved.Total == 0 {
		return 0, false
	}
	return round2(100 * float64(n.Resolved.Early+n.Resolved.OnTime) / float64(n.Resolved.Total)), true
}

// Totals counts the dossiers of Biểu II.06a's cells for the period, without fields.
func Totals(p Period, ds []Dossier) Counts {
	var n Counts
	for _, d := range ds {
		n.Add(ClassifyII06a(d, p))
	}
	return n
}

// PreviousPeriod is the period of the same length just before p.
func PreviousPeriod(p Period) Period {
	days := p.Days()
	q, _ := NewPeriod(p.From.AddDays(-days), p.From.AddDays(-1))
	return q
}

// TrendMonths lists the statutory months ending with the one that contains the date,
// n of them, oldest first.
func TrendMonths(d calendar.Date, n int) []Period {
	out := make([]Period, n)
	m := StatutoryMonth(d)
	for i := n - 1; i >= 0; i-- {
		out[i] = m
		m = StatutoryMonth(m.From.AddDays(-1))
	}
	return out
}

// DashboardPeriods are the periods whose Biểu II.06a totals the dashboard of p shows:
// p, the previous period of the same length, and the trend months.
func DashboardPeriods(p Period, months []Period) []Period {
	return append([]Period{p, PreviousPeriod(p)}, months...)
}

// BuildDashboard computes the dashboard of the period at the instant now: totals gives
// the totals of Biểu II.06a of each of DashboardPeriods (from the maintained counts, or
// Totals of the dossiers); open are the dossiers open now. A dossier is soon due when
// its appointment falls within soon of now.
func BuildDashboard(p Period, months []Period, totals func(Period) Counts, open []OpenDossier, now time.Time, soon time.Duration) Dashboard {
	db := Dashboard{Period: p, Previous: PreviousPeriod(p)}
	db.Current, db.Before = totals(p), totals(db.Previous)
	db.Rate, db.HasRate = OnTimeRate(db.Current)
	db.PreviousRate, db.HasPrevRate = OnTimeRate(db.Before)
	for _, m := range months {
		n := totals(m)
		r, ok := OnTimeRate(n)
		db.Trend = append(db.Trend, MonthRate{Period: m, Resolved: n.Resolved.Total,
			OnTime: n.Resolved.Early + n.Resolved.OnTime, Rate: r, HasData: ok})
	}
	officers, steps := map[string]*Load{}, map[string]*Load{}
	add := func(m map[string]*Load, name string, overdue bool) {
		l := m[name]
		if l == nil {
			l = &Load{Name: name}
			m[name] = l
		}
		l.Open++
		if overdue {
			l.Overdue++
		}
	}
	for _, o := range open {
		overdue := !o.DueAt.IsZero() && !now.Before(o.DueAt)
		switch {
		case overdue:
			db.Overdue = append(db.Overdue, o)
		case !o.DueAt.IsZero() && o.DueAt.Sub(now) <= soon:
			db.SoonDue = append(db.SoonDue, o)
		}
		who := o.AssigneeName
		if who == "" {
			who = o.Assignee
		}
		if who == "" {
			who = "Chưa phân công"
		}
		step := o.Step
		if step == "" {
			step = "Chờ tiếp nhận"
		}
		add(officers, who, overdue)
		add(steps, step, overdue)
	}
	byDue := func(a, b OpenDossier) int { return cmp.Or(a.DueAt.Compare(b.DueAt), cmp.Compare(a.Code, b.Code)) }
	slices.SortFunc(db.Overdue, byDue)
	slices.SortFunc(db.SoonDue, byDue)
	db.ByOfficer, db.ByStep = loads(officers), loads(steps)
	return db
}

// loads lists the loads, heaviest first, then by name.
func loads(m map[string]*Load) []Load {
	out := make([]Load, 0, len(m))
	for _, l := range m {
		out = append(out, *l)
	}
	slices.SortFunc(out, func(a, b Load) int { return cmp.Or(cmp.Compare(b.Open, a.Open), cmp.Compare(a.Name, b.Name)) })
	return out
}
