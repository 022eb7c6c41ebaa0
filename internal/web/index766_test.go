package web_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"testing"

	"motcua/internal/demo"
	"motcua/internal/store"
	"motcua/internal/store/storetest"
)

// index766 is GET /api/v1/reports/index766 as the API gives it.
type index766 struct {
	Unit, From, To string
	Points         float64 `json:"points"`
	MaxPoints      float64 `json:"max_points"`
	Groups         []struct {
		Code       string  `json:"code"`
		Points     float64 `json:"points"`
		MaxPoints  float64 `json:"max_points"`
		Indicators []struct {
			Code        string   `json:"code"`
			Numerator   *int     `json:"numerator"`
			Denominator *int     `json:"denominator"`
			Rate        *float64 `json:"rate"`
			Points      *float64 `json:"points"`
			MaxPoints   float64  `json:"max_points"`
			Status      string   `json:"status"`
		} `json:"indicators"`
	} `json:"groups"`
}

// hasKeys fails unless the JSON object holds every one of the keys.
func hasKeys(t *testing.T, what string, raw json.RawMessage, keys ...string) {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			t.Errorf("%s: no key %q in %s", what, k, slices.Sorted(maps.Keys(m)))
		}
	}
}

func TestIndex766API(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			e := newReportEnv(t, d)
			const from, to = "2024-12-15", "2025-12-14" // the statutory year 2025
			path := fmt.Sprintf("/api/v1/reports/index766?unit=%s&from=%s&to=%s", demo.TanHoa, from, to)
			code, body := e.call(t, "tanhoa.lanhdao", "GET", path, nil)
			if code != http.StatusOK {
				t.Fatalf("%s: got %d %s", path, code, body)
			}
			// The contract's keys, at every level.
			raw := decode[struct {
				Groups []struct {
					Indicators []json.RawMessage `json:"indicators"`
				} `json:"groups"`
			}](t, body)
			hasKeys(t, "index", body, "unit", "from", "to", "points", "max_points", "groups")
			var groups []json.RawMessage
			json.Unmarshal(decode[map[string]json.RawMessage](t, body)["groups"], &groups)
			for i, g := range groups {
				hasKeys(t, "group", g, "code", "name", "points", "max_points", "indicators")
				for _, in := range raw.Groups[i].Indicators {
					hasKeys(t, "indicator", in, "code", "name", "numerator", "denominator", "rate", "points", "max_points", "threshold", "status")
				}
			}

			x := decode[index766](t, body)
			if x.Unit != demo.TanHoa || x.From != from || x.To != to || len(x.Groups) != 5 {
				t.Fatalf("got %s %s–%s with %d groups, want %s %s–%s with 5", x.Unit, x.From, x.To, len(x.Groups), demo.TanHoa, from, to)
			}
			type ind = struct{ num, den int }
			got := map[string]ind{}
			var points, maxPoints float64
			for _, g := range x.Groups {
				var gp, gm float64
				for _, in := range g.Indicators {
					switch in.Status {
					case "ok":
						got[in.Code] = ind{*in.Numerator, *in.Denominator}
						gp, gm = gp+*in.Points, gm+in.MaxPoints
					case "no_data":
						if in.Points != nil || in.Rate != nil {
							t.Errorf("%s: no data but points %v, rate %v", in.Code, in.Points, in.Rate)
						}
					default:
						t.Errorf("%s: status %q", in.Code, in.Status)
					}
				}
				if !near(gp, g.Points) || gm != g.MaxPoints {
					t.Errorf("group %s: got %v/%v, indicators with data sum to %v/%v", g.Code, g.Points, g.MaxPoints, gp, gm)
				}
				points, maxPoints = points+g.Points, maxPoints+g.MaxPoints
			}
			if !near(points, x.Points) || maxPoints != x.MaxPoints {
				t.Errorf("got %v/%v, groups sum to %v/%v", x.Points, x.MaxPoints, points, maxPoints)
			}
			for _, code := range []string{"2.1", "3.3", "3.4", "3.6", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3", "5.4"} {
				if got[code].den == 0 {
					t.Errorf("indicator %s has no data from the demo's history: got %v", code, got)
				}
			}
			// The demo pays most online fee-bearing dossiers online, the counter's at the desk.
			if p := got["3.6"]; p.den == 0 || p.num == 0 || p.num >= p.den {
				t.Errorf("3.6: got %d/%d, want some but not all fee-bearing dossiers paid online", p.num, p.den)
			}
			if p := got["3.4"]; p.den == 0 || p.num == 0 || p.num > p.den {
				t.Errorf("3.4: got %d/%d", p.num, p.den)
			}

			// 2.1 and 3.3 are Biểu II.06a's numbers, with two supplement requests counting late.
			r := e.report(t, "tanhoa.lanhdao", demo.TanHoa, from, to, false)
			twice := 0
			for _, c := range []string{"resolved.early", "resolved.on_time", "in_progress.in_time"} {
				for _, it := range e.list(t, "tanhoa.lanhdao", fmt.Sprintf("unit=%s&cell=%s&from=%s&to=%s&limit=1000", demo.TanHoa, c, from, to)) {
					if it.Supplements >= 2 {
						twice++
					}
				}
			}
			want21 := ind{r.Total.Resolved.Early + r.Total.Resolved.OnTime + r.Total.InProgress.InTime - twice,
				r.Total.Resolved.Total + r.Total.InProgress.Total}
			if got["2.1"] != want21 {
				t.Errorf("2.1: got %d/%d, want %d/%d from Biểu II.06a (%d with two supplement requests)",
					got["2.1"].num, got["2.1"].den, want21.num, want21.den, twice)
			}
			// 5.4 counts over the dossiers resolved in the period (ratings: rating_demo_test.go).
			if got["5.4"].den != r.Total.Resolved.Total {
				t.Errorf("5.4: got %d/%d, want a denominator of %d resolved", got["5.4"].num, got["5.4"].den, r.Total.Resolved.Total)
			}
			want33 := ind{r.Total.Received.Online, r.Total.Received.Online + r.Total.Received.DirectPostal}
			if got["3.3"] != want33 {
				t.Errorf("3.3: got %d/%d, want %d/%d", got["3.3"].num, got["3.3"].den, want33.num, want33.den)
			}

			// The province's communes, ranked in public.
			code, body = e.call(t, "", "GET", fmt.Sprintf("/api/v1/rankings?parent=%s&from=%s&to=%s", demo.Province, from, to), nil)
			if code != http.StatusOK {
				t.Fatalf("rankings: got %d %s", code, body)
			}
			var items []json.RawMessage
			json.Unmarshal(decode[map[string]json.RawMessage](t, body)["items"], &items)
			for _, it := range items {
				var m map[string]json.RawMessage
				json.Unmarshal(it, &m)
				if keys := slices.Sorted(maps.Keys(m)); !slices.Equal(keys, []string{"band", "points", "rank", "unit_code", "unit_name"}) {
					t.Errorf("ranking item keys: got %v", keys)
				}
			}
			rk := decode[struct {
				Items []struct {
					Rank     int     `json:"rank"`
					UnitCode string  `json:"unit_code"`
					Points   float64 `json:"points"`
					Band     string  `json:"band"`
				} `json:"items"`
			}](t, body)
			t.Logf("index %v/%v, 2.1 %v, 3.3 %v; rankings %+v", x.Points, x.MaxPoints, got["2.1"], got["3.3"], rk.Items)
			communes := 0
			for _, u := range demo.Units() {
				if u.ParentCode == demo.Province {
					communes++
				}
			}
			if len(rk.Items) != communes {
				t.Fatalf("rankings: got %d units, want %d", len(rk.Items), communes)
			}
			if first := rk.Items[0]; first.UnitCode != demo.TanHoa || first.Rank != 1 || first.Band == "" {
				t.Errorf("rankings: got %+v first, want Tân Hòa ranked 1 with a band", first)
			}
			if rk.Items[0].Points != round2(x.Points*100/x.MaxPoints) {
				t.Errorf("rankings: Tân Hòa has %v points, its index %v/%v", rk.Items[0].Points, x.Points, x.MaxPoints)
			}
			for i := 1; i < len(rk.Items); i++ {
				a, b := rk.Items[i-1], rk.Items[i]
				if b.Points > a.Points || b.Rank < a.Rank || (b.Points == a.Points) != (b.Rank == a.Rank) {
					t.Errorf("rankings out of order: %+v before %+v", a, b)
				}
			}
		})
	}
}

