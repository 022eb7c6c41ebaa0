package report

import (
	"math"

	"motcua/internal/calendar"
)

// Measure names what motcua computes an indicator of the QĐ 766 index from; an
// indicator without a measure has no data in motcua (status no_data).
type Measure string

// The measures motcua holds data for.
const (
	// MeasureNone: the data lives elsewhere (national TTHC database, payments, PAKN…).
	MeasureNone Measure = ""
	// MeasureOnTime: dossiers finished early or on time, or still in time, over the
	// dossiers resolved or in progress in the period (2.1).
	MeasureOnTime Measure = "on_time"
	// MeasureOnline: dossiers received online over the dossiers received in the period
	// (3.3).
	MeasureOnline Measure = "online"
)

// Fraction is the numerator over the denominator that an indicator's rate is computed
// from.
type Fraction struct{ Num, Den int }

// Measures are the fractions of a unit and period by measure.
type Measures map[Measure]Fraction

// IndicatorDef is one chỉ số of the QĐ 766 index: its maximum points and the rate
// (0–1) at which it earns them all.
type IndicatorDef struct {
	Code, Name string
	MaxPoints  float64
	// Threshold is the rate that earns full points; below it the points are
	// rate × MaxPoints ÷ Threshold (1 for an indicator scored linearly).
	Threshold float64
	Measure   Measure
}

// GroupDef is one nhóm chỉ số of the index.
type GroupDef struct {
	Code, Name string
	Indicators []IndicatorDef
}

// MaxPoints is the sum of the group's indicators' maximum points.
func (g GroupDef) MaxPoints() float64 {
	var m float64
	for _, in := range g.Indicators {
		m += in.MaxPoints
	}
	return m
}

// Band is a xếp loại: a score (out of 100) of at least Min earns Name.
type Band struct {
	Min  float64
	Name string
}

// Scheme766 is one version of the index's weights, thresholds and bands, in force from
// Effective.
type Scheme766 struct {
	Version   string
	Effective calendar.Date
	Note      string
	Groups    []GroupDef
	// Bands are ordered from the highest Min down; the last has Min 0.
	Bands []Band
}

