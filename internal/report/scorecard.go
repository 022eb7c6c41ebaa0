package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Criterion is one tiêu chí of the yearly administrative-reform competition scorecard
// (chuyên đề thi đua CCHC, Chỉ số CCHC): a group with sub-criteria, or a leaf scored
// with at most MaxPoints. A leaf with a Source takes its points from the QĐ 766 index
// instead of the unit's self-assessment.
type Criterion struct {
	Code      string      `json:"code"`
	Name      string      `json:"name"`
	MaxPoints float64     `json:"max_points"`
	Source    Source      `json:"source,omitempty"`
	Children  []Criterion `json:"children,omitempty"`
}

// Source names where an automatic criterion takes its value: "index766" for the whole
// QĐ 766 index (points = max × score ÷ 100), "766:CODE" for one indicator (points = max
// × the indicator's points ÷ its maximum). "" is a self-assessed criterion.
type Source string

// SourceIndex766 is the whole QĐ 766 index.
const SourceIndex766 Source = "index766"

// Valid reports whether the source is one of the known forms.
func (s Source) Valid() bool {
	return s == "" || s == SourceIndex766 || (strings.HasPrefix(string(s), "766:") && len(s) > 4)
}

// Scheme is the scorecard of a year (bộ tiêu chí): versioned data, one per year,
// edited by administrators. Illustrative marks a tree that is not the province's
// official one.
type Scheme struct {
	Year         int         `json:"year"`
	Name         string      `json:"name"`
	Illustrative bool        `json:"illustrative"`
	Note         string      `json:"note,omitempty"`
	Criteria     []Criterion `json:"criteria"`
}

// MaxPoints is the total of the top criteria.
func (s Scheme) MaxPoints() float64 {
	var t float64
	for _, c := range s.Criteria {
		t += c.MaxPoints
	}
	return t
}

// Validate checks the tree: codes present and unique, names present, positive
// maximum points, a group's maximum equal to the sum of its children's, sources only
// on leaves and of a known form. It answers a message per code ("" for the scheme).
func (s Scheme) Validate() map[string]string {
	errs := map[string]string{}
	if s.Year < 2000 || s.Year > 9999 {
		errs["year"] = "Năm không hợp lệ."
	}
	if len(s.Criteria) == 0 {
		errs["criteria"] = "Bộ tiêu chí cần ít nhất một tiêu chí."
	}
	seen := map[string]bool{}
	var walk func(cs []Criterion)
	walk = func(cs []Criterion) {
		for _, c := range cs {
			key := c.Code
			switch {
			case strings.TrimSpace(c.Code) == "" || len(c.Code) > 20:
				key = "criteria"
				errs[key] = "Mỗi tiêu chí cần một mã (tối đa 20 ký tự)."
			case seen[c.Code]:
				errs[key] = "Mã tiêu chí bị trùng."
			case strings.TrimSpace(c.Name) == "" || len([]rune(c.Name)) > 300:
				errs[key] = "Tên tiêu chí không được trống hay dài quá 300 ký tự."
			case !(c.MaxPoints > 0) || c.MaxPoints > 1000:
				errs[key] = "Điểm tối đa phải lớn hơn 0 và không quá 1000."
			case !c.Source.Valid():
				errs[key] = "Nguồn điểm tự động không hợp lệ."
			case len(c.Children) > 0 && c.Source != "":
				errs[key] = "Chỉ tiêu chí lá mới lấy điểm tự động."
			case len(c.Children) > 0 && math.Abs(sumMax(c.Children)-c.MaxPoints) > 0.001:
				errs[key] = fmt.Sprintf("Điểm tối đa (%g) phải bằng tổng của các tiêu chí con (%g).", c.MaxPoints, sumMax(c.Children))
			}
			seen[c.Code] = true
			walk(c.Children)
		}
	}
	walk(s.Criteria)
	return errs
}

func sumMax(cs []Criterion) float64 {
	var t float64
	for _, c := range cs {
		t += c.MaxPoints
	}
	return t
}

// Line is one criterion of a unit's scorecard with its points: the self-score and
// the appraised score (thẩm định) of a leaf as entered, an automatic leaf's computed
// value, and a group's sums. Final is the appraised score when there is one, else the
// self-score (the automatic value for an automatic leaf).
type Line struct {
	Criterion
	Depth                   int
	Leaf, Auto              bool
	HasSelf, HasAppraised   bool
	Self, Appraised, Final  float64
	SelfNote, AppraisalNote string
	// NoData is true for an automatic leaf whose indicator has no data (0 points).
	NoData bool
}

