package demo

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"motcua/internal/app"
	"motcua/internal/calendar"
	"motcua/internal/catalog"
	"motcua/internal/dossier"
	"motcua/internal/store"
)

// demoForm is the tờ khai of every history dossier: it says that the data is invented.
var demoForm = json.RawMessage(`{"ghi_chu":"Dữ liệu minh họa, không phải hồ sơ thật"}`)

// unitHistory generates the history of one unit with its own random source.
type unitHistory struct {
	vol          unitVolume
	cal          *calendar.Calendar
	procs        historyPicks
	from, cutoff time.Time
	locality     string
	r            *rand.Rand
	// receipts numbers the desk's fee receipts per year (history_payments.go).
	receipts receiptBook
	// onlineUpto and counterUpto are the running sums of the procedures' weights, made on
	// the first draw (pick).
	onlineUpto, counterUpto []float64
}

// arrival is a dossier arriving: its first instant and channel.
type arrival struct {
	at      time.Time
	channel dossier.Channel
}

// generate returns the unit's dossiers in order of arrival, numbered per day.
func (g *unitHistory) generate(ctx context.Context) ([]store.ImportedDossier, error) {
	var out []store.ImportedDossier
	pExtend := 0.0
	if late := (g.vol.OnlinePerYear + g.vol.CounterPerYear) / 12 * g.vol.Late; late > 0 {
		pExtend = min(1, g.vol.ExtendPerMonth/late)
	}
	last := calendar.DateOf(g.cutoff)
	for day := calendar.DateOf(g.from); day.Before(last); day = day.AddDays(1) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		off, _ := g.cal.DayOff(day)
		// Online dossiers come every day, fewer on days off; the desk receives on working
		// days. Slightly more work before Tết and in the summer.
		season := 1 + 0.12*math.Cos(2*math.Pi*float64(day.Month)/12) + 0.06*math.Sin(2*math.Pi*float64(day.Month)/6)
		online := g.vol.OnlinePerYear / 365 * season * 1.27
		counter := g.vol.CounterPerYear / 250 * season
		if off {
			online, counter = g.vol.OnlinePerYear/365*season*0.4, 0
		}
		var arrivals []arrival
		for range poisson(g.r, online) {
			at := day.Start().Add(6*time.Hour + time.Duration(g.r.Int64N(17*3600))*time.Second)
			arrivals = append(arrivals, arrival{at, dossier.ChannelOnline})
		}
		for range poisson(g.r, counter) {
			at, err := g.cal.DueOnly(day.Start(), calendar.Deadline{Days: 0.02 + 0.95*g.r.Float64()})
			if err != nil {
				return nil, err
			}
			arrivals = append(arrivals, arrival{at, dossier.ChannelCounter})
		}
		slices.SortStableFunc(arrivals, func(a, b arrival) int { return a.at.Compare(b.at) })
		for i, a := range arrivals {
			d, err := g.dossier(a, i+1, pExtend)
			if err != nil {
				return nil, err
			}
			out = append(out, d)
		}
	}
	return out, nil
}

// outcome is how a simulated dossier ends.
type outcome int

const (
	onTime outcome = iota
	late
	stuck
	refused
	withdrawn
)

// fate is what the generator decided for one dossier before simulating it.
type fate struct {
	end        outcome
	factor     float64 // share of each step's budget used
	supplement bool
	extend     bool
}

