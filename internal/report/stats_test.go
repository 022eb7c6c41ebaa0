package report

import (
	"testing"
	"time"

	"motcua/internal/calendar"
	"motcua/internal/dossier"
)

func TestBuildII07b(t *testing.T) {
	t.Parallel()
	units := []II07bUnit{
		{Code: "P", Name: "Tỉnh", Tier: TierProvince, Competence: 10, OneStop: 8, Processes: 7},
		{Code: "D", Name: "Huyện cũ", Tier: TierDistrict, Competence: 5, OneStop: 5, Processes: 5},
		{Code: "X1", Name: "Xã 1", Tier: TierCommune, Competence: 392, OneStop: 300, Processes: 250},
		{Code: "X2", Name: "Xã 2", Tier: TierCommune, Competence: 392, OneStop: 100, Processes: 0},
	}
	r := BuildII07b(calendar.NewDate(2025, 12, 31), units)
	if r.Districts || len(r.Rows) != 3 {
		t.Fatalf("after 1/7/2025: districts %v, %d rows, want no district column and 3 rows", r.Districts, len(r.Rows))
	}
	want := II07bRow{
		Competence: TierCounts{Total: 794, Province: 10, Commune: 784},
		OneStop:    TierCounts{Total: 408, Province: 8, Commune: 400},
		Processes:  TierCounts{Total: 257, Province: 7, Commune: 250},
	}
	if r.Total != want {
		t.Errorf("total %+v, want %+v", r.Total, want)
	}
	if r.Rows[1].OneStop != (TierCounts{Total: 300, Commune: 300}) {
		t.Errorf("commune row %+v", r.Rows[1])
	}
	old := BuildII07b(calendar.NewDate(2025, 6, 30), units)
	if !old.Districts || len(old.Rows) != 4 || old.Total.Competence.District != 5 || old.Total.Competence.Total != 799 {
		t.Errorf("before 1/7/2025: %+v", old.Total)
	}
}

func TestSchemeValidate(t *testing.T) {
	t.Parallel()
	s := DefaultScheme(2025)
	if errs := s.Validate(); len(errs) != 0 || s.MaxPoints() != 100 || !s.Illustrative {
		t.Fatalf("default scheme: %v, max %v", errs, s.MaxPoints())
	}
	bad := DefaultScheme(2025)
	bad.Criteria[0].MaxPoints = 11
	bad.Criteria[1].Children[0].Code = "1.1"
	bad.Criteria[2].Children[0].Source = "khác"
	errs := bad.Validate()
	if errs["1"] == "" || errs["1.1"] == "" || errs["3.1"] == "" {
		t.Errorf("got %v, want errors on 1 (sum), 1.1 (duplicate) and 3.1 (source)", errs)
	}
}

func pts(f float64) *float64 { return &f }

func TestComputeCardAndRank(t *testing.T) {
	t.Parallel()
	s := Scheme{Year: 2025, Criteria: []Criterion{
		{Code: "A", Name: "Tự chấm", MaxPoints: 20, Children: []Criterion{
			{Code: "A1", Name: "a1", MaxPoints: 10}, {Code: "A2", Name: "a2", MaxPoints: 10}}},
		{Code: "B", Name: "Tự động", MaxPoints: 30, Children: []Criterion{
			{Code: "B1", Name: "chỉ số", MaxPoints: 10, Source: SourceIndex766},
			{Code: "B2", Name: "2.1", MaxPoints: 10, Source: "766:2.1"},
			{Code: "B3", Name: "4.2", MaxPoints: 10, Source: "766:4.2"}}},
	}}
	idx := Index{Points: 24, MaxPoints: 26, Groups: []GroupScore{{Code: "2", Indicators: []IndicatorScore{
		{IndicatorDef: IndicatorDef{Code: "2.1", MaxPoints: 20}, Points: 18, HasData: true},
	}}, {Code: "4", Indicators: []IndicatorScore{{IndicatorDef: IndicatorDef{Code: "4.2", MaxPoints: 4}}}}}}
	entries := map[string]Entry{
		"A1": {Criterion: "A1", Self: pts(9), Appraised: pts(8)},
		"A2": {Criterion: "A2", Self: pts(10)},
	}
	c := ComputeCard(s, entries, idx)
	// B1 = 10 × 24/26 × 100/100 = 9.23; B2 = 10 × 18/20 = 9; B3 no data = 0.
	if c.Self != 9+10+9.23+9 || c.Final != 8+10+9.23+9 || c.Appraised != 8+0+9.23+9 || c.Complete {
		t.Errorf("card self %v appraised %v final %v complete %v", c.Self, c.Appraised, c.Final, c.Complete)
	}
	if l := c.Lines[6]; l.Code != "B3" || !l.NoData || !l.Auto || l.Final != 0 {
		t.Errorf("B3 line %+v", l)
	}
	entries["A1"] = Entry{Criterion: "A1", Self: pts(9), Appraised: pts(9)}
	entries["A2"] = Entry{Criterion: "A2", Self: pts(10), Appraised: pts(10)}
	c2 := ComputeCard(s, entries, idx)
	if !c2.Complete || c2.Final != 37.23 {
		t.Errorf("appraised card: final %v complete %v", c2.Final, c2.Complete)
	}
	r := RankCards([]CardEntry{{UnitCode: "X2", Card: c}, {UnitCode: "X1", Card: c2}, {UnitCode: "X3", Card: c}})
	if r[0].UnitCode != "X1" || r[0].Rank != 1 || r[1].Rank != 2 || r[2].Rank != 2 || r[1].UnitCode != "X2" || r[0].Percent != 74.46 {
		t.Errorf("ranking %+v", r)
	}
}

