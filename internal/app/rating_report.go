package app

import (
	"context"
	"sort"

	"motcua/internal/feedback"
	"motcua/internal/org"
	"motcua/internal/report"
	"motcua/internal/store"
)

// RatingReport is the thống kê đánh giá mức độ hài lòng of a unit and the units below
// it over a period: the ratings given in the period in total, by officer who handled
// the dossiers (a rating counts for each of them) and by procedure.
type RatingReport struct {
	Unit       org.Unit
	Period     report.Period
	Total      feedback.Tally
	Officers   []OfficerRatings
	Procedures []store.RatingRow
}

// OfficerRatings is the tally of the ratings of the dossiers an officer handled.
type OfficerRatings struct {
	Username, FullName string
	feedback.Tally
}

// Ratings reports the ratings given over the civil dates from–to (YYYY-MM-DD, both
// included) to the dossiers of the unit and the units below it. The access rules are
// ReportII06a's: leaders, inspectors and administrators within their scope.
// Officers are sorted by the number of ratings, most first.
func (a *App) Ratings(ctx context.Context, u org.User, unit, from, to string) (RatingReport, error) {
	if err := requireRole(u, org.Leader, org.Inspector, org.Admin); err != nil {
		return RatingReport{}, err
	}
	un, p, err := a.reportUnit(ctx, u, unit, from, to, "Tham số thống kê chưa hợp lệ.")
	if err != nil {
		return RatingReport{}, err
	}
	out := RatingReport{Unit: un, Period: p}
	if out.Procedures, err = a.store.RatingsByProcedure(ctx, un.Code, true, p.Start(), p.End()); err != nil {
		return RatingReport{}, err
	}
	for _, r := range out.Procedures {
		out.Total.Plus(r.Tally)
	}
	byOfficer, err := a.store.RatingsByOfficer(ctx, un.Code, true, p.Start(), p.End())
	if err != nil {
		return RatingReport{}, err
	}
	for _, r := range byOfficer {
		out.Officers = append(out.Officers, OfficerRatings{Username: r.Key, FullName: a.OfficerName(ctx, r.Key), Tally: r.Tally})
	}
	sort.SliceStable(out.Officers, func(i, j int) bool { return out.Officers[i].Total() > out.Officers[j].Total() })
	sort.SliceStable(out.Procedures, func(i, j int) bool { return out.Procedures[i].Total() > out.Procedures[j].Total() })
	return out, nil
}