// dossier simulates one dossier from its arrival, as the sequence-th of its day.
func (g *unitHistory) dossier(a arrival, seq int, pExtend float64) (store.ImportedDossier, error) {
	picks, upto := g.procs.counter, &g.counterUpto
	if a.channel == dossier.ChannelOnline {
		picks, upto = g.procs.online, &g.onlineUpto
	}
	if *upto == nil {
		*upto = runningWeights(picks)
	}
	proc := pick(g.r, picks, *upto)
	applicant := fakeApplicant(g.r, g.locality)
	f := fate{factor: 0.2 + 0.7*g.r.Float64(), supplement: g.r.Float64() < g.vol.Supplement}
	switch u, v := g.r.Float64(), g.vol; {
	case u < v.Refuse:
		f.end = refused
	case u < v.Refuse+v.Withdraw:
		f.end = withdrawn
	case u < v.Refuse+v.Withdraw+v.Stuck:
		f.end, f.factor = stuck, 6
	case u < v.Refuse+v.Withdraw+v.Stuck+v.Late:
		f.end, f.factor = late, 1.25+g.r.Float64()
		f.extend = g.r.Float64() < pExtend
	}
	jitter := [4]float64{g.r.Float64(), g.r.Float64(), g.r.Float64(), g.r.Float64()}
	l, err := g.live(a, seq, proc, applicant, f, jitter)
	if err != nil {
		return store.ImportedDossier{}, err
	}
	if t := l.st.Timeliness(g.cutoff); g.vol.Tidy && (t == dossier.Late || t == dossier.Overdue) {
		// A tidy unit plans its work: the same dossier handled faster, without a
		// supplement request.
		if l, err = g.live(a, seq, proc, applicant, fate{factor: 0.25}, jitter); err != nil {
			return store.ImportedDossier{}, err
		}
	}
	key, err := dossier.NewLookupKey()
	if err != nil {
		return store.ImportedDossier{}, err
	}
	first := l.d.Events[0]
	rec := store.DossierRecord{
		Code: l.d.Code, UnitCode: g.vol.Unit, ProcedureCode: proc.Code, ProcedureName: proc.Name,
		Channel: a.channel, Applicant: applicant, Form: demoForm, Documents: app.RequiredDocuments(proc),
		Sets: 1, FeeVND: proc.FeeVND, LookupKey: key, CreatedBy: first.Actor, CreatedAt: first.At,
	}
	out := store.ImportedDossier{Record: rec, Dossier: l.d, State: l.st}
	g.numberReceipts(&out, l.payments)
	return out, nil
}

// live runs the life of one dossier through the domain rules.
func (g *unitHistory) live(a arrival, seq int, proc catalog.Procedure, who dossier.Applicant, f fate, jitter [4]float64) (*life, error) {
	plan := app.PlanFor(proc, a.channel)
	days := plan.Deadline.Days
	l := &life{g: g, d: dossier.Dossier{
		Code: dossier.FormatCode(g.vol.Unit, a.at, seq), ProcedureCode: proc.Code, UnitCode: g.vol.Unit,
		Channel: a.channel, SupplementRule: plan.SupplementRule, Process: plan.Process, Deadline: plan.Deadline,
		// Room for the longest life (submission, acceptance, payment, extension, supplement,
		// each step, return): the events are appended one by one.
		Events: make([]dossier.Event, 0, len(plan.Process.Steps)+8),
	}}
	steps := l.d.Process.Steps
	if a.channel == dossier.ChannelOnline {
		l.do(dossier.Command{Action: dossier.ActionSubmit, Actor: "nguoidan." + who.IDNumber[6:], Role: dossier.RoleApplicant}, a.at)
		at := l.after(a.at, 0.02+0.3*jitter[0])
		if f.end == refused && jitter[1] < 0.5 {
			l.do(l.officer(dossier.ActionRefuse, dossier.RoleOneStop, "Hồ sơ không thuộc thẩm quyền giải quyết của đơn vị."), at)
			return l, l.err
		}
		l.payFee(proc.FeeVND, a.at)
		l.do(l.officer(dossier.ActionAccept, dossier.RoleOneStop, ""), at)
	} else {
		l.do(l.officer(dossier.ActionReceive, dossier.RoleOneStop, ""), a.at)
		l.payFee(proc.FeeVND, a.at)
	}
	factor := f.factor
	if plan.Deadline.IsSameDay() {
		days = l.workingDaysLeft()
	}
	if sum := proc.Process.TotalDays(); sum > days && !l.d.Deadline.CalendarDays {
		factor *= days / sum
	}
	for i, s := range steps {
		if i == 1 {
			if f.extend && !l.st.DueAt.IsZero() {
				at := l.after(l.last(), 0.05)
				if limit := l.after(at, 1); !limit.After(l.st.DueAt) {
					c := l.officer(dossier.ActionExtend, dossier.RoleLeader, "Cần xác minh thêm thông tin với cơ quan liên quan.")
					c.NewDue = l.after(l.st.DueAt, 3)
					l.do(c, at)
				}
			}
			if f.supplement {
				at := l.after(l.last(), s.Days*factor*0.3)
				l.do(l.officer(dossier.ActionRequestSupplement, dossier.RoleSpecialist, ""), at)
				l.do(l.officer(dossier.ActionSupplementReceived, dossier.RoleOneStop, ""), l.after(at, 0.5+3.5*jitter[2]))
			}
			switch f.end {
			case withdrawn:
				l.do(l.officer(dossier.ActionWithdraw, dossier.RoleOneStop, ""), l.after(l.last(), s.Days*factor*0.5))
				return l, l.err
			case refused:
				l.do(l.officer(dossier.ActionRefuse, dossier.RoleLeader, "Hồ sơ không đủ điều kiện giải quyết theo quy định."),
					l.after(l.last(), s.Days*factor*0.5))
				return l, l.err
			}
		}
		c := l.officer(dossier.ActionForward, s.Role, "")
		if i+1 < len(steps) {
			c.Assignee = g.vol.Staff + "." + string(steps[i+1].Role)
		}
		l.do(c, l.after(l.last(), s.Days*factor))
	}
	l.do(l.officer(dossier.ActionReturnResult, dossier.RoleOneStop, ""), l.after(l.last(), 0.05+1.5*jitter[3]))
	return l, l.err
}