func TestBuildDashboard(t *testing.T) {
	t.Parallel()
	at := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 9, 0, 0, 0, calendar.Zone()) }
	p, _ := Named(Month, 2026, 3) // 15/02 – 14/03/2026
	months := TrendMonths(p.To, 3)
	if months[2] != p || months[0].From != calendar.NewDate(2025, 12, 15) {
		t.Fatalf("trend months %v", months)
	}
	ds := []Dossier{
		// Resolved this month: one early, one late.
		{Code: "A", Channel: dossier.ChannelOnline, ReceivedAt: at(2, 20), OriginalDueAt: at(3, 2), FinishedAt: at(2, 25), Status: dossier.StatusReturned},
		{Code: "B", Channel: dossier.ChannelCounter, ReceivedAt: at(2, 16), OriginalDueAt: at(2, 20), FinishedAt: at(3, 3), Status: dossier.StatusReturned},
		// Resolved the month before, on time.
		{Code: "C", Channel: dossier.ChannelCounter, ReceivedAt: at(1, 20), OriginalDueAt: at(2, 1), FinishedAt: at(2, 1), Status: dossier.StatusReturned},
		// Open, overdue at the period's end.
		{Code: "D", Channel: dossier.ChannelCounter, ReceivedAt: at(3, 1), OriginalDueAt: at(3, 5), Status: dossier.StatusProcessing},
	}
	now := at(3, 10)
	open := []OpenDossier{
		{Code: "D", Step: "Thẩm định", Assignee: "x.cv", AssigneeName: "Trần Văn Hùng", DueAt: at(3, 5)},
		{Code: "E", Step: "Thẩm định", Assignee: "x.cv", AssigneeName: "Trần Văn Hùng", DueAt: at(3, 11)},
		{Code: "F", Step: "Phê duyệt", DueAt: at(3, 30)},
	}
	db := BuildDashboard(p, months, func(q Period) Counts { return Totals(q, ds) }, open, now, 48*time.Hour)
	if db.Current.Resolved.Total != 2 || db.Current.Received.Total != 3 || db.Rate != 50 || !db.HasRate {
		t.Errorf("current %+v rate %v", db.Current, db.Rate)
	}
	if db.Previous.From != calendar.NewDate(2026, 1, 18) || db.Before.Resolved.Total != 1 || db.PreviousRate != 100 {
		t.Errorf("previous %v %+v rate %v", db.Previous, db.Before, db.PreviousRate)
	}
	if db.Trend[0].HasData || db.Trend[1].OnTime != 1 || db.Trend[2].Resolved != 2 || db.Trend[2].Rate != 50 {
		t.Errorf("trend %+v", db.Trend)
	}
	if len(db.Overdue) != 1 || db.Overdue[0].Code != "D" || len(db.SoonDue) != 1 || db.SoonDue[0].Code != "E" {
		t.Errorf("overdue %v soon %v", db.Overdue, db.SoonDue)
	}
	if db.ByOfficer[0] != (Load{Name: "Trần Văn Hùng", Open: 2, Overdue: 1}) || db.ByOfficer[1].Name != "Chưa phân công" ||
		db.ByStep[0] != (Load{Name: "Thẩm định", Open: 2, Overdue: 1}) || db.ByStep[1] != (Load{Name: "Phê duyệt", Open: 1}) {
		t.Errorf("loads %+v %+v", db.ByOfficer, db.ByStep)
	}
}
