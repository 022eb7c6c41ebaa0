package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"motcua/internal/calendar"
	"motcua/internal/fault"
	"motcua/internal/files"
	"motcua/internal/org"
	"motcua/internal/report"
	"motcua/internal/store"
)

// MaxEvidencePerCriterion is how many evidence files one criterion may hold.
const MaxEvidencePerCriterion = 10

// Scheme returns the competition's criteria of the year: the administrators' version,
// else the illustrative default (report.DefaultScheme).
func (a *App) Scheme(ctx context.Context, year int) (report.Scheme, error) {
	if year < 2000 || year > 9999 {
		return report.Scheme{}, fault.WithFields("Năm không hợp lệ.", map[string]string{"year": "Năm không hợp lệ."})
	}
	s, ok, err := a.store.ScorecardScheme(ctx, year)
	if err != nil || ok {
		return s, err
	}
	return report.DefaultScheme(year), nil
}

// SaveScheme replaces the year's criteria with the JSON document (report.Scheme):
// administrators only; a malformed or inconsistent tree is fault.Invalid with a message
// per criterion code.
func (a *App) SaveScheme(ctx context.Context, u org.User, year int, doc string, o Origin) (report.Scheme, error) {
	if err := requireRole(u, org.Admin); err != nil {
		return report.Scheme{}, err
	}
	if len(doc) > 256<<10 {
		return report.Scheme{}, fault.New(fault.TooLarge, "Bộ tiêu chí quá lớn (tối đa 256 KB).")
	}
	var s report.Scheme
	if err := json.Unmarshal([]byte(doc), &s); err != nil {
		return report.Scheme{}, fault.WithFields("Bộ tiêu chí không đọc được.", map[string]string{"doc": "Cần một tài liệu JSON hợp lệ: " + err.Error()})
	}
	s.Year = year
	if errs := s.Validate(); len(errs) > 0 {
		return report.Scheme{}, fault.WithFields("Bộ tiêu chí chưa hợp lệ.", errs)
	}
	return s, a.store.SaveScorecardScheme(ctx, s, u.Username, officerAudit(u, o, "scorecard.scheme", strconv.Itoa(year), s.Name))
}

// Scorecard is a unit's card for a year, with its evidence files and what the caller
// may do on it.
type Scorecard struct {
	Unit org.Unit
	Year int
	report.Card
	Evidence map[string][]store.Evidence
	// CanSelf: the caller is a leader of the unit; CanAppraise: a leader or inspector of
	// the unit above it.
	CanSelf, CanAppraise bool
}

// yearPeriod is the statutory year whose index automatic criteria read.
func yearPeriod(year int) report.Period {
	p, _ := report.Named(report.Year, year, 0)
	return p
}

// Scorecard returns the unit's scorecard for the year (chấm điểm Chỉ số CCHC): the
// self-scores, the appraised scores and the automatic criteria from the QĐ 766 index of
// the statutory year. Leaders, inspectors and administrators read it within their
// scope (fault.Forbidden otherwise); an unknown unit is fault.NotFound.
func (a *App) Scorecard(ctx context.Context, u org.User, unit string, year int) (Scorecard, error) {
	if err := requireRole(u, org.Leader, org.Inspector, org.Admin); err != nil {
		return Scorecard{}, err
	}
	s, err := a.Scheme(ctx, year)
	if err != nil {
		return Scorecard{}, err
	}
	un, err := a.store.Unit(ctx, strings.TrimSpace(unit))
	if err != nil {
		return Scorecard{}, err
	}
	if err := a.seeReports(ctx, u, un.Code); err != nil {
		return Scorecard{}, err
	}
	idx, err := a.unitIndex(ctx, un.Code, yearPeriod(year))
	if err != nil {
		return Scorecard{}, err
	}
	card, err := a.card(ctx, s, un.Code, idx)
	if err != nil {
		return Scorecard{}, err
	}
	ev, err := a.store.EvidenceList(ctx, year, un.Code)
	if err != nil {
		return Scorecard{}, err
	}
	out := Scorecard{Unit: un, Year: year, Card: card, Evidence: map[string][]store.Evidence{},
		CanSelf: canSelfScore(u, un), CanAppraise: canAppraise(u, un)}
	for _, e := range ev {
		out.Evidence[e.Criterion] = append(out.Evidence[e.Criterion], e)
	}
	return out, nil
}

// card computes the unit's scorecard from its entries and its QĐ 766 index of the year.
func (a *App) card(ctx context.Context, s report.Scheme, unit string, idx report.Index) (report.Card, error) {
	entries, err := a.store.ScorecardEntries(ctx, s.Year, unit)
	if err != nil {
		return report.Card{}, err
	}
	return report.ComputeCard(s, entries, idx), nil
}

func canSelfScore(u org.User, un org.Unit) bool { return u.Has(org.Leader) && u.UnitCode == un.Code }

