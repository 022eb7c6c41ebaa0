package web_test

import (
	"fmt"
	"net/http"
	"testing"

	"motcua/internal/demo"
	"motcua/internal/store/storetest"
)

// TestDemoRatings checks that the demo history's ratings look like a good unit's and
// that indicator 5.4 is computed from them.
func TestDemoRatings(t *testing.T) {
	t.Parallel()
	for _, d := range storetest.Dialects() {
		t.Run(string(d), func(t *testing.T) {
			e := newReportEnv(t, d)
			const from, to = "2024-12-15", "2025-12-14"
			path := fmt.Sprintf("/api/v1/reports/index766?unit=%s&from=%s&to=%s", demo.TanHoa, from, to)
			code, body := e.call(t, "tanhoa.lanhdao", "GET", path, nil)
			if code != http.StatusOK {
				t.Fatalf("%s: got %d %s", path, code, body)
			}
			x := decode[index766](t, body)
			var found bool
			for _, g := range x.Groups {
				for _, in := range g.Indicators {
					if in.Code != "5.4" {
						continue
					}
					found = true
					if in.Status != "ok" || in.Denominator == nil || *in.Denominator < 1000 || in.Rate == nil || *in.Rate < 0.98 || *in.Rate == 1 {
						t.Errorf("Tân Hòa 5.4: got %+v (rate %v), want data from over 1000 resolved dossiers, a few disliked", in, deref(in.Rate))
					}
				}
			}
			if !found {
				t.Fatal("no indicator 5.4")
			}
			// Long Thọ, with late dossiers, scores lower.
			path = fmt.Sprintf("/api/v1/reports/index766?unit=%s&from=%s&to=%s", "H40.15.09", from, to)
			_, body = e.call(t, "admin", "GET", path, nil)
			lt := decode[index766](t, body)
			for _, g := range lt.Groups {
				for _, in := range g.Indicators {
					if in.Code == "5.4" && (in.Rate == nil || *in.Rate >= 0.97) {
						t.Errorf("Long Thọ 5.4: got rate %v, want lower than Tân Hòa's", deref(in.Rate))
					}
				}
			}
		})
	}
}

func deref(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}