// Entry is what a unit entered for one leaf, and what its parent appraised.
type Entry struct {
	Criterion               string
	Self, Appraised         *float64
	SelfNote, AppraisalNote string
}

// Card is a unit's scorecard for a year.
type Card struct {
	Scheme                 Scheme
	Lines                  []Line
	Self, Appraised, Final float64
	MaxPoints              float64
	// Appraised is complete when every self-assessed leaf has an appraised score.
	Complete bool
}

// ComputeCard computes the scorecard from the unit's entries and its QĐ 766 index for
// the year: leaves take the entered points (or the index's), groups the sum of their
// children, all rounded to two decimals.
func ComputeCard(s Scheme, entries map[string]Entry, idx Index) Card {
	card := Card{Scheme: s, MaxPoints: s.MaxPoints(), Complete: true}
	var walk func(cs []Criterion, depth int) (self, appr, final float64)
	walk = func(cs []Criterion, depth int) (self, appr, final float64) {
		for _, c := range cs {
			i := len(card.Lines)
			card.Lines = append(card.Lines, Line{Criterion: c, Depth: depth, Leaf: len(c.Children) == 0})
			l := &card.Lines[i]
			switch {
			case !l.Leaf:
				ls, la, lf := walk(c.Children, depth+1)
				l = &card.Lines[i]
				l.Self, l.Appraised, l.Final = ls, la, lf
			case c.Source != "":
				l.Auto = true
				v, ok := autoPoints(c, idx)
				l.NoData = !ok
				l.Self, l.Appraised, l.Final, l.HasSelf, l.HasAppraised = v, v, v, true, true
			default:
				e := entries[c.Code]
				l.SelfNote, l.AppraisalNote = e.SelfNote, e.AppraisalNote
				if e.Self != nil {
					l.HasSelf, l.Self = true, *e.Self
				}
				if e.Appraised != nil {
					l.HasAppraised, l.Appraised = true, *e.Appraised
				} else {
					card.Complete = false
				}
				l.Final = l.Self
				if l.HasAppraised {
					l.Final = l.Appraised
				}
			}
			self += l.Self
			appr += l.Appraised
			final += l.Final
		}
		return round2(self), round2(appr), round2(final)
	}
	card.Self, card.Appraised, card.Final = walk(s.Criteria, 0)
	return card
}

// autoPoints is an automatic leaf's value from the index, and whether there were data.
func autoPoints(c Criterion, idx Index) (float64, bool) {
	if c.Source == SourceIndex766 {
		if !idx.HasData() {
			return 0, false
		}
		return round2(c.MaxPoints * idx.Score() / 100), true
	}
	code := strings.TrimPrefix(string(c.Source), "766:")
	for _, g := range idx.Groups {
		for _, in := range g.Indicators {
			if in.Code == code && in.HasData && in.MaxPoints > 0 {
				return round2(c.MaxPoints * in.Points / in.MaxPoints), true
			}
		}
	}
	return 0, false
}

// CardEntry is one unit's card to rank.
type CardEntry struct {
	UnitCode, UnitName string
	Card               Card
}

// RankedCard is one line of the competition's ranking (xếp hạng thi đua): final
// points, the share of the maximum, and whether every self-assessed criterion was
// appraised (else the ranking is provisional for the unit).
type RankedCard struct {
	Rank               int
	UnitCode, UnitName string
	Final, Percent     float64
	Complete           bool
}

// RankCards orders the cards by final points, best first; equal points share a rank
// (1, 1, 3), equal units are listed by code.
func RankCards(entries []CardEntry) []RankedCard {
	out := make([]RankedCard, 0, len(entries))
	for _, e := range entries {
		r := RankedCard{UnitCode: e.UnitCode, UnitName: e.UnitName, Final: e.Card.Final, Complete: e.Card.Complete}
		if e.Card.MaxPoints > 0 {
			r.Percent = round2(100 * e.Card.Final / e.Card.MaxPoints)
		}
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b RankedCard) int {
		return cmp.Or(cmp.Compare(b.Final, a.Final), cmp.Compare(a.UnitCode, b.UnitCode))
	})
	for i := range out {
		if i > 0 && out[i-1].Final == out[i].Final {
			out[i].Rank = out[i-1].Rank
		} else {
			out[i].Rank = i + 1
		}
	}
	return out
}