// life is a dossier being simulated. Once an action would fall on or after the cutoff
// (today), the dossier stays as it is: still open.
type life struct {
	g       *unitHistory
	d       dossier.Dossier
	st      dossier.State
	stopped bool
	err     error
	// payments are the fee payments made in this life (history_payments.go).
	payments []store.Payment
}

func (l *life) last() time.Time { return l.st.LastAt }

// officer builds a command by the unit's officer of the role.
func (l *life) officer(a dossier.Action, role dossier.Role, reason string) dossier.Command {
	return dossier.Command{Action: a, Actor: l.g.vol.Staff + "." + string(role), Role: role, Unit: l.g.vol.Unit, Reason: reason}
}

// workingDaysLeft returns the working time, in days, from the last event to the
// appointment: what the steps of a same-day procedure share.
func (l *life) workingDaysLeft() float64 {
	from, due := l.last(), l.st.DueAt
	lo, hi := 0.0, 2.0
	for range 12 {
		mid := (lo + hi) / 2
		if t, err := l.g.cal.DueOnly(from, calendar.Deadline{Days: mid}); err == nil && !t.After(due) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return max(lo, 0.01)
}

// after returns the instant days working days after t (at least a few minutes), inside
// working hours.
func (l *life) after(t time.Time, days float64) time.Time {
	if l.err != nil {
		return t
	}
	due, err := l.g.cal.DueOnly(t, calendar.Deadline{Days: max(days, 0.01)})
	if err != nil {
		l.err = err
		return t
	}
	return due
}

// do takes the action at the instant through the domain rules, unless the life stopped.
func (l *life) do(c dossier.Command, at time.Time) {
	if l.err != nil || l.stopped {
		return
	}
	if !at.Before(l.g.cutoff) {
		l.stopped = true
		return
	}
	// This is dossier.Act without its first projection: the state of the previous step
	// is already at hand.
	e, err := dossier.Decide(l.d, l.st, c, l.g.cal, at)
	if err == nil {
		l.d.Events = append(l.d.Events, e)
		l.st, err = dossier.ProjectBrief(l.d, l.g.cal)
	}
	if err != nil {
		l.err = fmt.Errorf("%s: %s: %w", l.d.Code, c.Action, err)
	}
}
