package app

import (
	"context"
	"strings"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/catalog"
	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/report"
)

// II07b is Biểu II.07b of a unit and the units below it, with the unit above it for the
// header block.
type II07b struct {
	Unit, Parent org.Unit
	report.II07b
}

// tierOf is the column of Biểu II.07b a unit's level counts in, and the catalogue's
// level code of the procedures within its competence.
func tierOf(l org.Level) (report.Tier, string) {
	switch l {
	case org.Province, org.Agency:
		return report.TierProvince, catalog.LevelProvince
	case org.District:
		return report.TierDistrict, catalog.LevelDistrict
	case org.Commune:
		return report.TierCommune, catalog.LevelCommune
	}
	return "", ""
}

// ReportII07b computes Biểu II.07b (TT 01/2020/TT-VPCP) on the civil date (YYYY-MM-DD,
// today when empty) for the unit and every unit below it: per unit, the procedures
// within its competence (the catalogue's procedures of its tier), those it handles
// under the one-stop mechanism (the procedures assigned to its desk) and those with an
// internal process published by the end of the date. Access is ReportII06a's.
// It reads from the standby when there is one (onStandby).
func (a *App) ReportII07b(ctx context.Context, u org.User, unit, date string) (II07b, error) {
	return onStandby(ctx, a, func(a *App) (II07b, error) { return a.reportII07b(ctx, u, unit, date) })
}

// reportII07b is ReportII07b on the given use cases (primary or standby).
func (a *App) reportII07b(ctx context.Context, u org.User, unit, date string) (II07b, error) {
	if err := requireRole(u, org.Leader, org.Inspector, org.Admin); err != nil {
		return II07b{}, err
	}
	errs := map[string]string{}
	unit = strings.TrimSpace(unit)
	if unit == "" {
		errs["unit"] = "Chọn đơn vị."
	}
	d := calendar.DateOf(a.store.Now())
	if strings.TrimSpace(date) != "" {
		var ok bool
		if d, ok = civilDate("date", date, errs); !ok {
			d = calendar.Date{}
		}
	}
	if len(errs) > 0 {
		return II07b{}, fault.WithFields("Tham số báo cáo chưa hợp lệ.", errs)
	}
	un, err := a.store.Unit(ctx, unit)
	if err != nil {
		return II07b{}, err
	}
	if err := a.seeReports(ctx, u, unit); err != nil {
		return II07b{}, err
	}
	offers, err := a.store.II07bUnits(ctx, un.Code, true, d.AddDays(1).Start())
	if err != nil {
		return II07b{}, err
	}
	levels, err := a.store.ProceduresByLevel(ctx)
	if err != nil {
		return II07b{}, err
	}
	in := make([]report.II07bUnit, 0, len(offers))
	for _, o := range offers {
		tier, code := tierOf(o.Unit.Level)
		in = append(in, report.II07bUnit{Code: o.Unit.Code, Name: o.Unit.Name, Tier: tier,
			Competence: levels[code], OneStop: o.OneStop, Processes: o.Processes})
	}
	out := II07b{Unit: un, II07b: report.BuildII07b(d, in)}
	if un.ParentCode != "" {
		if out.Parent, err = a.store.Unit(ctx, un.ParentCode); err != nil {
			return II07b{}, err
		}
	}
	return out, nil
}

// Dashboard is the leaders' dashboard of a unit and the units below it.
type Dashboard struct {
	Unit org.Unit
	report.Dashboard
	// More is true when the unit had more open dossiers than the lists read.
	More bool
}

// SoonDue is how close an appointment makes an open dossier "sắp đến hạn".
const SoonDue = 48 * time.Hour

// trendMonths is how many statutory months the on-time trend shows.
const trendMonths = 12

// Dashboard computes the leaders' dashboard (bảng điều hành) of the unit and the units
// below it for the period from–to: its figures against the previous period of the same
// length, the on-time rate of the 12 statutory months ending with the period, the
// overdue and soon-due dossiers now, and the open dossiers per officer and per step.
// Access and bad input are ReportII06a's.
func (a *App) Dashboard(ctx context.Context, u org.User, unit, from, to string) (Dashboard, error) {
	if err := requireRole(u, org.Leader, org.Inspector, org.Admin); err != nil {
		return Dashboard{}, err
	}
	un, p, err := a.reportUnit(ctx, u, unit, from, to, "Tham số bảng điều hành chưa hợp lệ.")
	if err != nil {
		return Dashboard{}, err
	}
	months := report.TrendMonths(p.To, trendMonths)
	totals := map[report.Period]report.Counts{}
	for _, q := range report.DashboardPeriods(p, months) {
		if _, ok := totals[q]; ok {
			continue
		}
		if totals[q], err = a.totals(ctx, un.Code, q); err != nil {
			return Dashboard{}, err
		}
	}
	open, more, err := a.store.OpenDossiers(ctx, un.Code, true)
	if err != nil {
		return Dashboard{}, err
	}
	return Dashboard{Unit: un, More: more, Dashboard: report.BuildDashboard(p, months,
		func(q report.Period) report.Counts { return totals[q] }, open, a.store.Now(), SoonDue)}, nil
}