func canAppraise(u org.User, un org.Unit) bool {
	return u.HasAny(org.Leader, org.Inspector) && un.ParentCode != "" && u.UnitCode == un.ParentCode
}

// ScoreInput is one score as typed on the page or sent to the API.
type ScoreInput struct {
	Unit, Criterion, Points, Note string
	Year                          int
}

// parse checks the score against the year's criteria: a self-assessed leaf, points
// between 0 and its maximum (empty clears the score), a note of at most 1000 characters.
func (in ScoreInput) parse(s report.Scheme) (*float64, error) {
	c, ok := s.Leaf(strings.TrimSpace(in.Criterion))
	if !ok {
		return nil, fault.WithFields("Tiêu chí không có trong bộ tiêu chí của năm.", map[string]string{"criterion": "Chọn một tiêu chí lá."})
	}
	if c.Source != "" {
		return nil, fault.WithFields("Tiêu chí này lấy điểm tự động từ Chỉ số QĐ 766.", map[string]string{"criterion": "Không chấm tay tiêu chí tự động."})
	}
	if utf8.RuneCountInString(in.Note) > 1000 {
		return nil, fault.WithFields("Ghi chú quá dài.", map[string]string{"note": "Tối đa 1000 ký tự."})
	}
	p := strings.TrimSpace(strings.ReplaceAll(in.Points, ",", "."))
	if p == "" {
		return nil, nil
	}
	v, err := strconv.ParseFloat(p, 64)
	if err != nil || math.IsNaN(v) || v < 0 || v > c.MaxPoints {
		return nil, fault.WithFields("Điểm chưa hợp lệ.", map[string]string{"points": fmt.Sprintf("Điểm từ 0 đến %g.", c.MaxPoints)})
	}
	v = math.Round(v*100) / 100
	return &v, nil
}

// scoreTarget reads the year's criteria and the unit for a score.
func (a *App) scoreTarget(ctx context.Context, in ScoreInput) (report.Scheme, org.Unit, *float64, error) {
	s, err := a.Scheme(ctx, in.Year)
	if err != nil {
		return s, org.Unit{}, nil, err
	}
	un, err := a.store.Unit(ctx, strings.TrimSpace(in.Unit))
	if err != nil {
		return s, un, nil, err
	}
	v, err := in.parse(s)
	return s, un, v, err
}

// SelfScore records the unit's own score of a criterion (tự chấm): the unit's leaders
// only (fault.Forbidden for anyone else).
func (a *App) SelfScore(ctx context.Context, u org.User, in ScoreInput, o Origin) error {
	if err := requireRole(u, org.Leader); err != nil {
		return err
	}
	if strings.TrimSpace(in.Unit) != u.UnitCode {
		return fault.New(fault.Forbidden, "Chỉ lãnh đạo của đơn vị được tự chấm điểm cho đơn vị.")
	}
	_, un, v, err := a.scoreTarget(ctx, in)
	if err != nil {
		return err
	}
	return a.store.SaveScore(ctx, store.SelfScore, in.Year, un.Code, in.Criterion, v, strings.TrimSpace(in.Note), u.Username,
		officerAudit(u, o, "scorecard.self", un.Code, fmt.Sprintf("%d %s", in.Year, in.Criterion)))
}

// Appraise records the parent unit's appraised score of a criterion (thẩm định): the
// leaders and inspectors of the unit directly above only.
func (a *App) Appraise(ctx context.Context, u org.User, in ScoreInput, o Origin) error {
	if err := requireRole(u, org.Leader, org.Inspector); err != nil {
		return err
	}
	_, un, v, err := a.scoreTarget(ctx, in)
	if err != nil {
		return err
	}
	if !canAppraise(u, un) {
		return fault.New(fault.Forbidden, "Chỉ lãnh đạo, thanh tra của đơn vị cấp trên trực tiếp được thẩm định điểm.")
	}
	return a.store.SaveScore(ctx, store.Appraisal, in.Year, un.Code, in.Criterion, v, strings.TrimSpace(in.Note), u.Username,
		officerAudit(u, o, "scorecard.appraisal", un.Code, fmt.Sprintf("%d %s", in.Year, in.Criterion)))
}