// Schemes766 lists the versions of the index, oldest first.
//
// The five groups and their 100 points (18 + 20 + 22 + 22 + 18) are confirmed; the
// split inside groups 1, 3 and 4 comes from a provincial tool and a production
// implementation, and the bands are recalled, not read in the decision: the national
// portal's exact weights are not confirmed here (research/domain.md §4). Change this
// table, with a new version and effective date, when they are.
var Schemes766 = []Scheme766{{
	Version:   "766-2025",
	Effective: calendar.NewDate(2022, 6, 23),
	Note: "Trọng số theo QĐ 766/QĐ-TTg; cách chia điểm trong các nhóm 1, 3, 4 và ngưỡng xếp loại " +
		"chưa được đối chiếu với Cổng Dịch vụ công quốc gia. Chỉ số 5.4: chưa xác nhận hồ sơ vừa quá hạn vừa bị " +
		"đánh giá không hài lòng có bị trừ hai lần không (đang cộng hai tỷ lệ theo đúng công thức), và đánh giá " +
		"được tính theo kỳ hồ sơ giải quyết xong, bất kể ngày đánh giá.",
	Groups: []GroupDef{
		{Code: "1", Name: "Công khai, minh bạch", Indicators: []IndicatorDef{
			{Code: "1.1", Name: "Tỷ lệ TTHC công bố đúng hạn", MaxPoints: 4, Threshold: 1},
			{Code: "1.2", Name: "Tỷ lệ TTHC được cập nhật, công khai đúng hạn", MaxPoints: 4, Threshold: 1},
			{Code: "1.3", Name: "Tỷ lệ TTHC công khai đầy đủ bộ phận tạo thành", MaxPoints: 4, Threshold: 1},
			{Code: "1.4", Name: "Tỷ lệ hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia", MaxPoints: 6, Threshold: 1},
		}},
		{Code: "2", Name: "Tiến độ, kết quả giải quyết", Indicators: []IndicatorDef{
			{Code: "2.1", Name: "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn", MaxPoints: 20, Threshold: 1, Measure: MeasureOnTime},
			{Code: "2.2", Name: "Thời gian giải quyết trung bình theo TTHC (chỉ để theo dõi)", MaxPoints: 0, Threshold: 1},
		}},
		{Code: "3", Name: "Cung cấp dịch vụ trực tuyến", Indicators: []IndicatorDef{
			{Code: "3.1", Name: "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến", MaxPoints: 2, Threshold: 0.8},
			{Code: "3.2", Name: "Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ", MaxPoints: 4, Threshold: 1},
			{Code: "3.3", Name: "Tỷ lệ hồ sơ trực tuyến", MaxPoints: 6, Threshold: 0.5, Measure: MeasureOnline},
			{Code: "3.4", Name: "Tỷ lệ TTHC có phát sinh thanh toán trực tuyến", MaxPoints: 2, Threshold: 0.5, Measure: MeasurePaidOnlineProcedures},
			{Code: "3.5", Name: "Tỷ lệ TTHC có nghĩa vụ tài chính tích hợp thanh toán trực tuyến trên Cổng", MaxPoints: 2, Threshold: 0.8},
			{Code: "3.6", Name: "Tỷ lệ hồ sơ thanh toán trực tuyến", MaxPoints: 6, Threshold: 0.3, Measure: MeasurePaidOnline},
		}},
		{Code: "4", Name: "Số hóa hồ sơ", Indicators: []IndicatorDef{
			{Code: "4.1", Name: "Tỷ lệ hồ sơ có kết quả điện tử", MaxPoints: 6, Threshold: 1, Measure: MeasureEResult},
			{Code: "4.2", Name: "Tỷ lệ hồ sơ thực hiện số hóa", MaxPoints: 4, Threshold: 0.8, Measure: MeasureDigitised},
			{Code: "4.3", Name: "Tỷ lệ khai thác, sử dụng lại dữ liệu số hóa", MaxPoints: 2, Threshold: 0.8, Measure: MeasureReused},
			{Code: "4.4", Name: "Hồ sơ số hóa có kết nối với kho dữ liệu cá nhân trên Cổng", MaxPoints: 5, Threshold: 1},
			{Code: "4.5", Name: "Ứng dụng dữ liệu dân cư", MaxPoints: 5, Threshold: 1},
		}},
		{Code: "5", Name: "Mức độ hài lòng", Indicators: []IndicatorDef{
			{Code: "5.1", Name: "Tỷ lệ phản ánh, kiến nghị theo phân loại", MaxPoints: 5, Threshold: 1, Measure: MeasureFeedbackClassified},
			{Code: "5.2", Name: "Tiến độ xử lý phản ánh, kiến nghị", MaxPoints: 5, Threshold: 1, Measure: MeasureFeedbackOnTime},
			{Code: "5.3", Name: "Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị", MaxPoints: 2, Threshold: 1, Measure: MeasureFeedbackLiked},
			{Code: "5.4", Name: "Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC", MaxPoints: 6, Threshold: 0.9, Measure: MeasureServiceSatisfaction},
		}},
	},
	Bands: []Band{{Min: 80, Name: "Tốt"}, {Min: 65, Name: "Khá"}, {Min: 50, Name: "Trung bình"}, {Min: 0, Name: "Yếu"}},
}}

// SchemeAt returns the version of the index in force on the date (the oldest one
// before any version took effect).
func SchemeAt(d calendar.Date) Scheme766 {
	s := Schemes766[0]
	for _, v := range Schemes766[1:] {
		if !v.Effective.After(d) {
			s = v
		}
	}
	return s
}

// Band names the xếp loại of a score out of 100.
func (s Scheme766) Band(score float64) string {
	for _, b := range s.Bands {
		if score >= b.Min {
			return b.Name
		}
	}
	return s.Bands[len(s.Bands)-1].Name
}

// IndicatorScore is one indicator of a unit for a period. An indicator without data
// (HasData false: motcua does not hold it, or nothing to count) earns nothing and
// weighs nothing: it counts neither in Points nor in MaxPoints of its group.
type IndicatorScore struct {
	IndicatorDef
	Numerator, Denominator int
	Rate, Points           float64
	HasData                bool
}

