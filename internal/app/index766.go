package app

import (
	"context"
	"strings"

	"motcua/internal/fault"
	"motcua/internal/org"
	"motcua/internal/report"
	"motcua/internal/store"
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
	x, err := a.unitIndex(ctx, un.Code, p)
	if err != nil {
		return Index766{}, err
	}
	return Index766{Unit: un, Index: x}, nil
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
// It reads from the standby when there is one (onStandby).
func (a *App) Rankings(ctx context.Context, parent, from, to string) (Ranking, error) {
	return onStandby(ctx, a, func(a *App) (Ranking, error) { return a.rankings(ctx, parent, from, to) })
}

// rankings is Rankings on the given use cases (primary or standby).
func (a *App) rankings(ctx context.Context, parent, from, to string) (Ranking, error) {
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
	idx, err := a.indexes(ctx, store.IndexRoots{Parent: pu.Code}, p)
	if err != nil {
		return Ranking{}, err
	}
	var entries []report.RankEntry
	for _, un := range units {
		if un.ParentCode == pu.Code {
			entries = append(entries, report.RankEntry{UnitCode: un.Code, UnitName: un.Name, Index: idx.of(un.Code)})
		}
	}
	return Ranking{Parent: pu, Period: p, Items: report.Rank(report.SchemeAt(p.To), entries)}, nil
}

// unitIndex computes the QĐ 766 index of the unit and the units below it.
func (a *App) unitIndex(ctx context.Context, unit string, p report.Period) (report.Index, error) {
	idx, err := a.indexes(ctx, store.IndexRoots{Unit: unit}, p)
	if err != nil {
		return report.Index{}, err
	}
	return idx.of(unit), nil
}

// indexSet is the QĐ 766 index of several units for one period, by unit code.
type indexSet struct {
	scheme report.Scheme766
	period report.Period
	byUnit map[string]report.Index
}

// of returns the unit's index; a unit with nothing counted has every indicator without
// data.
func (x indexSet) of(unit string) report.Index {
	if i, ok := x.byUnit[unit]; ok {
		return i
	}
	return report.ScoreIndex(x.scheme, x.period, measuresOf(&store.IndexCounts{}))
}

// indexes computes the QĐ 766 index of every root unit (with the units below it) over
// the period: the store counts the numerators and denominators of all roots at once in
// set-based queries (store.IndexCounts), then each root's measures are scored with the
// version of the index in force on the period's last day. PAKN clocks are judged at the
// end of the period, or now when earlier.
func (a *App) indexes(ctx context.Context, roots store.IndexRoots, p report.Period) (indexSet, error) {
	x := indexSet{scheme: report.SchemeAt(p.To), period: p, byUnit: map[string]report.Index{}}
	counts, err := a.store.IndexCounts(ctx, roots, p)
	if err != nil {
		return x, err
	}
	for root, c := range counts {
		m := measuresOf(c)
		if err := a.feedbackMeasures(ctx, c.Feedback, p, m); err != nil {
			return x, err
		}
		x.byUnit[root] = report.ScoreIndex(x.scheme, p, m)
	}
	return x, nil
}