// totals is Biểu II.06a's total line of the unit and the units below it for the period,
// read from the maintained daily counts (the sums of every field).
func (a *App) totals(ctx context.Context, unit string, p report.Period) (report.Counts, error) {
	byField, err := a.store.II06aSums(ctx, unit, true, p)
	if err != nil {
		return report.Counts{}, err
	}
	var s report.PeriodSums
	for _, n := range byField {
		s.Plus(n)
	}
	return s.Counts(), nil
}

// Results is the public "Kết quả giải quyết TTHC" of a unit (with the units below it)
// for a statutory month and its year: figures only, nothing about a dossier or a person.
type Results struct {
	Unit        org.Unit
	Month, Year ResultFigures
	// Years are the years the page offers.
	Years []int
}

// ResultFigures are the headline figures of one period: received, resolved, the on-time
// rate of the resolved ones, the QĐ 766 index and the unit's rank among its siblings
// (0 without a parent or without data).
type ResultFigures struct {
	Period             report.Period
	Received, Resolved int
	OnTimeRate         float64
	HasRate            bool
	Score              float64
	HasScore           bool
	Band               string
	Rank, Of           int
}

// UnitResults computes the public results of the unit for the statutory year (the
// current one when year is 0) and its last month (the current month for the current
// year). An unknown unit is fault.NotFound, a year out of range fault.Invalid.
// It reads from the standby when there is one (onStandby).
func (a *App) UnitResults(ctx context.Context, unit string, year int) (Results, error) {
	return onStandby(ctx, a, func(a *App) (Results, error) { return a.unitResults(ctx, unit, year) })
}

// unitResults is UnitResults on the given use cases (primary or standby).
func (a *App) unitResults(ctx context.Context, unit string, year int) (Results, error) {
	un, err := a.store.Unit(ctx, strings.TrimSpace(unit))
	if err != nil {
		return Results{}, err
	}
	today := calendar.DateOf(a.store.Now())
	month := report.StatutoryMonth(today)
	current := month.To.Year
	if year == 0 {
		year = current
	}
	if year < current-10 || year > current {
		return Results{}, fault.WithFields("Năm không hợp lệ.", map[string]string{"year": "Chọn một năm trong 10 năm gần đây."})
	}
	if year != current {
		month, _ = report.Named(report.Month, year, 12)
	}
	yp, _ := report.Named(report.Year, year, 0)
	out := Results{Unit: un}
	for y := current; y >= current-2; y-- {
		out.Years = append(out.Years, y)
	}
	if out.Month, err = a.figures(ctx, un, month); err != nil {
		return Results{}, err
	}
	if out.Year, err = a.figures(ctx, un, yp); err != nil {
		return Results{}, err
	}
	return out, nil
}

// figures computes one period's headline figures of the unit.
func (a *App) figures(ctx context.Context, un org.Unit, p report.Period) (ResultFigures, error) {
	f := ResultFigures{Period: p}
	n, err := a.totals(ctx, un.Code, p)
	if err != nil {
		return f, err
	}
	f.Received, f.Resolved = n.Received.Total, n.Resolved.Total
	f.OnTimeRate, f.HasRate = report.OnTimeRate(n)
	idx, err := a.unitIndex(ctx, un.Code, p)
	if err != nil {
		return f, err
	}
	s := report.SchemeAt(p.To)
	if f.HasScore = idx.HasData(); f.HasScore {
		f.Score, f.Band = idx.Score(), s.Band(idx.Score())
	}
	if un.ParentCode == "" {
		return f, nil
	}
	r, err := a.Rankings(ctx, un.ParentCode, p.From.String(), p.To.String())
	if err != nil {
		return f, err
	}
	f.Of = len(r.Items)
	for _, it := range r.Items {
		if it.UnitCode == un.Code {
			f.Rank = it.Rank
		}
	}
	return f, nil
}

// Headline is the unit's headline figure for its home page: the current statutory
// month's results.
func (a *App) Headline(ctx context.Context, unit string) (org.Unit, ResultFigures, error) {
	un, err := a.store.Unit(ctx, unit)
	if err != nil {
		return un, ResultFigures{}, err
	}
	f, err := a.figures(ctx, un, report.StatutoryMonth(calendar.DateOf(a.store.Now())))
	return un, f, err
}