func near(a, b float64) bool { return a-b < 0.011 && b-a < 0.011 }

func round2(f float64) float64 { return float64(int64(f*100+0.5)) / 100 }

func TestIndex766Refusals(t *testing.T) {
	t.Parallel()
	e := newDossierEnv(t, store.SQLite)
	tests := []struct {
		name, user, path string
		status           int
		field            string
	}{
		{"another commune", "phuocan.lanhdao", "/api/v1/reports/index766?unit=" + demo.TanHoa + "&from=2026-01-01&to=2026-01-31", http.StatusForbidden, ""},
		{"one-stop officer", "tanhoa.motcua", "/api/v1/reports/index766?unit=" + demo.TanHoa + "&from=2026-01-01&to=2026-01-31", http.StatusForbidden, ""},
		{"no token", "", "/api/v1/reports/index766?unit=" + demo.TanHoa + "&from=2026-01-01&to=2026-01-31", http.StatusUnauthorized, ""},
		{"unknown unit", "admin", "/api/v1/reports/index766?unit=X99&from=2026-01-01&to=2026-01-31", http.StatusNotFound, ""},
		{"no unit", "admin", "/api/v1/reports/index766?from=2026-01-01&to=2026-01-31", http.StatusBadRequest, "unit"},
		{"bad date", "admin", "/api/v1/reports/index766?unit=" + demo.TanHoa + "&from=2026-02-30&to=2026-03-31", http.StatusBadRequest, "from"},
		{"dates out of order", "admin", "/api/v1/reports/index766?unit=" + demo.TanHoa + "&from=2026-03-01&to=2026-01-31", http.StatusBadRequest, "to"},
		{"rankings: unknown parent", "", "/api/v1/rankings?parent=X99&from=2026-01-01&to=2026-01-31", http.StatusNotFound, ""},
		{"rankings: no parent", "", "/api/v1/rankings?from=2026-01-01&to=2026-01-31", http.StatusBadRequest, "parent"},
		{"rankings: no dates", "", "/api/v1/rankings?parent=" + demo.Province, http.StatusBadRequest, "from"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body := e.call(t, tt.user, "GET", tt.path, nil)
			if code != tt.status {
				t.Fatalf("got %d %s, want %d", code, body, tt.status)
			}
			if tt.field != "" {
				er := decode[struct {
					Error struct {
						Code   string            `json:"code"`
						Fields map[string]string `json:"fields"`
					} `json:"error"`
				}](t, body)
				if er.Error.Code != "invalid" || er.Error.Fields[tt.field] == "" {
					t.Errorf("got %s, want invalid with a message for %s", body, tt.field)
				}
			}
		})
	}
}
