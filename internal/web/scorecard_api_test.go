package web_test

import (
	"net/http"
	"testing"

	"motcua/internal/demo"
	"motcua/internal/store/storetest"
)

// scorecardLine is one criterion of GET /api/v1/scorecards.
type scorecardLine struct {
	Code      string          `json:"code"`
	MaxPoints float64         `json:"max_points"`
	Leaf      bool            `json:"leaf"`
	Source    string          `json:"source"`
	Self      *float64        `json:"self"`
	Final     float64         `json:"final"`
	Children  []scorecardLine `json:"children"`
}

// TestScorecardAPI: the scorecard and the competition ranking as JSON, read within the
// caller's scope like the QĐ 766 index; outside it, or for other roles, the contract's
// 403, and a bad year a 400.
func TestScorecardAPI(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			t.Parallel()
			e := newDossierEnv(t, d)
			code, body := e.call(t, "tanhoa.lanhdao", "GET", "/api/v1/scorecards?unit="+demo.TanHoa+"&year=2025", nil)
			if code != http.StatusOK {
				t.Fatalf("scorecard: got %d %s", code, body)
			}
			card := decode[struct {
				Unit      string          `json:"unit"`
				Year      int             `json:"year"`
				MaxPoints float64         `json:"max_points"`
				Final     float64         `json:"final"`
				Criteria  []scorecardLine `json:"criteria"`
			}](t, body)
			if card.Unit != demo.TanHoa || card.Year != 2025 || len(card.Criteria) == 0 {
				t.Fatalf("scorecard: got %+v", card)
			}
			var top, auto float64
			var walk func(ls []scorecardLine)
			walk = func(ls []scorecardLine) {
				for _, l := range ls {
					if !l.Leaf {
						var sum float64
						for _, c := range l.Children {
							sum += c.MaxPoints
						}
						if !near(sum, l.MaxPoints) {
							t.Errorf("criterion %s: max %v, children sum to %v", l.Code, l.MaxPoints, sum)
						}
					}
					if l.Source != "" {
						auto++
						if l.Self == nil || *l.Self != l.Final {
							t.Errorf("automatic criterion %s: self %v, final %v", l.Code, l.Self, l.Final)
						}
					}
					walk(l.Children)
				}
			}
			walk(card.Criteria)
			for _, c := range card.Criteria {
				top += c.MaxPoints
			}
			if !near(top, card.MaxPoints) || auto == 0 {
				t.Errorf("scorecard: top criteria sum to %v of %v, %v automatic", top, card.MaxPoints, auto)
			}

			code, body = e.call(t, "admin", "GET", "/api/v1/scorecards/ranking?parent="+demo.Province+"&year=2025", nil)
			if code != http.StatusOK {
				t.Fatalf("ranking: got %d %s", code, body)
			}
			rk := decode[struct {
				Items []struct {
					Rank     int    `json:"rank"`
					UnitCode string `json:"unit_code"`
				} `json:"items"`
			}](t, body)
			communes := 0
			for _, u := range demo.Units() {
				if u.ParentCode == demo.Province {
					communes++
				}
			}
			if len(rk.Items) != communes || rk.Items[0].Rank != 1 {
				t.Errorf("ranking: got %+v, want %d communes from rank 1", rk.Items, communes)
			}
			// Without a parent, a commune's leader sees the commune among its siblings.
			code, body = e.call(t, "tanhoa.lanhdao", "GET", "/api/v1/scorecards/ranking?year=2025", nil)
			own := decode[struct {
				Items []struct {
					UnitCode string `json:"unit_code"`
				} `json:"items"`
			}](t, body)
			if code != http.StatusOK || len(own.Items) != communes || own.Items[0].UnitCode != rk.Items[0].UnitCode {
				t.Errorf("ranking without a parent: got %d %s, want the %d communes of %s", code, body, communes, demo.Province)
			}

			for _, c := range []struct{ name, user, path string }{
				{"another commune's card", "tanhoa.lanhdao", "/api/v1/scorecards?unit=H40.12.07&year=2025"},
				{"a one-stop officer", "tanhoa.motcua", "/api/v1/scorecards?unit=" + demo.TanHoa + "&year=2025"},
				{"a ranking above the leader's parent", "phuocan.lanhdao", "/api/v1/scorecards/ranking?parent=H40.12.05&year=2025"},
			} {
				code, body := e.call(t, c.user, "GET", c.path, nil)
				if code != http.StatusForbidden || errorCode(t, body) != "forbidden" {
					t.Errorf("%s: got %d %s, want 403 forbidden", c.name, code, body)
				}
			}
			if code, body := e.call(t, "admin", "GET", "/api/v1/scorecards?unit="+demo.TanHoa+"&year=hai", nil); code != http.StatusBadRequest || errorCode(t, body) != "invalid" {
				t.Errorf("a bad year: got %d %s, want 400 invalid", code, body)
			}
			if code, _ := e.call(t, "", "GET", "/api/v1/scorecards/ranking?parent="+demo.Province, nil); code != http.StatusUnauthorized {
				t.Errorf("without a token: got %d, want 401", code)
			}
		})
	}
}

// errorCode is the code of the contract's JSON error.
func errorCode(t *testing.T, body []byte) string {
	t.Helper()
	return decode[struct {
		Error struct {
			Code string `json:"code"`
		} `json:"error"`
	}](t, body).Error.Code
}
