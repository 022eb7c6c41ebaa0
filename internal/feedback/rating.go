package feedback

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"motcua/internal/dossier"
	"motcua/internal/fault"
)

// Satisfaction is a mức độ hài lòng: the level a citizen gives the service of one
// dossier, or one of its criteria. Its values are part of the API.
type Satisfaction string

// The levels of satisfaction.
const (
	Satisfied    Satisfaction = "satisfied"    // hài lòng
	Neutral      Satisfaction = "neutral"      // bình thường
	Dissatisfied Satisfaction = "dissatisfied" // không hài lòng
)

// Satisfactions lists the levels from the best.
func Satisfactions() []Satisfaction { return []Satisfaction{Satisfied, Neutral, Dissatisfied} }

// Valid reports whether s is one of the levels.
func (s Satisfaction) Valid() bool { return slices.Contains(Satisfactions(), s) }

// Label is the Vietnamese name of the level.
func (s Satisfaction) Label() string {
	switch s {
	case Satisfied:
		return "Hài lòng"
	case Neutral:
		return "Bình thường"
	case Dissatisfied:
		return "Không hài lòng"
	}
	return string(s)
}

// Criterion is a tiêu chí of a rating that the citizen may judge apart from the overall
// level. Its values are part of the API.
type Criterion string

// The criteria of a rating.
const (
	CriterionAttitude Criterion = "attitude" // thái độ phục vụ của cán bộ
	CriterionTime     Criterion = "time"     // thời gian giải quyết
	CriterionGuidance Criterion = "guidance" // hướng dẫn, giải thích
)

// Criteria lists the criteria in the order a form asks them.
func Criteria() []Criterion { return []Criterion{CriterionAttitude, CriterionTime, CriterionGuidance} }

// Label is the Vietnamese name of the criterion.
func (c Criterion) Label() string {
	switch c {
	case CriterionAttitude:
		return "Thái độ phục vụ của cán bộ"
	case CriterionTime:
		return "Thời gian giải quyết"
	case CriterionGuidance:
		return "Hướng dẫn, giải thích"
	}
	return string(c)
}

// RatingChannel is where a rating was given (kênh đánh giá).
type RatingChannel string

// The channels of a rating.
const (
	RatedAtLookup  RatingChannel = "lookup"  // public lookup page or API, with the lookup key
	RatedByCitizen RatingChannel = "citizen" // the citizen's account ("Hồ sơ của tôi")
	RatedAtKiosk   RatingChannel = "kiosk"   // the tablet at the desk
)

// Label is the Vietnamese name of the channel.
func (c RatingChannel) Label() string {
	switch c {
	case RatedAtLookup:
		return "Trang tra cứu"
	case RatedByCitizen:
		return "Tài khoản công dân"
	case RatedAtKiosk:
		return "Máy đánh giá tại quầy"
	}
	return string(c)
}

// MaxRatingComment is the longest comment of a rating, in characters.
const MaxRatingComment = 1000

// RatingInput is what a citizen sends to rate a dossier: the overall level, the levels of
// the criteria they chose to judge (none required) and a comment (optional). JSON names
// are the API's.
type RatingInput struct {
	Level    Satisfaction               `json:"level"`
	Criteria map[Criterion]Satisfaction `json:"criteria,omitempty"`
	Comment  string                     `json:"comment,omitempty"`
}

// Normalize trims the comment and drops criteria left empty, then checks the input: a
// known level, known criteria with known levels, a comment of at most
// MaxRatingComment characters in valid UTF-8. It answers fault.Invalid with a message
// per field ("level", "criteria.attitude", "comment").
func (in *RatingInput) Normalize() error {
	f := map[string]string{}
	in.Level = Satisfaction(strings.TrimSpace(string(in.Level)))
	if !in.Level.Valid() {
		f["level"] = "Chọn mức độ hài lòng: hài lòng, bình thường hoặc không hài lòng."
	}
	for c, s := range in.Criteria {
		if s == "" {
			delete(in.Criteria, c)
			continue
		}
		switch {
		case !slices.Contains(Criteria(), c):
			f["criteria."+string(c)] = "Tiêu chí đánh giá không hợp lệ."
		case !s.Valid():
			f["criteria."+string(c)] = "Mức đánh giá của tiêu chí không hợp lệ."
		}
	}
	in.Comment = strings.TrimSpace(in.Comment)
	switch {
	case !utf8.ValidString(in.Comment) || strings.ContainsRune(in.Comment, 0):
		f["comment"] = "Ý kiến chứa ký tự không hợp lệ."
	case utf8.RuneCountInString(in.Comment) > MaxRatingComment:
		f["comment"] = "Ý kiến tối đa 1000 ký tự."
	}
	if len(f) > 0 {
		return fault.WithFields("Đánh giá chưa hợp lệ.", f)
	}
	return nil
}

// Rating is one đánh giá mức độ hài lòng of the service given to a dossier: an
// append-only record, never changed, so that every indicator can be recomputed from it.
// Officers are the accounts that handled the dossier (HandlingOfficers).
type Rating struct {
	DossierCode string
	RatingInput
	Channel  RatingChannel
	At       time.Time
	Officers []string
}

// CanRate decides whether a dossier in the state may be rated now: only once its
// result was returned to the applicant (đã trả kết quả), and only once. It answers
// fault.Conflict with the reason otherwise.
func CanRate(st dossier.State, alreadyRated bool) error {
	switch {
	case alreadyRated:
		return fault.New(fault.Conflict, "Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.")
	case st.Status != dossier.StatusReturned:
		return fault.New(fault.Conflict, "Hồ sơ chưa trả kết quả nên chưa thể đánh giá. Bạn có thể đánh giá sau khi nhận kết quả.")
	}
	return nil
}

// NewRating makes the rating of the dossier from the normalized input, or answers as
// CanRate does. Its officers are the dossier's handling officers.
func NewRating(d dossier.Dossier, st dossier.State, alreadyRated bool, in RatingInput, ch RatingChannel, at time.Time) (Rating, error) {
	if err := in.Normalize(); err != nil {
		return Rating{}, err
	}
	if err := CanRate(st, alreadyRated); err != nil {
		return Rating{}, err
	}
	return Rating{DossierCode: d.Code, RatingInput: in, Channel: ch, At: at.UTC(), Officers: HandlingOfficers(d)}, nil
}

// HandlingOfficers are the officers (cán bộ) who handled the dossier: the accounts
// that took an action on it as one-stop officer, specialist, leader or administrator, in
// the order of their first action. The applicant's own actions do not count.
func HandlingOfficers(d dossier.Dossier) []string {
	var out []string
	for _, e := range d.Events {
		switch e.Role {
		case dossier.RoleOneStop, dossier.RoleSpecialist, dossier.RoleLeader, dossier.RoleAdmin:
			if e.Actor != "" && !slices.Contains(out, e.Actor) {
				out = append(out, e.Actor)
			}
		}
	}
	return out
}
