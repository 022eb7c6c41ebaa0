package kit

import (
	"context"
	"net/http"
	"strings"

	"motcua/internal/app"
	"motcua/internal/fault"
	"motcua/internal/feedback"
	"motcua/internal/store"
)

// RatingsPerMinute is how many ratings (and kiosk scans) one address may send a minute;
// a kiosk at a busy desk sends a few a minute.
const RatingsPerMinute = 30

// RatingBox is the đánh giá mức độ hài lòng part of a dossier page: the rating given,
// or the form to give it when the dossier may be rated, or nothing. Template
// "rating_box" (_rating.html) renders it.
type RatingBox struct {
	// Action is where the form posts; Key the lookup key it carries (public lookup).
	Action, Key string
	CanRate     bool
	Rated       bool
	Rating      feedback.Rating
	Levels      []feedback.Satisfaction
	Criteria    []feedback.Criterion
	// Posted, Message and Fields show a refused form again.
	Posted  feedback.RatingInput
	Message string
	Fields  map[string]string
	// Officer shows the rating to officers (with its channel and officers).
	Officer bool
}

// RatingBox describes the rating part of the dossier's page for the visitor of the
// request; the template takes the page, whose Data["Rating"] it shows.
func (s *Kit) RatingBox(r *http.Request, d store.StoredDossier, action, key string) (RatingBox, error) {
	b := RatingBox{Action: action, Key: key, Levels: feedback.Satisfactions(), Criteria: feedback.Criteria()}
	return b, b.load(r.Context(), s.App, d)
}

func (b *RatingBox) load(ctx context.Context, a *app.App, d store.StoredDossier) error {
	r, ok, err := a.DossierRating(ctx, d.Record.Code)
	if err != nil {
		return err
	}
	b.Rated, b.Rating = ok, r
	if !ok {
		b.CanRate, err = a.CanRate(ctx, d)
	}
	return err
}

// WithError keeps the posted input and the messages of a refused rating.
func (b RatingBox) WithError(e *fault.Error, in feedback.RatingInput) RatingBox {
	b.Posted, b.Message, b.Fields = in, e.Message, e.Fields
	return b
}

// Criterion returns the posted level of the criterion, for the form's radio buttons.
func (b RatingBox) Criterion(c feedback.Criterion) feedback.Satisfaction { return b.Posted.Criteria[c] }

// RatingForm reads a rating form: level, one field per criterion ("crit_attitude"…),
// comment.
func RatingForm(r *http.Request) feedback.RatingInput {
	in := feedback.RatingInput{Level: feedback.Satisfaction(strings.TrimSpace(r.PostFormValue("level"))),
		Comment: r.PostFormValue("comment"), Criteria: map[feedback.Criterion]feedback.Satisfaction{}}
	for _, c := range feedback.Criteria() {
		if v := strings.TrimSpace(r.PostFormValue("crit_" + string(c))); v != "" {
			in.Criteria[c] = feedback.Satisfaction(v)
		}
	}
	return in
}
