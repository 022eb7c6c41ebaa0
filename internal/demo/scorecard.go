package demo

import (
	"context"
	"fmt"

	"motcua/internal/report"
	"motcua/internal/store"
)

// scorecardYear is the competition year the demo fills.
const scorecardYear = 2025

// selfAssessed is the demo's share of each self-assessed criterion's maximum, per
// commune: the unit's own score and the province's appraisal. These are set so that the
// self-assessed part does not favour Tân Hòa (Phước An and Bình Minh score higher
// there); the ranking is decided by the criteria taken from the QĐ 766 index, which
// Tân Hòa earns with its dossier history (no late dossier, most dossiers online).
var selfAssessed = []struct {
	unit            string
	self, appraised float64
}{
	{TanHoa, 0.90, 0.85},
	{"H40.12.07", 0.92, 0.87},
	{"H40.15.01", 0.90, 0.86},
	{"H40.15.09", 0.85, 0.80},
}

// loadScorecards enters the demo communes' self-scores of 2025 and the province's
// appraisal, on the illustrative criteria.
func loadScorecards(ctx context.Context, st *store.Store) error {
	s := report.DefaultScheme(scorecardYear)
	var leaves []report.Criterion
	var walk func(cs []report.Criterion)
	walk = func(cs []report.Criterion) {
		for _, c := range cs {
			if len(c.Children) == 0 && c.Source == "" {
				leaves = append(leaves, c)
			}
			walk(c.Children)
		}
	}
	walk(s.Criteria)
	for _, u := range selfAssessed {
		for _, c := range leaves {
			self := round2(c.MaxPoints * u.self)
			appr := round2(c.MaxPoints * u.appraised)
			if err := st.SaveScore(ctx, store.SelfScore, scorecardYear, u.unit, c.Code, &self, "Có báo cáo, kế hoạch kèm theo.", "demo", store.AuditEntry{}); err != nil {
				return fmt.Errorf("demo: scorecard %s: %w", u.unit, err)
			}
			if err := st.SaveScore(ctx, store.Appraisal, scorecardYear, u.unit, c.Code, &appr, "", "tinh.giamsat", store.AuditEntry{}); err != nil {
				return fmt.Errorf("demo: scorecard %s: %w", u.unit, err)
			}
		}
	}
	return nil
}

func round2(f float64) float64 { return float64(int64(f*100+0.5)) / 100 }
