package report

import (
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
)

func TestScheme766Weights(t *testing.T) {
	want := map[string]float64{"1": 18, "2": 20, "3": 22, "4": 22, "5": 18}
	for _, s := range Schemes766 {
		var total float64
		for _, g := range s.Groups {
			if g.MaxPoints() != want[g.Code] {
				t.Errorf("%s group %s: got %v points, want %v", s.Version, g.Code, g.MaxPoints(), want[g.Code])
			}
			total += g.MaxPoints()
		}
		if total != 100 {
			t.Errorf("%s: got %v points in all, want 100", s.Version, total)
		}
		if s.Bands[len(s.Bands)-1].Min != 0 {
			t.Errorf("%s: the last band starts at %v, want 0", s.Version, s.Bands[len(s.Bands)-1].Min)
		}
	}
}

func TestPoints766(t *testing.T) {
	tests := []struct {
		name                 string
		rate, max, threshold float64
		want                 float64
	}{
		{"linear", 0.4, 20, 1, 8},
		{"full at 100%", 1, 20, 1, 20},
		{"below the threshold", 0.4, 6, 0.5, 4.8},
		{"at the threshold", 0.5, 6, 0.5, 6},
		{"above the threshold", 0.93, 6, 0.5, 6},
		{"rounded", 1.0 / 3, 6, 0.9, 2.22},
		{"zero", 0, 6, 0.5, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Points766(tt.rate, tt.max, tt.threshold); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// summary is a hand-made dossier summary for the index: received and due on civil
// days of March 2026 (February for a negative day), finished when fin > 0.
func summary(code string, ch dossier.Channel, st dossier.Status, rec, due, fin, supplements int) Dossier {
	day := func(n int) time.Time {
		if n < 0 {
			return time.Date(2026, 2, -n, 9, 0, 0, 0, calendar.Zone())
		}
		return time.Date(2026, 3, n, 9, 0, 0, 0, calendar.Zone())
	}
	d := Dossier{Code: code, UnitCode: home, Channel: ch, Status: st, ReceivedAt: day(rec), OriginalDueAt: day(due), Supplements: supplements}
	d.DueAt = d.OriginalDueAt
	if fin != 0 {
		d.FinishedAt = day(fin)
	}
	return d
}

func TestComputeIndex(t *testing.T) {
	p, err := NewPeriod(calendar.NewDate(2026, 3, 1), calendar.NewDate(2026, 3, 31))
	if err != nil {
		t.Fatal(err)
	}
	on, co := dossier.ChannelOnline, dossier.ChannelCounter
	all := []Dossier{
		summary("A", co, dossier.StatusReturned, 2, 5, 4, 0),      // early
		summary("B", on, dossier.StatusReturned, 3, 6, 6, 2),      // on time, but two supplement requests: late
		summary("C", co, dossier.StatusReturned, 2, 5, 10, 0),     // late
		summary("D", on, dossier.StatusProcessing, -20, 40, 0, 1), // carried over, in time
		summary("E", co, dossier.StatusProcessing, 20, 25, 0, 0),  // overdue
		summary("F", on, dossier.StatusWithdrawn, 5, 9, 6, 0),     // withdrawn: not in 2.1
		summary("G", on, dossier.StatusReceived, 40, 45, 0, 0),    // after the period
	}
	s := Schemes766[0]
	tests := []struct {
		name         string
		ds           []Dossier
		num21, den21 int
		pts21        float64
		num33, den33 int
		pts33        float64
		points, max  float64
		score        float64
		band         string
	}{
		{"mixed", all, 2, 5, 8, 2, 5, 4.8, 12.8, 26, 49.23, "Yếu"},
		{"early and on time", all[:1], 1, 1, 20, 0, 1, 0, 20, 26, 76.92, "Khá"},
		{"carried over only", all[3:4], 1, 1, 20, 0, 0, 0, 20, 20, 100, "Tốt"},
		{"nothing", all[6:], 0, 0, 0, 0, 0, 0, 0, 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := ComputeIndex(s, p, tt.ds, nil)
			ind := map[string]IndicatorScore{}
			for _, g := range x.Groups {
				var pts, max float64
				for _, in := range g.Indicators {
					ind[in.Code] = in
					if in.HasData {
						pts, max = pts+in.Points, max+in.MaxPoints
					}
				}
				if round2(pts) != g.Points || max != g.MaxPoints {
					t.Errorf("group %s: got %v/%v, indicators sum to %v/%v", g.Code, g.Points, g.MaxPoints, pts, max)
				}
			}
			if len(ind) != 21 {
				t.Errorf("got %d indicators, want 21", len(ind))
			}
			check := func(code string, num, den int, pts float64) {
				in := ind[code]
				if in.Numerator != num || in.Denominator != den || in.Points != pts || in.HasData != (den > 0) {
					t.Errorf("%s: got %d/%d %v points (data %v), want %d/%d %v points", code, in.Numerator, in.Denominator, in.Points, in.HasData, num, den, pts)
				}
			}
			check("2.1", tt.num21, tt.den21, tt.pts21)
			check("3.3", tt.num33, tt.den33, tt.pts33)
			for code, in := range ind {
				if code != "2.1" && code != "3.3" && (in.HasData || in.Points != 0) {
					t.Errorf("%s: got data and %v points, want no data", code, in.Points)
				}
			}
			if x.Points != tt.points || x.MaxPoints != tt.max || x.Score() != tt.score {
				t.Errorf("got %v/%v (score %v), want %v/%v (score %v)", x.Points, x.MaxPoints, x.Score(), tt.points, tt.max, tt.score)
			}
			if got := Rank(s, []RankEntry{{UnitCode: "X", Index: x}})[0].Band; got != tt.band {
				t.Errorf("band: got %q, want %q", got, tt.band)
			}
		})
	}
}

func TestRank(t *testing.T) {
	s := Schemes766[0]
	idx := func(points, max float64) Index { return Index{Points: points, MaxPoints: max} }
	got := Rank(s, []RankEntry{
		{UnitCode: "D", Index: idx(0, 0)},
		{UnitCode: "C", Index: idx(13, 26)},
		{UnitCode: "B", Index: idx(18, 20)},
		{UnitCode: "A", Index: idx(18, 20)},
		{UnitCode: "E", Index: idx(17, 26)},
	})
	want := []Ranked{
		{Rank: 1, UnitCode: "A", Score: 90, Band: "Tốt"},
		{Rank: 1, UnitCode: "B", Score: 90, Band: "Tốt"},
		{Rank: 3, UnitCode: "E", Score: 65.38, Band: "Khá"},
		{Rank: 4, UnitCode: "C", Score: 50, Band: "Trung bình"},
		{Rank: 0, UnitCode: "D", Score: 0, Band: ""},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d lines, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d: got %+v, want %+v", i+1, got[i], want[i])
		}
	}
}

func TestSchemeAt(t *testing.T) {
	if got := SchemeAt(calendar.NewDate(2020, 1, 1)).Version; got != Schemes766[0].Version {
		t.Errorf("got %s, want the oldest version %s", got, Schemes766[0].Version)
	}
	if got := SchemeAt(calendar.NewDate(2026, 1, 1)).Version; got != Schemes766[len(Schemes766)-1].Version {
		t.Errorf("got %s, want the newest version", got)
	}
}