// Leaf returns the leaf criterion with the code, and whether there is one.
func (s Scheme) Leaf(code string) (Criterion, bool) {
	var found Criterion
	ok := false
	var walk func(cs []Criterion)
	walk = func(cs []Criterion) {
		for _, c := range cs {
			if c.Code == code && len(c.Children) == 0 {
				found, ok = c, true
			}
			walk(c.Children)
		}
	}
	walk(s.Criteria)
	return found, ok
}

// DefaultScheme is the scorecard used for a year the administrators have not set:
// ILLUSTRATIVE, modelled on the structure research confirmed for Hà Nội's index (seven
// areas of the PAR Index, out of 100, "Cải cách TTHC" partly taken from the one-stop
// system) — not the province's official criteria, which come as a yearly decision of
// the UBND tỉnh (e.g. Sơn La 2712/QĐ-UBND/2025) and must be entered by an administrator.
func DefaultScheme(year int) Scheme {
	return Scheme{
		Year: year, Name: fmt.Sprintf("Bộ tiêu chí Chỉ số CCHC cấp xã năm %d (minh họa)", year), Illustrative: true,
		Note: "Minh họa, chưa phải bộ tiêu chí chính thức của tỉnh: cấu trúc 7 lĩnh vực theo Chỉ số CCHC (PAR Index); " +
			"điểm từng tiêu chí là giả định, chưa đối chiếu quyết định của UBND tỉnh. Quản trị viên nhập bộ tiêu chí chính thức.",
		Criteria: []Criterion{
			{Code: "1", Name: "Công tác chỉ đạo, điều hành cải cách hành chính", MaxPoints: 10, Children: []Criterion{
				{Code: "1.1", Name: "Kế hoạch CCHC năm ban hành đúng hạn, đầy đủ", MaxPoints: 4},
				{Code: "1.2", Name: "Báo cáo CCHC định kỳ đúng hạn", MaxPoints: 3},
				{Code: "1.3", Name: "Kiểm tra, tuyên truyền CCHC", MaxPoints: 3},
			}},
			{Code: "2", Name: "Tổ chức thực hiện văn bản quy phạm pháp luật", MaxPoints: 8, Children: []Criterion{
				{Code: "2.1", Name: "Triển khai, theo dõi thi hành văn bản QPPL", MaxPoints: 8},
			}},
			{Code: "3", Name: "Cải cách thủ tục hành chính", MaxPoints: 30, Children: []Criterion{
				{Code: "3.1", Name: "Công khai TTHC, niêm yết đầy đủ tại Bộ phận Một cửa", MaxPoints: 4},
				{Code: "3.2", Name: "Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)", MaxPoints: 10, Source: SourceIndex766},
				{Code: "3.3", Name: "Tỷ lệ hồ sơ giải quyết đúng hạn (chỉ tiêu 2.1, QĐ 766)", MaxPoints: 10, Source: "766:2.1"},
				{Code: "3.4", Name: "Tiếp nhận, xử lý phản ánh, kiến nghị", MaxPoints: 6},
			}},
			{Code: "4", Name: "Cải cách tổ chức bộ máy", MaxPoints: 10, Children: []Criterion{
				{Code: "4.1", Name: "Sắp xếp tổ chức, thực hiện biên chế được giao", MaxPoints: 10},
			}},
			{Code: "5", Name: "Xây dựng, nâng cao chất lượng đội ngũ cán bộ, công chức", MaxPoints: 12, Children: []Criterion{
				{Code: "5.1", Name: "Bố trí công chức đúng vị trí việc làm", MaxPoints: 6},
				{Code: "5.2", Name: "Đào tạo, bồi dưỡng; chấp hành kỷ luật, kỷ cương", MaxPoints: 6},
			}},
			{Code: "6", Name: "Cải cách tài chính công", MaxPoints: 10, Children: []Criterion{
				{Code: "6.1", Name: "Quản lý, sử dụng ngân sách, tài sản công", MaxPoints: 10},
			}},
			{Code: "7", Name: "Xây dựng, phát triển chính quyền số", MaxPoints: 20, Children: []Criterion{
				{Code: "7.1", Name: "Ứng dụng CNTT trong quản lý, điều hành", MaxPoints: 8},
				{Code: "7.2", Name: "Tỷ lệ hồ sơ nộp trực tuyến (chỉ tiêu 3.3, QĐ 766)", MaxPoints: 6, Source: "766:3.3"},
				{Code: "7.3", Name: "Số hóa hồ sơ, kết quả giải quyết TTHC", MaxPoints: 6},
			}},
		},
	}
}
