package demo

import (
	"hash/fnv"
	"math/rand/v2"
	"time"

	"motcua/internal/dossier"
	"motcua/internal/feedback"
	"motcua/internal/store"
)

// ratingProfile is how the applicants of a demo unit rate the service: the share of
// returned dossiers rated, and the shares of "bình thường" and "không hài lòng" among
// the ratings (the rest are "hài lòng"); a late dossier is disliked more often.
type ratingProfile struct {
	Share, Neutral, Dissatisfied, DissatisfiedLate float64
}

// ratingProfiles are the demo units' profiles: Tân Hòa, a good unit, is rated
// overwhelmingly satisfied; the smaller communes a little less so.
var ratingProfiles = map[string]ratingProfile{
	TanHoa:      {Share: 0.5, Neutral: 0.04, Dissatisfied: 0.006, DissatisfiedLate: 0.3},
	"H40.12.07": {Share: 0.35, Neutral: 0.09, Dissatisfied: 0.03, DissatisfiedLate: 0.35},
	"H40.15.01": {Share: 0.35, Neutral: 0.08, Dissatisfied: 0.025, DissatisfiedLate: 0.35},
	"H40.15.09": {Share: 0.3, Neutral: 0.12, Dissatisfied: 0.05, DissatisfiedLate: 0.4},
}

// ratingComments are the comments that some demo ratings carry, by level.
var ratingComments = map[feedback.Satisfaction][]string{
	feedback.Satisfied:    {"Cán bộ hướng dẫn tận tình, chu đáo.", "Giải quyết nhanh, trả kết quả đúng hẹn.", "Thủ tục đơn giản, dễ thực hiện."},
	feedback.Neutral:      {"Phải chờ hơi lâu tại quầy.", "Hướng dẫn kê khai còn hơi khó hiểu."},
	feedback.Dissatisfied: {"Thời gian chờ lâu, hướng dẫn chưa rõ.", "Phải đi lại nhiều lần mới xong."},
}

// historyRatings makes the ratings of a unit's returned history dossiers, given before
// now: each dossier's fate comes from a random source seeded by its code, so that the
// ratings are the same on every install and on a resumed load. Counter dossiers are
// mostly rated at the kiosk when the result is handed over, online ones from the
// citizen's account or the lookup page within three days.
func historyRatings(unit string, ds []store.ImportedDossier, now time.Time) []feedback.Rating {
	prof, ok := ratingProfiles[unit]
	if !ok {
		return nil
	}
	var out []feedback.Rating
	for _, d := range ds {
		st := d.State
		if st.Status != dossier.StatusReturned || st.ReturnedAt.IsZero() {
			continue
		}
		h := fnv.New64a()
		h.Write([]byte(d.Record.Code))
		r := rand.New(rand.NewPCG(historySeed, h.Sum64()))
		if r.Float64() >= prof.Share {
			continue
		}
		disliked := prof.Dissatisfied
		if st.Timeliness(st.ReturnedAt) == dossier.Late {
			disliked = prof.DissatisfiedLate
		}
		in := feedback.RatingInput{Level: feedback.Satisfied}
		switch x := r.Float64(); {
		case x < disliked:
			in.Level = feedback.Dissatisfied
			in.Criteria = map[feedback.Criterion]feedback.Satisfaction{feedback.CriterionTime: feedback.Dissatisfied}
		case x < disliked+prof.Neutral:
			in.Level = feedback.Neutral
		case r.Float64() < 0.3:
			in.Criteria = map[feedback.Criterion]feedback.Satisfaction{feedback.CriterionAttitude: feedback.Satisfied,
				feedback.CriterionTime: feedback.Satisfied, feedback.CriterionGuidance: feedback.Satisfied}
		}
		if cs := ratingComments[in.Level]; r.Float64() < 0.12 || in.Level == feedback.Dissatisfied {
			in.Comment = cs[r.IntN(len(cs))]
		}
		ch, at := feedback.RatedAtKiosk, st.ReturnedAt.Add(time.Duration(60+r.IntN(240))*time.Second)
		if d.Record.Channel == dossier.ChannelOnline || r.Float64() < 0.2 {
			ch, at = feedback.RatedAtLookup, st.ReturnedAt.Add(time.Duration(30+r.IntN(72*60))*time.Minute)
			if d.Record.Channel == dossier.ChannelOnline && r.Float64() < 0.5 {
				ch = feedback.RatedByCitizen
			}
		}
		if !at.Before(now) {
			continue
		}
		rt, err := feedback.NewRating(d.Dossier, st, false, in, ch, at)
		if err != nil {
			continue // a demo input the rule refuses is left out
		}
		out = append(out, rt)
	}
	return out
}
