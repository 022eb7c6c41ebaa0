package api

import (
	"net/http"
	"strconv"
	"strings"

	"motcua/internal/app"
	"motcua/internal/fault"
	"motcua/internal/report"
	"motcua/internal/web/kit"
)

// competitionYear reads year= (the competition year), defaulting to the last finished
// statutory year.
func (s *Server) competitionYear(r *http.Request) (int, error) {
	y := strings.TrimSpace(r.URL.Query().Get("year"))
	if y == "" {
		return s.App.CompetitionYear(), nil
	}
	n, err := strconv.Atoi(y)
	if err != nil {
		return 0, fault.WithFields("Năm không hợp lệ.", map[string]string{"year": "Nhập năm, ví dụ 2025."})
	}
	return n, nil
}

// apiScorecard answers GET /api/v1/scorecards?unit=&year=: the unit's competition
// scorecard (chấm điểm Chỉ số CCHC) as a tree of criteria with their maximum points, the
// self-score, the appraised score and the final score, automatic criteria with the value
// taken from the QĐ 766 index, and the number of evidence files of each leaf.
func (s *Server) apiScorecard(w http.ResponseWriter, r *http.Request) {
	year, err := s.competitionYear(r)
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	u, _ := kit.CurrentUser(r)
	c, err := s.App.Scorecard(r.Context(), u, r.URL.Query().Get("unit"), year)
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{
		"unit": c.Unit.Code, "unit_name": c.Unit.Name, "year": c.Year,
		"scheme":     map[string]any{"name": c.Scheme.Name, "illustrative": c.Scheme.Illustrative, "note": c.Scheme.Note},
		"max_points": c.MaxPoints, "self": c.Self, "appraised": c.Appraised, "final": c.Final, "complete": c.Complete,
		"criteria": criteriaJSON(c),
	})
}

// criteriaJSON nests the card's lines (in tree order, with their depths) as the
// scheme's tree.
func criteriaJSON(c app.Scorecard) []map[string]any {
	root := []map[string]any{}
	var stack []map[string]any // the open group at each depth
	for _, l := range c.Lines {
		m := lineJSON(l, len(c.Evidence[l.Code]))
		stack = stack[:l.Depth]
		if l.Depth == 0 {
			root = append(root, m)
		} else {
			parent := stack[l.Depth-1]
			parent["children"] = append(parent["children"].([]map[string]any), m)
		}
		if !l.Leaf {
			m["children"] = []map[string]any{}
		}
		stack = append(stack, m)
	}
	return root
}

// lineJSON is one criterion: self and appraised are null when not entered; auto
// criteria carry their source and whether the index had data.
func lineJSON(l report.Line, evidence int) map[string]any {
	m := map[string]any{"code": l.Code, "name": l.Name, "max_points": l.MaxPoints, "leaf": l.Leaf,
		"self": l.Self, "appraised": l.Appraised, "final": l.Final}
	switch {
	case l.Auto:
		m["source"], m["no_data"] = string(l.Source), l.NoData
	case l.Leaf:
		if !l.HasSelf {
			m["self"] = nil
		}
		if !l.HasAppraised {
			m["appraised"] = nil
		}
		m["self_note"], m["appraisal_note"], m["evidence_files"] = l.SelfNote, l.AppraisalNote, evidence
	}
	return m
}

// apiScorecardRanking answers GET /api/v1/scorecards/ranking?parent=&year=: the units
// directly below the parent ranked by their final scorecard points of the year.
func (s *Server) apiScorecardRanking(w http.ResponseWriter, r *http.Request) {
	year, err := s.competitionYear(r)
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	u, _ := kit.CurrentUser(r)
	rk, err := s.App.CompetitionRanking(r.Context(), u, r.URL.Query().Get("parent"), year)
	if err != nil {
		s.APIError(w, r, err)
		return
	}
	items := make([]map[string]any, 0, len(rk.Items))
	for _, it := range rk.Items {
		items = append(items, map[string]any{"rank": it.Rank, "unit_code": it.UnitCode, "unit_name": it.UnitName,
			"final": it.Final, "percent": it.Percent, "complete": it.Complete})
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{"parent": rk.Parent.Code, "parent_name": rk.Parent.Name, "year": rk.Year,
		"scheme": rk.Scheme.Name, "max_points": rk.Scheme.MaxPoints(), "items": items})
}