// GroupScore is one group of a unit's index: points and maximum over the indicators
// with data.
type GroupScore struct {
	Code, Name        string
	Points, MaxPoints float64
	Indicators        []IndicatorScore
}

// Index is a unit's QĐ 766 index for a period: points and maximum over the indicators
// with data.
type Index struct {
	Period            Period
	Version           string
	Points, MaxPoints float64
	Groups            []GroupScore
}

// Score is the score out of 100 over the indicators with data (0 when none has).
func (x Index) Score() float64 {
	if x.MaxPoints == 0 {
		return 0
	}
	return round2(x.Points * 100 / x.MaxPoints)
}

// HasData reports whether any indicator has data.
func (x Index) HasData() bool { return x.MaxPoints > 0 }

// Points766 is the scoring rule of threshold indicators: reaching the threshold earns
// full points; below it points = rate × max ÷ threshold. Rounded to 2 decimals.
func Points766(rate, maxPoints, threshold float64) float64 {
	if threshold <= 0 || rate >= threshold {
		return maxPoints
	}
	return round2(rate * maxPoints / threshold)
}

// ComputeIndex computes the index of the dossiers over the period with the scheme: the
// dossier measures (DossierMeasures) with the measures held outside the dossier
// summaries (feedback, ratings, payments, digitisation) from extra, counted by their own
// use cases over the same unit and period, scored by ScoreIndex.
func ComputeIndex(s Scheme766, p Period, ds []Dossier, extra Measures) Index {
	counts := DossierMeasures(p, ds)
	for m, f := range extra {
		counts[m] = f
	}
	return ScoreIndex(s, p, counts)
}

// DossierMeasures counts the measures of the dossier summaries over the period, one
// dossier at a time (the store counts the same rules in SQL for many units at once):
//
//   - 2.1 counts the dossiers resolved in the period (ClassifyII06a, withdrawn ones
//     excluded) and those still in progress at its end; early, on-time and in-time
//     ones are on time, except that two or more supplement requests make a dossier
//     late (QĐ 766);
//   - 3.3 counts the dossiers received in the period (not carried over) and those
//     received online; QĐ 766 also asks for an electronic result where the procedure
//     gives a paper one, which motcua does not check here.
func DossierMeasures(p Period, ds []Dossier) Measures {
	var onTime, processed, online, received int
	for _, d := range ds {
		c := ClassifyII06a(d, p)
		if !c.Counts() {
			continue
		}
		if c.Out != Withdrawn {
			processed++
			good := c.Out == ResolvedEarly || c.Out == ResolvedOnTime || c.Out == InProgressInTime
			if good && d.Supplements < 2 {
				onTime++
			}
		}
		if c.In != ReceivedCarried {
			received++
			if c.In == ReceivedOnline {
				online++
			}
		}
	}
	return Measures{MeasureOnTime: {onTime, processed}, MeasureOnline: {online, received}}
}

// ScoreIndex scores the measures of a unit and period with the scheme. An indicator
// with no measure, or whose denominator is 0, has no data.
func ScoreIndex(s Scheme766, p Period, counts Measures) Index {
	x := Index{Period: p, Version: s.Version}
	for _, g := range s.Groups {
		gs := GroupScore{Code: g.Code, Name: g.Name}
		for _, in := range g.Indicators {
			is := IndicatorScore{IndicatorDef: in}
			if n, ok := counts[in.Measure]; ok && n.Den > 0 {
				is.Numerator, is.Denominator, is.HasData = n.Num, n.Den, true
				is.Rate = float64(n.Num) / float64(n.Den)
				is.Points = Points766(is.Rate, in.MaxPoints, in.Threshold)
				gs.Points += is.Points
				gs.MaxPoints += in.MaxPoints
			}
			gs.Indicators = append(gs.Indicators, is)
		}
		gs.Points, gs.MaxPoints = round2(gs.Points), round2(gs.MaxPoints)
		x.Points += gs.Points
		x.MaxPoints += gs.MaxPoints
		x.Groups = append(x.Groups, gs)
	}
	x.Points, x.MaxPoints = round2(x.Points), round2(x.MaxPoints)
	return x
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