// AddEvidence stores evidence files (minh chứng) of the unit's self-score of a criterion:
// the unit's leaders only, files checked by content and size like every upload, at most
// MaxEvidencePerCriterion per criterion.
func (a *App) AddEvidence(ctx context.Context, u org.User, in ScoreInput, ups []Upload, o Origin) ([]store.Evidence, error) {
	if err := requireRole(u, org.Leader); err != nil {
		return nil, err
	}
	if strings.TrimSpace(in.Unit) != u.UnitCode {
		return nil, fault.New(fault.Forbidden, "Chỉ lãnh đạo của đơn vị được nộp minh chứng cho đơn vị.")
	}
	in.Points = ""
	if _, _, _, err := a.scoreTarget(ctx, in); err != nil {
		return nil, err
	}
	if err := checkUploads(ups); err != nil {
		return nil, err
	}
	n, err := a.store.EvidenceCount(ctx, in.Year, u.UnitCode, in.Criterion)
	if err != nil {
		return nil, err
	}
	if n+len(ups) > MaxEvidencePerCriterion {
		return nil, fault.Newf(fault.TooLarge, "Mỗi tiêu chí có tối đa %d tệp minh chứng.", MaxEvidencePerCriterion)
	}
	var out []store.Evidence
	for _, up := range ups {
		f, err := up.Open()
		if err != nil {
			return out, fault.New(fault.Invalid, "Không đọc được tệp tải lên.")
		}
		sha, size, ct, err := files.New(a.cfg.DataDir).Put(f, a.cfg.FileLimit)
		f.Close()
		if err != nil {
			return out, err
		}
		e := store.Evidence{Year: in.Year, UnitCode: u.UnitCode, Criterion: in.Criterion, SHA256: sha, Size: size,
			ContentType: ct, FileName: files.SanitizeName(up.Name, ct), UploadedBy: u.Username}
		e, err = a.store.AddEvidence(ctx, e, officerAudit(u, o, "scorecard.evidence", u.UnitCode, fmt.Sprintf("%d %s %s", in.Year, in.Criterion, e.FileName)))
		if err != nil {
			return out, err
		}
		out = append(out, e)
	}
	return out, nil
}

// Evidence returns an evidence file and its content for an officer who may read the
// unit's scorecard.
func (a *App) Evidence(ctx context.Context, u org.User, id int64) (store.Evidence, io.ReadSeekCloser, error) {
	if err := requireRole(u, org.Leader, org.Inspector, org.Admin); err != nil {
		return store.Evidence{}, nil, err
	}
	e, err := a.store.EvidenceByID(ctx, id)
	if err != nil {
		return e, nil, err
	}
	if err := a.seeReports(ctx, u, e.UnitCode); err != nil {
		return e, nil, err
	}
	f, err := files.New(a.cfg.DataDir).Open(e.SHA256)
	if err != nil {
		return e, nil, err
	}
	return e, f, nil
}

// CompetitionRanking is the final ranking of the units directly below a parent in the
// year's competition.
type CompetitionRanking struct {
	Parent org.Unit
	Year   int
	Scheme report.Scheme
	Items  []report.RankedCard
}

// ownParent is the unit above the officer's own, where the officer's unit is ranked
// among its siblings; the officer's own unit when it has none (the province).
func (a *App) ownParent(ctx context.Context, u org.User) string {
	if own, err := a.store.Unit(ctx, u.UnitCode); err == nil && own.ParentCode != "" {
		return own.ParentCode
	}
	return u.UnitCode
}

// CompetitionRanking ranks the units directly below the parent by their final
// scorecard points of the year (report.RankCards). Leaders, inspectors and
// administrators of the parent's subtree read it (a unit's officers see their
// siblings' totals, no scores of single criteria); anyone else is fault.Forbidden.
// Without a parent, the officer's unit is ranked among its siblings.
func (a *App) CompetitionRanking(ctx context.Context, u org.User, parent string, year int) (CompetitionRanking, error) {
	if err := requireRole(u, org.Leader, org.Inspector, org.Admin); err != nil {
		return CompetitionRanking{}, err
	}
	s, err := a.Scheme(ctx, year)
	if err != nil {
		return CompetitionRanking{}, err
	}
	parent = strings.TrimSpace(parent)
	if parent == "" {
		parent = a.ownParent(ctx, u)
	}
	pu, err := a.store.Unit(ctx, parent)
	if err != nil {
		return CompetitionRanking{}, err
	}
	if err := a.seeReports(ctx, u, pu.Code); err != nil {
		own, uerr := a.store.Unit(ctx, u.UnitCode)
		if uerr != nil || own.ParentCode != pu.Code {
			return CompetitionRanking{}, err
		}
	}
	units, err := a.store.Units(ctx)
	if err != nil {
		return CompetitionRanking{}, err
	}
	idx, err := a.indexes(ctx, store.IndexRoots{Parent: pu.Code}, yearPeriod(year))
	if err != nil {
		return CompetitionRanking{}, err
	}
	var entries []report.CardEntry
	for _, un := range units {
		if un.ParentCode != pu.Code {
			continue
		}
		c, err := a.card(ctx, s, un.Code, idx.of(un.Code))
		if err != nil {
			return CompetitionRanking{}, err
		}
		entries = append(entries, report.CardEntry{UnitCode: un.Code, UnitName: un.Name, Card: c})
	}
	return CompetitionRanking{Parent: pu, Year: year, Scheme: s, Items: report.RankCards(entries)}, nil
}

// CompetitionYear is the year the competition pages open on: the statutory year
// before the current one, whose results are final.
func (a *App) CompetitionYear() int {
	return report.StatutoryMonth(calendar.DateOf(a.store.Now())).To.Year - 1
}
