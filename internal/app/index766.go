package app

import (
	"context"
	"strings"

	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/report"
)

// Index766 is the QĐ 766 index of a unit (and the units below it) for a period.
type Index766 struct {
	Unit org.Unit
	report.Index
}

// Index766 computes the QĐ 766 index of the unit and every unit below it over the civil
// dates from–to (YYYY-MM-DD, both included), with the version of the index in force on
// the period's last day. The access rules are ReportII06a's: leaders, inspectors and
// administrators, within their scope (fault.Forbidden otherwise); an unknown unit is
// fault.NotFound; bad dates fault.Invalid with a message per field.
func (a *App) Index766(ctx context.Context, u org.User, unit, from, to string) (Index766, error) {
	if err := requireRole(u, org.Leader, org.Inspector, org.Admin); err != nil {
		return Index766{}, err
	}
	un, p, err := a.reportUnit(ctx, u, unit, from, to, "Tham số chỉ số chưa hợp lệ.")
	if err != nil {
		return Index766{}, err
	}
	ds, err := a.store.ReportDossiers(ctx, un.Code, true, p)
	if err != nil {
		return Index766{}, err
	}
	extra, err := a.indexMeasures(ctx, un.Code, p)
	if err != nil {
		return Index766{}, err
	}
	return Index766{Unit: un, Index: report.ComputeIndex(report.SchemeAt(p.To), p, ds, extra)}, nil
}

// Ranking is the xếp hạng of the units directly below a parent by their QĐ 766 index.
type Ranking struct {
	Parent org.Unit
	Period report.Period
	Items  []report.Ranked
}

// Rankings ranks the units directly below the parent by their QĐ 766 index (each with
// the units below it) over the civil dates from–to, best first (report.Rank). It is
// public: it gives unit codes, names, scores and bands, nothing about a dossier or a
// person. An unknown parent is fault.NotFound; a missing parent or bad dates
// fault.Invalid with a message per field.
func (a *App) Rankings(ctx context.Context, parent, from, to string) (Ranking, error) {
	parent = strings.TrimSpace(parent)
	errs := map[string]string{}
	if parent == "" {
		errs["parent"] = "Chọn đơn vị cấp trên."
	}
	p, perr := period(from, to, errs)
	if len(errs) > 0 {
		return Ranking{}, fault.WithFields("Tham số xếp hạng chưa hợp lệ.", errs)
	}
	if perr != nil {
		return Ranking{}, perr
	}
	pu, err := a.store.Unit(ctx, parent)
	if err != nil {
		return Ranking{}, err
	}
	units, err := a.store.Units(ctx)
	if err != nil {
		return Ranking{}, err
	}
	s := report.SchemeAt(p.To)
	var entries []report.RankEntry
	for _, un := range units {
		if un.ParentCode != pu.Code {
			continue
		}
		ds, err := a.store.ReportDossiers(ctx, un.Code, true, p)
		if err != nil {
			return Ranking{}, err
		}
		extra, err := a.indexMeasures(ctx, un.Code, p)
		if err != nil {
			return Ranking{}, err
		}
		entries = append(entries, report.RankEntry{UnitCode: un.Code, UnitName: un.Name, Index: report.ComputeIndex(s, p, ds, extra)})
	}
	return Ranking{Parent: pu, Period: p, Items: report.Rank(s, entries)}, nil
}

// measureSource adds to m the QĐ 766 measures it holds for the unit and the units below
// it over the period.
type measureSource func(a *App, ctx context.Context, unitCode string, p report.Period, m report.Measures) error

// measureSources are the use cases that count the measures held outside the dossier
// summaries (feedback, ratings, payments, digitisation), one line each.
var measureSources = []measureSource{
	feedbackMeasures,     // 5.1–5.3 (feedback_index.go)
	serviceSatisfaction,  // 5.4 (rating_index.go)
	paymentMeasures,      // 3.4, 3.6 (index766_payments.go)
	digitisationMeasures, // 4.1–4.3 (index766_esign.go)
}

// indexMeasures gathers the measures of every source for the unit's subtree and period.
func (a *App) indexMeasures(ctx context.Context, unitCode string, p report.Period) (report.Measures, error) {
	m := report.Measures{}
	for _, src := range measureSources {
		if err := src(a, ctx, unitCode, p, m); err != nil {
			return nil, err
		}
	}
	return m, nil
}
